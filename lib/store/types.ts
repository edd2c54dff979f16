export interface RateWindow {
  key: string;
  requests: number;
  intervalMs: number;
}

/** The few key-value operations the app needs; Redis in production, an in-process map otherwise. */
export interface Store {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** Sets a value that expires after `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when the key is absent (a lock); true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Reads and deletes in one step (single-use values such as OAuth state). */
  getDel(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
  /** Deletes only when the key still holds `value` (releasing a lock we own). */
  delIfEquals(key: string, value: string): Promise<void>;
  /** Compare-and-set: replaces the value (with a new TTL) only while the key still holds `expected`; true when it did. */
  replaceIfEquals(key: string, expected: string, value: string, ttlSeconds: number): Promise<boolean>;
  expire(key: string, ttlSeconds: number): Promise<void>;
  /**
   * Sliding-window rate limiting over one or more windows at once (an account and one bucket
   * inside it): when every window had fewer than its `requests` starts in its last `intervalMs`
   * and none is paused, records this start in all of them and returns 0; otherwise records
   * nothing and returns how many ms to wait before asking again. One script uses every key, so
   * they must share a Redis Cluster hash tag (lib/store/keys.ts rateWindowKey).
   */
  reserveRateSlots(windows: readonly RateWindow[], member: string): Promise<number>;
  /** Holds every reservation of `key` for `durationMs` (never shortens a longer pause). */
  pauseRate(key: string, durationMs: number): Promise<void>;
  /** Adds 1 to a counter (created at 0) and gives it `ttlSeconds` to live; returns the new value. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /**
   * Adds `member` as the newest of an ordered set that keeps at most `cap` members (the set
   * lives `ttlSeconds` after its last change); returns the members pushed out, oldest first.
   */
  pushCapped(key: string, member: string, cap: number, ttlSeconds: number): Promise<string[]>;
  /**
   * Sliding-window log like reserveRateSlots (one window, no pauses), for limits that report their
   * use: `used` counts the requests in the window including this one when admitted.
   */
  hitWindow(key: string, requests: number, intervalMs: number, member: string): Promise<{ retryAfterMs: number; used: number }>;
  /** Appends to a list that lives `ttlSeconds` after its last append; returns the new length. */
  append(key: string, value: string, ttlSeconds: number): Promise<number>;
  /** Up to `count` of the list's values from index `start` on (empty when there are none, or no list). */
  readFrom(key: string, start: number, count: number): Promise<string[]>;
  /** Appends to a queue (a list) and keeps the whole queue for `ttlSeconds` from now. */
  pushToQueue(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Takes the oldest entry of a queue, or null when it is empty. */
  popFromQueue(key: string): Promise<string | null>;
  ping(): Promise<void>;
}
