import 'server-only';
import { getEnv } from '@/lib/server/env';
import { log } from '@/lib/server/log';
import { dispatchToEmulator } from './common/dispatch';
import { jsonResponse } from './common/http';
import { emulatorRegistry } from './registry';

/**
 * Entry point of `/sandbox/{provider}/...`: the built-in emulator of a provider,
 * served only while that provider runs in sandbox mode (no client id + secret set).
 */
export async function handleSandboxRequest(providerId: string, path: string[], request: Request): Promise<Response> {
  const emulator = emulatorRegistry.get(providerId);
  const live = emulator ? getEnv().provider(providerId).live : false;
  if (!emulator || live) {
    return jsonResponse(
      {
        error: {
          code: 'not_found',
          message: emulator
            ? `The ${emulator.displayName} sandbox is off because real ${emulator.displayName} credentials are configured.`
            : `There is no sandbox for provider "${providerId}".`,
        },
      },
      404,
    );
  }
  try {
    return await dispatchToEmulator(emulator, path, request);
  } catch (error) {
    log.error(`[sandbox:${providerId}] unexpected error`, error);
    return emulator.errors.serverError(500);
  }
}

