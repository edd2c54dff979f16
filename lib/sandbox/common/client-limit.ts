import 'server-only';
import { clientAddress } from '@/lib/server/client-address';
import { randomToken } from '@/lib/server/crypto';
import { getStore } from '@/lib/store';
import type { EmulatorContext } from './emulator';
import { errorPage } from './html';
import { withHeaders } from './http';
import { sandboxKey } from './state';

/**
 * Per-address limits on the emulators' OAuth endpoints, as the real providers keep: the consent
 * page (each approval creates an account and a code) and the token endpoints. Generous: one
 * address is the app's own server for every user's code exchange and refresh. Windows restart
 * with `DELETE _faults`, like the API limits.
 */

const MINUTE = 60_000;
const LIMITS = {
  consent: { requests: 600, intervalMs: MINUTE },
  oauth: { requests: 1200, intervalMs: MINUTE },
} as const;

export type SandboxClientLimit = keyof typeof LIMITS;

/** Null when the request may go on, otherwise the 429 answer in the provider's style, with Retry-After. */
export async function sandboxClientLimit(ctx: EmulatorContext, kind: SandboxClientLimit): Promise<Response | null> {
  const policy = LIMITS[kind];
  const address = clientAddress(ctx.request.headers.get('x-forwarded-for'));
  const key = sandboxKey(ctx.state, 'client-limit', String(ctx.state.epochs.limiter), kind, address);
  const { retryAfterMs } = await getStore().hitWindow(key, policy.requests, policy.intervalMs, randomToken(8));
  if (retryAfterMs <= 0) return null;
  const retryAfter = { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  if (kind === 'consent') {
    return withHeaders(errorPage('Too many requests', 'Too many sign-in attempts from your network. Wait a minute and try again.', 429), retryAfter);
  }
  return withHeaders(ctx.definition.errors.rateLimited(), retryAfter);
}
