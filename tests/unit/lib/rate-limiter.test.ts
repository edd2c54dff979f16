import { describe, expect, it } from 'vitest';
import { rateLimiter } from '@/lib/rate-limiter';

describe('rateLimiter', () => {
  it('lets at most N requests start in any window', async () => {
    const key = `test:${Math.random()}`;
    const starts: number[] = [];
    const begin = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => rateLimiter.acquire(key, { requests: 3, intervalMs: 200 }).then(() => starts.push(Date.now() - begin))));
    starts.sort((a, b) => a - b);
    for (let i = 3; i < starts.length; i++) expect(starts[i] - starts[i - 3]).toBeGreaterThanOrEqual(195);
    expect(starts[6]).toBeGreaterThanOrEqual(390);
  });

  it('holds every caller of a key while paused', async () => {
    const key = `test:${Math.random()}`;
    const begin = Date.now();
    await rateLimiter.pause(key, 150);
    await rateLimiter.acquire(key, { requests: 100, intervalMs: 1000 });
    expect(Date.now() - begin).toBeGreaterThanOrEqual(145);
  });

  it('stops waiting when aborted', async () => {
    const key = `test:${Math.random()}`;
    await rateLimiter.pause(key, 10_000);
    await expect(rateLimiter.acquire(key, { requests: 1, intervalMs: 1000 }, AbortSignal.timeout(50))).rejects.toBeDefined();
  });
});
