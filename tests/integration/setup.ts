import { afterAll } from 'vitest';
import { providers } from '@/lib/providers';
import { APP } from './helpers';

// Sandbox switches live in the shared store: a file that leaves one on would break the next file
// and the e2e suite that runs after this one, so every file ends with all sandboxes back to normal.
afterAll(async () => {
  for (const { id } of providers) {
    await fetch(`${APP}/sandbox/${id}/_faults`, { method: 'DELETE' }).catch(() => undefined);
  }
});
