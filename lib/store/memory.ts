import 'server-only';
import { SlidingWindowLimiter } from '@/lib/sliding-window-limiter';
import type { Store } from '@/lib/store/types';

interface Entry {
  value: string;
  expiresAt: number;
}

/** An in-process store for a single server without Redis. Expired entries are swept lazily and every minute. */
export function createMemoryStore(now: () => number = Date.now): Store {
  const entries = new Map<string, Entry>();
  const rateWindows = new SlidingWindowLimiter();
  const ratePauses = new Map<string, number>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = setInterval(() => {
    for (const key of entries.keys()) live(key);
    // Windows untouched for an hour are idle accounts: forget them.
    rateWindows.forgetIdle(3_600_000, now());
    for (const [key, until] of ratePauses) if (until <= now()) ratePauses.delete(key);
  }, 60_000);
  sweep.unref?.();

  return {
    kind: 'memory',
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    async getDel(key) {
      const entry = live(key);
      entries.delete(key);
      return entry?.value ?? null;
    },
    async del(key) {
      entries.delete(key);
    },
    async delIfEquals(key, value) {
      if (live(key)?.value === value) entries.delete(key);
    },
    async replaceIfEquals(key, expected, value, ttlSeconds) {
      if (live(key)?.value !== expected) return false;
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
      return true;
    },
    async expire(key, ttlSeconds) {
      const entry = live(key);
      if (entry) entry.expiresAt = now() + ttlSeconds * 1000;
    },
    async reserveRateSlot(key, requests, intervalMs) {
      const at = now();
      const pausedUntil = ratePauses.get(key) ?? 0;
      if (pausedUntil > at) return pausedUntil - at;
      const decision = rateWindows.check(key, { requests, intervalMs }, at);
      return decision.allowed ? 0 : decision.retryAfterMs;
    },
    async pauseRate(key, durationMs) {
      ratePauses.set(key, Math.max(ratePauses.get(key) ?? 0, now() + durationMs));
    },
    async ping() {},
  };
}
