export interface RateLimitPolicy {
  requests: number;
  intervalMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  intervalMs: number;
  /** How long until the window frees a slot (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Sliding-window log limiter: at most `requests` admitted requests in any window of
 * `intervalMs`, counted per key (an account, or an account's base). Rejected requests
 * do not count, so a client that backs off recovers as soon as the window frees.
 * The sandboxes enforce provider limits with it; the in-process store keeps the app's own budget with it.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  check(key: string, policy: RateLimitPolicy, now = Date.now()): RateLimitDecision {
    const base = { limit: policy.requests, intervalMs: policy.intervalMs };
    const retryAfterMs = this.waitMs(key, policy, now);
    if (retryAfterMs > 0) return { ...base, allowed: false, remaining: 0, retryAfterMs };
    const used = this.record(key, policy, now);
    return { ...base, allowed: true, remaining: policy.requests - used, retryAfterMs: 0 };
  }

  /** How long until the window has room for one more start (0: now), without recording anything. */
  waitMs(key: string, policy: RateLimitPolicy, now = Date.now()): number {
    const recent = this.recent(key, policy, now);
    if (recent.length < policy.requests) return 0;
    return Math.max(1, recent[recent.length - policy.requests] + policy.intervalMs - now);
  }

  /** Records a start; returns how many starts the window now holds. */
  record(key: string, policy: RateLimitPolicy, now = Date.now()): number {
    const recent = this.recent(key, policy, now);
    recent.push(now);
    return recent.length;
  }

  private recent(key: string, policy: RateLimitPolicy, now: number): number[] {
    const windowStart = now - policy.intervalMs;
    const recent = (this.hits.get(key) ?? []).filter((time) => time > windowStart);
    this.hits.set(key, recent);
    return recent;
  }

  reset(): void {
    this.hits.clear();
  }

  /** Forgets keys with no admitted request in the last `idleMs`. */
  forgetIdle(idleMs: number, now = Date.now()): void {
    for (const [key, hits] of this.hits) if ((hits.at(-1) ?? 0) < now - idleMs) this.hits.delete(key);
  }
}
