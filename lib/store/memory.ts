import 'server-only';
import { SlidingWindowLimiter } from '@/lib/server/sliding-window-limiter';
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
  // Ordered sets for pushCapped: a Map keeps insertion order, so the first member is the oldest.
  const cappedSets = new Map<string, { members: Map<string, true>; expiresAt: number }>();
  const lists = new Map<string, { values: string[]; expiresAt: number }>();
  const liveList = (key: string) => {
    const list = lists.get(key);
    if (list && list.expiresAt <= now()) lists.delete(key);
    return lists.get(key);
  };
  const queues = new Map<string, { values: string[]; expiresAt: number }>();
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
    for (const [key, set] of cappedSets) if (set.expiresAt <= now()) cappedSets.delete(key);
    for (const key of lists.keys()) liveList(key);
    for (const [key, queue] of queues) if (queue.expiresAt <= now()) queues.delete(key);
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
    async reserveRateSlots(windows) {
      const at = now();
      const wait = Math.max(0, ...windows.map((window) => Math.max((ratePauses.get(window.key) ?? 0) - at, rateWindows.waitMs(window.key, window, at))));
      if (wait > 0) return wait;
      for (const window of windows) rateWindows.record(window.key, window, at);
      return 0;
    },
    async pauseRate(key, durationMs) {
      ratePauses.set(key, Math.max(ratePauses.get(key) ?? 0, now() + durationMs));
    },
    async incr(key, ttlSeconds) {
      const value = Number(live(key)?.value ?? 0) + 1;
      entries.set(key, { value: String(value), expiresAt: now() + ttlSeconds * 1000 });
      return value;
    },
    async pushCapped(key, member, cap, ttlSeconds) {
      let set = cappedSets.get(key);
      if (!set || set.expiresAt <= now()) cappedSets.set(key, (set = { members: new Map(), expiresAt: 0 }));
      set.members.delete(member);
      set.members.set(member, true);
      set.expiresAt = now() + ttlSeconds * 1000;
      const evicted: string[] = [];
      for (const oldest of set.members.keys()) {
        if (set.members.size - evicted.length <= cap) break;
        evicted.push(oldest);
      }
      for (const gone of evicted) set.members.delete(gone);
      return evicted;
    },
    async append(key, value, ttlSeconds) {
      let list = liveList(key);
      if (!list) lists.set(key, (list = { values: [], expiresAt: 0 }));
      list.values.push(value);
      list.expiresAt = now() + ttlSeconds * 1000;
      return list.values.length;
    },
    async readFrom(key, start, count) {
      return liveList(key)?.values.slice(start, start + count) ?? [];
    },
    async hitWindow(key, requests, intervalMs) {
      const decision = rateWindows.check(key, { requests, intervalMs }, now());
      return { retryAfterMs: decision.allowed ? 0 : decision.retryAfterMs, used: requests - decision.remaining };
    },
    async pushToQueue(key, value, ttlSeconds) {
      const queue = queues.get(key);
      const values = queue && queue.expiresAt > now() ? queue.values : [];
      values.push(value);
      queues.set(key, { values, expiresAt: now() + ttlSeconds * 1000 });
    },
    async popFromQueue(key) {
      const queue = queues.get(key);
      if (!queue || queue.expiresAt <= now()) {
        queues.delete(key);
        return null;
      }
      const value = queue.values.shift() ?? null;
      if (!queue.values.length) queues.delete(key);
      return value;
    },
    async ping() {},
  };
}
