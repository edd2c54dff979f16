import { describe, expect, it } from 'vitest';
import { rateLimiter } from '@/lib/server/rate-limiter';

const scope = () => `test:${Math.random()}`;

describe('rateLimiter', () => {
  it('lets at most N requests start in any window', async () => {
    const budget = { scope: scope(), limit: { requests: 3, intervalMs: 200 } };
    const starts: number[] = [];
    const begin = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => rateLimiter.acquire(budget).then(() => starts.push(Date.now() - begin))));
    starts.sort((a, b) => a - b);
    for (let i = 3; i < starts.length; i++) expect(starts[i] - starts[i - 3]).toBeGreaterThanOrEqual(195);
    expect(starts[6]).toBeGreaterThanOrEqual(390);
  });

  it('does not use up an account slot while a request waits for its bucket', async () => {
    const account = scope();
    const limit = { requests: 2, intervalMs: 2000 };
    const busyBucket = { name: 'base-a', limit: { requests: 1, intervalMs: 10_000 } };
    await rateLimiter.acquire({ scope: account, limit, bucket: busyBucket });
    const waiting = new AbortController();
    const waiter = rateLimiter.acquire({ scope: account, limit, bucket: busyBucket }, waiting.signal).catch((error: unknown) => error);
    const begin = Date.now();
    await rateLimiter.acquire({ scope: account, limit, bucket: { name: 'base-b', limit: busyBucket.limit } });
    expect(Date.now() - begin).toBeLessThan(1000);
    waiting.abort(new Error('test over'));
    expect(await waiter).toMatchObject({ message: 'test over' });
  });

  it('holds every caller of a key while paused, and a paused bucket only its own callers', async () => {
    const account = scope();
    const limit = { requests: 100, intervalMs: 1000 };
    const begin = Date.now();
    await rateLimiter.pause(account, 5_000, 'base-a');
    await rateLimiter.acquire({ scope: account, limit, bucket: { name: 'base-b', limit } });
    expect(Date.now() - begin).toBeLessThan(1000);
    await rateLimiter.pause(account, 150);
    await rateLimiter.acquire({ scope: account, limit });
    expect(Date.now() - begin).toBeGreaterThanOrEqual(145);
  });

  it('stops waiting when aborted', async () => {
    const account = scope();
    await rateLimiter.pause(account, 10_000);
    await expect(rateLimiter.acquire({ scope: account, limit: { requests: 1, intervalMs: 1000 } }, AbortSignal.timeout(50))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});
