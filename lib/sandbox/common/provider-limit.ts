import 'server-only';
import { randomToken } from '@/lib/crypto';
import type { RateLimitDecision, RateLimitPolicy } from '@/lib/sliding-window-limiter';
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
