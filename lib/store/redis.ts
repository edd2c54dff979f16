import 'server-only';
import { log } from '@/lib/server/log';
import { createClient } from 'redis';
import { StoreUnavailableError } from '@/lib/shared/errors';
import { ratePauseKey } from '@/lib/store/keys';
import type { Store } from '@/lib/store/types';

/** Every store call gives up after this long, so a dead Redis answers 503 quickly instead of hanging. */
const OPERATION_TIMEOUT_MS = 1000;

// Redis's own clock, so every server instance agrees on the windows. KEYS: window, pause, window, pause...;
// ARGV: requests, interval per window, then the member. A slot is taken in all windows or in none.
const RESERVE_RATE_SLOTS = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windows = #KEYS / 2
local wait = 0
for i = 1, windows do
  local key, limit, window = KEYS[2 * i - 1], tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  local paused = tonumber(redis.call("GET", KEYS[2 * i]) or "0")
  if paused > now then wait = math.max(wait, paused - now) end
  redis.call("ZREMRANGEBYSCORE", key, "-inf", now - window)
  local count = redis.call("ZCARD", key)
  if count >= limit then
    local oldest = redis.call("ZRANGE", key, count - limit, count - limit, "WITHSCORES")
    wait = math.max(wait, 1, tonumber(oldest[2]) + window - now)
  end
end
if wait > 0 then return wait end
for i = 1, windows do
  redis.call("ZADD", KEYS[2 * i - 1], now, ARGV[#ARGV])
  redis.call("PEXPIRE", KEYS[2 * i - 1], tonumber(ARGV[2 * i]))
end
return 0`;

const PAUSE_RATE = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call("GET", KEYS[1]) or "0") then
  redis.call("SET", KEYS[1], untilMs, "PX", ARGV[1])
end
return 0`;

const REPLACE_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then redis.call("SET", KEYS[1], ARGV[2], "EX", ARGV[3]) return 1 else return 0 end`;

// Like RESERVE_RATE_SLOT, without pauses, also answering how much of the window is used.
const HIT_WINDOW = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[1])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now - window)
local used = redis.call("ZCARD", KEYS[1])
if used < limit then
  redis.call("ZADD", KEYS[1], now, ARGV[3])
  redis.call("PEXPIRE", KEYS[1], window)
  return {0, used + 1}
end
local oldest = redis.call("ZRANGE", KEYS[1], used - limit, used - limit, "WITHSCORES")
return {math.max(1, tonumber(oldest[2]) + window - now), used}`;

const INCR_WITH_TTL = `local value = redis.call("INCR", KEYS[1])
redis.call("EXPIRE", KEYS[1], ARGV[1])
return value`;

// Score: Redis's clock in microseconds, so "oldest" means the same on every instance.
const PUSH_CAPPED = `
local t = redis.call("TIME")
redis.call("ZADD", KEYS[1], tonumber(t[1]) * 1000000 + tonumber(t[2]), ARGV[1])
redis.call("EXPIRE", KEYS[1], ARGV[3])
local excess = redis.call("ZCARD", KEYS[1]) - tonumber(ARGV[2])
if excess <= 0 then return {} end
local evicted = redis.call("ZRANGE", KEYS[1], 0, excess - 1)
redis.call("ZREMRANGEBYRANK", KEYS[1], 0, excess - 1)
return evicted`;

const RELEASE_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // After a stalled event loop the timer fires before the reply waiting in the socket is read:
    // setImmediate lets that I/O run first, so only a Redis that really did not answer times out.
    timer = setTimeout(
      () => setImmediate(() => reject(new StoreUnavailableError(`${what} took longer than ${OPERATION_TIMEOUT_MS} ms`))),
      OPERATION_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeFailure(error: unknown): string {
  if (error instanceof StoreUnavailableError) return error.message;
  return error instanceof Error && error.message ? error.message : 'connection failed';
}

export function createRedisStore(url: string): Store {
  const client = createClient({
    url,
    // Without this, commands queue while Redis is down and requests hang instead of failing.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: OPERATION_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  let lastError = '';
  let lastFailureAt = 0;
  client.on('error', (error: unknown) => {
    lastFailureAt = Date.now();
    const message = describeFailure(error);
    if (message !== lastError) log.error(`[integrations-hub] Redis: ${message}`);
    lastError = message;
  });
  client.on('ready', () => {
    if (lastError) log.error('[integrations-hub] Redis: connected again');
    lastError = '';
  });
  // Memoized: one connection attempt, which keeps retrying in the background while callers time out.
  let connecting: Promise<unknown> | undefined;

  async function run<T>(what: string, command: () => Promise<T>): Promise<T> {
    try {
      if (!client.isReady) {
        // While Redis is known to be down, fail at once instead of making every request wait.
        if (lastError && Date.now() - lastFailureAt < OPERATION_TIMEOUT_MS) throw new StoreUnavailableError(lastError);
        connecting ??= client.connect().catch((error: unknown) => {
          connecting = undefined;
          throw error;
        });
        await withTimeout(connecting, 'connecting');
      }
      return await withTimeout(command(), what);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(describeFailure(error));
    }
  }

  return {
    kind: 'redis',
    get: (key) => run('GET', () => client.get(key)),
    async set(key, value, ttlSeconds) {
      await run('SET', () => client.set(key, value, { expiration: { type: 'EX', value: Math.max(1, Math.ceil(ttlSeconds)) } }));
    },
    async setIfAbsent(key, value, ttlMs) {
      const reply = await run('SET NX', () =>
        client.set(key, value, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) }, condition: 'NX' }),
      );
      return reply === 'OK';
    },
    getDel: (key) => run('GETDEL', () => client.getDel(key)),
    async del(key) {
      await run('DEL', () => client.del(key));
    },
    async delIfEquals(key, value) {
      await run('EVAL', () => client.eval(RELEASE_IF_EQUALS, { keys: [key], arguments: [value] }));
    },
    async replaceIfEquals(key, expected, value, ttlSeconds) {
      const ttl = String(Math.max(1, Math.ceil(ttlSeconds)));
      const reply = await run('EVAL', () => client.eval(REPLACE_IF_EQUALS, { keys: [key], arguments: [expected, value, ttl] }));
      return Number(reply) === 1;
    },
    async expire(key, ttlSeconds) {
      await run('EXPIRE', () => client.expire(key, Math.max(1, Math.ceil(ttlSeconds))));
    },
    async reserveRateSlots(windows, member) {
      const keys = windows.flatMap((window) => [window.key, ratePauseKey(window.key)]);
      const args = windows.flatMap((window) => [String(window.requests), String(window.intervalMs)]);
      const reply = await run('EVAL', () => client.eval(RESERVE_RATE_SLOTS, { keys, arguments: [...args, member] }));
      return Number(reply);
    },
    async pauseRate(key, durationMs) {
      await run('EVAL', () => client.eval(PAUSE_RATE, { keys: [ratePauseKey(key)], arguments: [String(Math.max(1, Math.ceil(durationMs)))] }));
    },
    async incr(key, ttlSeconds) {
      const reply = await run('EVAL', () => client.eval(INCR_WITH_TTL, { keys: [key], arguments: [String(Math.max(1, Math.ceil(ttlSeconds)))] }));
      return Number(reply);
    },
    async pushCapped(key, member, cap, ttlSeconds) {
      const reply = await run('EVAL', () =>
        client.eval(PUSH_CAPPED, { keys: [key], arguments: [member, String(cap), String(Math.max(1, Math.ceil(ttlSeconds)))] }),
      );
      return Array.isArray(reply) ? reply.map(String) : [];
    },
    async append(key, value, ttlSeconds) {
      const [length] = await run('RPUSH', () =>
        client.multi().rPush(key, value).expire(key, Math.max(1, Math.ceil(ttlSeconds))).exec(),
      );
      return Number(length);
    },
    readFrom: (key, start, count) => run('LRANGE', () => client.lRange(key, start, start + count - 1)),
    async hitWindow(key, requests, intervalMs, member) {
      const reply = await run('EVAL', () =>
        client.eval(HIT_WINDOW, { keys: [key], arguments: [String(requests), String(intervalMs), member] }),
      );
      const [retryAfterMs, used] = Array.isArray(reply) ? reply.map(Number) : [0, 0];
      return { retryAfterMs, used };
    },
    async pushToQueue(key, value, ttlSeconds) {
      await run('RPUSH', () => client.multi().rPush(key, value).expire(key, Math.max(1, Math.ceil(ttlSeconds))).exec());
    },
    popFromQueue: (key) => run('LPOP', () => client.lPop(key)),
    async ping() {
      await run('PING', () => client.ping());
    },
  };
}
