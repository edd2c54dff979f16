import { afterAll, describe, expect, it } from 'vitest';
import { rateWindowKey } from '@/lib/store/keys';
import { createRedisStore } from '@/lib/store/redis';
import { TEST_REDIS_URL as url } from './helpers';

// Two clients stand for two server instances sharing one Redis.
const first = createRedisStore(url);
const second = createRedisStore(url);
const key = `rate:test:${Date.now()}:${Math.random()}`;

afterAll(async () => {
  await first.del(key);
  await first.del(`${key}:pause`);
});

describe('Redis store', () => {
  it('shares one rate window between instances', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await (i % 2 ? second : first).reserveRateSlots([{ key, requests: 4, intervalMs: 2000 }], `m${i}`));
    expect(answers.slice(0, 4)).toEqual([0, 0, 0, 0]);
    for (const wait of answers.slice(4)) {
      expect(wait).toBeGreaterThan(1500);
      expect(wait).toBeLessThanOrEqual(2000);
    }
  });

  it('holds every instance during a pause, without shortening a longer one', async () => {
    const pauseKey = `${key}:paused`;
    await first.pauseRate(pauseKey, 3000);
    await second.pauseRate(pauseKey, 100);
    const wait = await second.reserveRateSlots([{ key: pauseKey, requests: 100, intervalMs: 1000 }], 'a');
    expect(wait).toBeGreaterThan(2500);
    await first.del(`${pauseKey}:pause`);
  });

  it('counts, caps ordered sets and reports window use the same way on every instance', async () => {
    const counter = `${key}:counter`;
    const set = `${key}:capped`;
    const windowKey = `${key}:window`;
    try {
      expect(await first.incr(counter, 60)).toBe(1);
      expect(await second.incr(counter, 60)).toBe(2);
      const evicted: string[] = [];
      for (const [i, member] of ['a', 'b', 'c', 'd', 'e'].entries()) evicted.push(...(await (i % 2 ? second : first).pushCapped(set, member, 3, 60)));
      expect(evicted).toEqual(['a', 'b']);
      expect(await first.hitWindow(windowKey, 2, 2000, 'x')).toEqual({ retryAfterMs: 0, used: 1 });
      expect(await second.hitWindow(windowKey, 2, 2000, 'y')).toEqual({ retryAfterMs: 0, used: 2 });
      const refused = await first.hitWindow(windowKey, 2, 2000, 'z');
      expect(refused.used).toBe(2);
      expect(refused.retryAfterMs).toBeGreaterThan(1500);
    } finally {
      await Promise.all([counter, set, windowKey].map((k) => first.del(k)));
    }
  });

  it('takes a slot in an account window and a bucket window together, or in neither', async () => {
    const account = rateWindowKey(`test-${Math.random()}`);
    const bucket = `${account}:bucket`;
    const both = [{ key: account, requests: 2, intervalMs: 5000 }, { key: bucket, requests: 1, intervalMs: 5000 }];
    expect(await first.reserveRateSlots(both, 'a')).toBe(0);
    expect(await second.reserveRateSlots(both, 'b')).toBeGreaterThan(4000);
    expect(await second.reserveRateSlots([both[0]], 'c')).toBe(0);
    expect(await first.reserveRateSlots([both[0]], 'd')).toBeGreaterThan(4000);
    await Promise.all([first.del(account), first.del(bucket)]);
  });

  it('is single-use for GETDEL and owner-only for lock release', async () => {
    const lock = `${key}:lock`;
    expect(await first.setIfAbsent(lock, 'a', 5000)).toBe(true);
    expect(await second.setIfAbsent(lock, 'b', 5000)).toBe(false);
    await second.delIfEquals(lock, 'b');
    expect(await first.get(lock)).toBe('a');
    await first.delIfEquals(lock, 'a');
    await first.set(lock, 'once', 60);
    expect(await second.replaceIfEquals(lock, 'other', 'twice', 60)).toBe(false);
    expect(await second.replaceIfEquals(lock, 'once', 'once', 60)).toBe(true);
    expect(await second.getDel(lock)).toBe('once');
    expect(await first.getDel(lock)).toBeNull();
  });
});
