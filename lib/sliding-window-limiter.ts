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
    const windowStart = now - policy.intervalMs;
    const recent = (this.hits.get(key) ?? []).filter((time) => time > windowStart);
    const base = { limit: policy.requests, intervalMs: policy.intervalMs };
    if (recent.length >= policy.requests) {
      this.hits.set(key, recent);
      const oldestInWindow = recent[recent.length - policy.requests];
      return { ...base, allowed: false, remaining: 0, retryAfterMs: Math.max(1, oldestInWindow + policy.intervalMs - now) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ...base, allowed: true, remaining: policy.requests - recent.length, retryAfterMs: 0 };
  }

  reset(): void {
    this.hits.clear();
  }

  /** Forgets keys with no admitted request in the last `idleMs`. */
  forgetIdle(idleMs: number, now = Date.now()): void {
    for (const [key, hits] of this.hits) if ((hits.at(-1) ?? 0) < now - idleMs) this.hits.delete(key);
  }
}
