import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '@/lib/server/sliding-window-limiter';

describe('SlidingWindowLimiter.forgetIdle', () => {
  it('forgets keys idle for longer than the given time, and keeps the others', () => {
    const limiter = new SlidingWindowLimiter();
    const policy = { requests: 1, intervalMs: 10_000_000 };
    limiter.check('old', policy, 0);
    limiter.check('recent', policy, 5_000);
    limiter.forgetIdle(2_000, 6_000);
    expect(limiter.check('old', policy, 6_000).allowed).toBe(true);
    expect(limiter.check('recent', policy, 6_000).allowed).toBe(false);
  });
});
