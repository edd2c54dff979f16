import 'server-only';
import { getEnv, isConfigurationError } from '@/lib/server/env';
import { log } from '@/lib/server/log';
import { resolveProviderConfig } from '@/lib/providers/config';
import { providers } from '@/lib/providers';
import { getStore } from '@/lib/store';

/**
 * Runs once when the server starts: parses the environment (a wrong variable stops the server
 * with a message naming it) and announces the store and each provider's mode.
 */
export function checkConfigurationAtStartup(): void {
  try {
    const env = getEnv();
    const store = getStore();
    const lines = [`store: ${store.kind === 'redis' ? `Redis at ${new URL(env.redisUrl ?? '').host}` : 'in-process memory'}`, `public origin: ${env.publicOrigin}`];
    for (const provider of providers) {
      const config = resolveProviderConfig(provider);
      lines.push(`${provider.displayName}: ${config.mode === 'live' ? `live (${new URL(config.apiUrl).host})` : 'sandbox (built-in emulator)'}`);
    }
    log.info(`[integrations-hub] ${lines.join(' | ')}`);
  } catch (error) {
    if (isConfigurationError(error)) {
      log.error(`[integrations-hub] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
