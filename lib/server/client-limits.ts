import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/server/client-address';
import { randomToken } from '@/lib/server/crypto';
import { RateLimitedError } from '@/lib/shared/errors';
import { getStore } from '@/lib/store';
import { rateWindowKey } from '@/lib/store/keys';

/**
 * Per-client limits on the endpoints that create state for anonymous callers (starting and
 * finishing OAuth flows): a budget per session, and a higher one per IP address so a client
 * that drops its cookie gains nothing. Rejected requests do not count, so a client that backs
 * off recovers as soon as the window frees.
 */

export interface ClientLimit {
  /** Names the budget in store keys and in the message. */
  name: string;
  perSession: { requests: number; intervalMs: number };
  perIp: { requests: number; intervalMs: number };
}

const MINUTE = 60_000;

/** A person connects a few times a minute; the test suite drives a few hundred flows a minute from one address. */
export const AUTHORIZE_LIMIT: ClientLimit = {
  name: 'authorize',
  perSession: { requests: 30, intervalMs: MINUTE },
  perIp: { requests: 300, intervalMs: MINUTE },
};

export const CALLBACK_LIMIT: ClientLimit = {
  name: 'callback',
  perSession: { requests: 30, intervalMs: MINUTE },
  perIp: { requests: 300, intervalMs: MINUTE },
};

const windowKey = (limit: ClientLimit, kind: 'session' | 'ip', id: string) => rateWindowKey(`client:${limit.name}:${kind}:${id}`);

async function reserve(key: string, policy: { requests: number; intervalMs: number }): Promise<number> {
  return getStore().reserveRateSlots([{ key, ...policy }], randomToken(8));
}

/** Counts one request against the session's and the address's budgets; throws RateLimitedError past either. */
export async function enforceClientLimit(limit: ClientLimit, sessionKey: string): Promise<void> {
  const sessionWait = await reserve(windowKey(limit, 'session', sessionKey), limit.perSession);
  if (sessionWait > 0) throw new RateLimitedError(sessionWait);
  const address = clientAddress((await headers()).get('x-forwarded-for'));
  const ipWait = await reserve(windowKey(limit, 'ip', address), limit.perIp);
  if (ipWait > 0) throw new RateLimitedError(ipWait);
}
