import 'server-only';
import { createClient } from 'redis';
import { StoreUnavailableError } from '@/lib/errors';
import type { Store } from '@/lib/store/types';

/** Every store call gives up after this long, so a dead Redis answers 503 quickly instead of hanging. */
const OPERATION_TIMEOUT_MS = 1000;

const RELEASE_IF_EQUALS = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`${what} took longer than ${OPERATION_TIMEOUT_MS} ms`)), OPERATION_TIMEOUT_MS);
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
    if (message !== lastError) console.error(`[integrations-hub] Redis: ${message}`);
    lastError = message;
  });
  client.on('ready', () => {
    if (lastError) console.error('[integrations-hub] Redis: connected again');
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
    async expire(key, ttlSeconds) {
      await run('EXPIRE', () => client.expire(key, Math.max(1, Math.ceil(ttlSeconds))));
    },
    async ping() {
      await run('PING', () => client.ping());
    },
  };
}
