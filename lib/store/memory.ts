import 'server-only';
import type { Store } from '@/lib/store/types';

interface Entry {
  value: string;
  expiresAt: number;
}

/** An in-process store for a single server without Redis. Expired entries are swept lazily and every minute. */
export function createMemoryStore(now: () => number = Date.now): Store {
  const entries = new Map<string, Entry>();
  const rateWindows = new Map<string, { starts: number[]; pausedUntil: number }>();
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
    for (const [key, window] of rateWindows) {
      if (Math.max(window.pausedUntil, window.starts.at(-1) ?? 0) < now() - 3_600_000) rateWindows.delete(key);
    }
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
    async expire(key, ttlSeconds) {
      const entry = live(key);
      if (entry) entry.expiresAt = now() + ttlSeconds * 1000;
    },
    async reserveRateSlot(key, requests, intervalMs) {
      const at = now();
      const window = rateWindows.get(key) ?? { starts: [], pausedUntil: 0 };
      rateWindows.set(key, window);
      window.starts = window.starts.filter((start) => start > at - intervalMs);
      if (window.pausedUntil > at) return window.pausedUntil - at;
      if (window.starts.length < requests) {
        window.starts.push(at);
        return 0;
      }
      return Math.max(1, window.starts[0] + intervalMs - at);
    },
    async pauseRate(key, durationMs) {
      const window = rateWindows.get(key) ?? { starts: [], pausedUntil: 0 };
      window.pausedUntil = Math.max(window.pausedUntil, now() + durationMs);
      rateWindows.set(key, window);
    },
    async ping() {},
  };
}
