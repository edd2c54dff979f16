import 'server-only';
import { randomToken } from '@/lib/server/crypto';
import { isIntegrationError } from '@/lib/shared/errors';
import { sleep } from '@/lib/shared/sleep';
import { getStore } from '@/lib/store';
import { rateWindowKey } from '@/lib/store/keys';

const STORE_HICCUPS = 3;

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
    const windows = [{ key: rateWindowKey(budget.scope), requests: budget.limit.requests, intervalMs: budget.limit.intervalMs }];
    if (budget.bucket) {
      const { requests, intervalMs } = budget.bucket.limit;
      windows.push({ key: rateWindowKey(budget.scope, budget.bucket.name), requests, intervalMs });
    }
    for (let hiccups = 0; ; ) {
      let waitMs: number;
      try {
        waitMs = await getStore().reserveRateSlots(windows, randomToken(8));
      } catch (error) {
        // A slow store answer (a busy server) is waited out a few times; a store that stays away is reported.
        if (!isIntegrationError(error) || error.code !== 'store_unavailable' || ++hiccups > STORE_HICCUPS) throw error;
        waitMs = 250 * hiccups;
      }
      if (waitMs <= 0) return;
      // A little spread, so the callers a full window held back do not all ask again at the same instant.
      await sleep(waitMs + Math.random() * 25, signal);
    }
  },

  /** Holds the bucket's window when a bucket is named (its provider limit is the one that was hit), else the scope's. */
  async pause(scope: string, durationMs: number, bucket?: string): Promise<void> {
    await getStore().pauseRate(rateWindowKey(scope, bucket), durationMs);
  },
};
