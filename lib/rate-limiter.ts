import 'server-only';
import { randomToken } from '@/lib/crypto';
import { sleep } from '@/lib/sleep';
import { getStore } from '@/lib/store';

export interface RateLimit {
  requests: number;
  intervalMs: number;
}

/**
 * A sliding-window limiter per key (one provider account): at most `requests` starts in any
 * `intervalMs`, counted in the store, so every server instance shares one budget per account.
 * Callers wait their turn instead of collecting 429s. `pause` holds every caller of the key,
 * e.g. after the provider answered 429 with Retry-After.
 */
export const rateLimiter = {
  async acquire(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const waitMs = await getStore().reserveRateSlot(`rate:${key}`, limit.requests, limit.intervalMs, randomToken(8));
      if (waitMs <= 0) return;
      await sleep(waitMs, signal);
    }
  },

  async pause(key: string, durationMs: number): Promise<void> {
    await getStore().pauseRate(`rate:${key}`, durationMs);
  },
};
