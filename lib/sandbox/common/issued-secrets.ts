import 'server-only';
import { getEnv } from '@/lib/server/env';

/**
 * With SANDBOX_CONTROL=1, every code, token and client secret the sandboxes hand out, so the test
 * run can check that none of them ever reached a log line (`GET /sandbox/{provider}/_stats/issued`).
 */

const MAX_REMEMBERED = 200_000;
const holder = globalThis as typeof globalThis & { __integrationsHubIssuedSecrets?: Set<string> };

export function rememberIssuedSecret(value: string): void {
  if (!getEnv().sandboxControl) return;
  const remembered = (holder.__integrationsHubIssuedSecrets ??= new Set());
  remembered.add(value);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.values().next().value as string);
}

export function issuedSecrets(): Iterable<string> {
  return holder.__integrationsHubIssuedSecrets ?? [];
}
