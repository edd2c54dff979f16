import 'server-only';
import { randomToken } from '@/lib/server/crypto';
import type { RateLimitDecision, RateLimitPolicy } from '@/lib/server/sliding-window-limiter';
import { getStore } from '@/lib/store';
import { sandboxKey, type EmulatorState } from './state';

/**
 * The provider's own API limit per account (or bucket), counted in the store so that every
 * instance serving the emulator enforces one budget, as the one real provider would.
 */
export async function checkProviderLimit(state: EmulatorState, key: string, policy: RateLimitPolicy): Promise<RateLimitDecision> {
  const windowKey = sandboxKey(state, 'api-limit', String(state.epochs.limiter), key);
  const { retryAfterMs, used } = await getStore().hitWindow(windowKey, policy.requests, policy.intervalMs, randomToken(8));
  const base = { limit: policy.requests, intervalMs: policy.intervalMs };
  if (retryAfterMs > 0) return { ...base, allowed: false, remaining: 0, retryAfterMs };
  return { ...base, allowed: true, remaining: Math.max(0, policy.requests - used), retryAfterMs: 0 };
}

const penaltyKey = (state: EmulatorState, key: string) => sandboxKey(state, 'api-penalty', String(state.epochs.limiter), key);

/** How much is left of the key's penalty (0: none). */
export async function penaltyLeftMs(state: EmulatorState, key: string, now = Date.now()): Promise<number> {
  const until = Number((await getStore().get(penaltyKey(state, key))) ?? 0);
  return Math.max(0, until - now);
}

/** Starts a penalty unless one is on: requests during it do not extend it. */
export async function startPenalty(state: EmulatorState, key: string, durationMs: number, now = Date.now()): Promise<void> {
  await getStore().setIfAbsent(penaltyKey(state, key), String(now + durationMs), durationMs);
}
