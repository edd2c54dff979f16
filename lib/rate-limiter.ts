import 'server-only';
import { randomToken } from '@/lib/crypto';
import { sleep } from '@/lib/sleep';
import { getStore } from '@/lib/store';
import { rateWindowKey } from '@/lib/store/keys';

export interface RateLimit {
  requests: number;
  intervalMs: number;
}

/** What one request must fit in: its scope's window (a provider account) and, optionally, one bucket's inside it. */
export interface RateBudget {
  scope: string;
  limit: RateLimit;
  bucket?: { name: string; limit: RateLimit };
}

/**
 * Sliding-window limiters counted in the store, so every server instance shares one budget per
 * account. Callers wait their turn instead of collecting 429s; a request takes its account slot
 * and its bucket slot in one step, so waiting for a busy bucket never uses up account slots.
 * `pause` holds every caller of a window, e.g. after the provider answered 429.
 */
export const rateLimiter = {
  async acquire(budget: RateBudget, signal?: AbortSignal): Promise<void> {
    const windows = [{ key: rateWindowKey(budget.scope), ...budget.limit }];
    if (budget.bucket) windows.push({ key: rateWindowKey(budget.scope, budget.bucket.name), ...budget.bucket.limit });
    for (;;) {
      const waitMs = await getStore().reserveRateSlots(
        windows.map(({ key, requests, intervalMs }) => ({ key, requests, intervalMs })),
        randomToken(8),
      );
      if (waitMs <= 0) return;
      await sleep(waitMs, signal);
    }
  },

  /** Holds the bucket's window when a bucket is named (its provider limit is the one that was hit), else the scope's. */
  async pause(scope: string, durationMs: number, bucket?: string): Promise<void> {
    await getStore().pauseRate(rateWindowKey(scope, bucket), durationMs);
  },
};
