import 'server-only';
import { log } from '@/lib/server/log';
import { getEnv } from '@/lib/server/env';
import { createMemoryStore } from '@/lib/store/memory';
import { createRedisStore } from '@/lib/store/redis';
import type { Store } from '@/lib/store/types';

export type { Store } from '@/lib/store/types';

const holder = globalThis as typeof globalThis & { __integrationsHubStore?: Store };

/** The process-wide store: Redis when REDIS_URL is set, otherwise an in-process map (announced once). */
export function getStore(): Store {
  if (!holder.__integrationsHubStore) {
    const { redisUrl } = getEnv();
    if (redisUrl) {
      holder.__integrationsHubStore = createRedisStore(redisUrl);
    } else {
      log.warn(
        '[integrations-hub] REDIS_URL is not set: using an in-process store. Sessions and connections are lost on restart ' +
          'and are not shared between server instances. Set REDIS_URL=redis://127.0.0.1:6379 for a real deployment.',
      );
      holder.__integrationsHubStore = createMemoryStore();
    }
  }
  return holder.__integrationsHubStore;
}
