import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@/lib/store/memory';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('memory store', () => {
  it('expires values and reads single-use values once', async () => {
    const time = clock();
    const store = createMemoryStore(time.now);
    await store.set('a', '1', 10);
    expect(await store.getDel('a')).toBe('1');
    expect(await store.getDel('a')).toBeNull();
    await store.set('b', '2', 10);
    time.advance(10_001);
    expect(await store.get('b')).toBeNull();
  });

  it('takes a lock once, and releases it only for its owner', async () => {
    const store = createMemoryStore(clock().now);
    expect(await store.setIfAbsent('lock', 'me', 1000)).toBe(true);
    expect(await store.setIfAbsent('lock', 'you', 1000)).toBe(false);
    await store.delIfEquals('lock', 'you');
    expect(await store.get('lock')).toBe('me');
    await store.delIfEquals('lock', 'me');
    expect(await store.get('lock')).toBeNull();
  });

  it('replaces a value only while it still holds the expected one', async () => {
    const store = createMemoryStore(clock().now);
    await store.set('conn', 'v1', 60);
    expect(await store.replaceIfEquals('conn', 'v0', 'v2', 60)).toBe(false);
    expect(await store.get('conn')).toBe('v1');
    expect(await store.replaceIfEquals('conn', 'v1', 'v2', 60)).toBe(true);
    expect(await store.get('conn')).toBe('v2');
    await store.del('conn');
    expect(await store.replaceIfEquals('conn', 'v2', 'v3', 60)).toBe(false);
    expect(await store.get('conn')).toBeNull();
  });

  it('reserves rate slots in a sliding window and honours pauses', async () => {
    const time = clock();
    const store = createMemoryStore(time.now);
    const window = (requests: number) => [{ key: 'r', requests, intervalMs: 1000 }];
    expect(await store.reserveRateSlots(window(2), 'x')).toBe(0);
    time.advance(100);
    expect(await store.reserveRateSlots(window(2), 'y')).toBe(0);
    expect(await store.reserveRateSlots(window(2), 'z')).toBe(900);
    time.advance(900);
    expect(await store.reserveRateSlots(window(2), 'z')).toBe(0);
    await store.pauseRate('r', 5000);
    await store.pauseRate('r', 10);
    expect(await store.reserveRateSlots(window(100), 'w')).toBe(5000);
  });

  it('takes a slot in every window or in none', async () => {
    const time = clock();
    const store = createMemoryStore(time.now);
    const account = { key: 'account', requests: 2, intervalMs: 1000 };
    const bucket = { key: 'account:bucket', requests: 1, intervalMs: 1000 };
    expect(await store.reserveRateSlots([account, bucket], 'a')).toBe(0);
    // The bucket is full: the account's second slot stays free for another bucket.
    expect(await store.reserveRateSlots([account, bucket], 'b')).toBe(1000);
    expect(await store.reserveRateSlots([account, { ...bucket, key: 'account:other' }], 'c')).toBe(0);
    expect(await store.reserveRateSlots([account], 'd')).toBe(1000);
  });

  it('counts, keeps only the newest members of a capped set, and reports window use', async () => {
    const time = clock();
    const store = createMemoryStore(time.now);
    expect(await store.incr('n', 10)).toBe(1);
    expect(await store.incr('n', 10)).toBe(2);
    time.advance(10_001);
    expect(await store.incr('n', 10)).toBe(1);
    const evicted: string[] = [];
    for (const member of ['a', 'b', 'c', 'd', 'e']) evicted.push(...(await store.pushCapped('set', member, 3, 60)));
    expect(evicted).toEqual(['a', 'b']);
    expect(await store.pushCapped('set', 'c', 3, 60)).toEqual([]);
    expect(await store.pushCapped('set', 'f', 3, 60)).toEqual(['d']);
    expect(await store.hitWindow('w', 2, 1000, 'x')).toEqual({ retryAfterMs: 0, used: 1 });
    time.advance(100);
    expect(await store.hitWindow('w', 2, 1000, 'y')).toEqual({ retryAfterMs: 0, used: 2 });
    expect(await store.hitWindow('w', 2, 1000, 'z')).toEqual({ retryAfterMs: 900, used: 2 });
  });
});

describe('memory store queues', () => {
  it('pops in order and forgets the queue after its TTL', async () => {
    let now = 0;
    const store = createMemoryStore(() => now);
    await store.pushToQueue('q', 'a', 10);
    await store.pushToQueue('q', 'b', 10);
    expect(await store.popFromQueue('q')).toBe('a');
    now = 11_000;
    expect(await store.popFromQueue('q')).toBeNull();
  });
});
