import 'server-only';

export interface RateLimit {
  requests: number;
  intervalMs: number;
}

interface Window {
  starts: number[];
  pausedUntil: number;
}

const holder = globalThis as typeof globalThis & { __integrationsHubRateWindows?: Map<string, Window> };
const windows = (holder.__integrationsHubRateWindows ??= new Map());

function abortable(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const sleep = abortable;

/**
 * A sliding-window limiter per key (one provider account): at most `requests` starts in
 * any `intervalMs`. Callers wait their turn instead of getting 429s. `pause` holds every
 * caller of the key, e.g. after the provider answered 429 with Retry-After.
 */
export const rateLimiter = {
  async acquire(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      const window = windows.get(key) ?? { starts: [], pausedUntil: 0 };
      windows.set(key, window);
      while (window.starts.length && window.starts[0] <= now - limit.intervalMs) window.starts.shift();
      let waitMs = window.pausedUntil - now;
      if (waitMs <= 0 && window.starts.length < limit.requests) {
        window.starts.push(now);
        return;
      }
      if (waitMs <= 0) waitMs = window.starts[0] + limit.intervalMs - now;
      await abortable(Math.max(1, waitMs), signal);
    }
  },

  pause(key: string, untilMs: number): void {
    const window = windows.get(key) ?? { starts: [], pausedUntil: 0 };
    window.pausedUntil = Math.max(window.pausedUntil, untilMs);
    windows.set(key, window);
  },
};
