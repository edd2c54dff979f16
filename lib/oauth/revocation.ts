import 'server-only';
import { z } from 'zod';
import { openWithRing, sealWithRing } from '@/lib/server/crypto';
import { isIntegrationError } from '@/lib/shared/errors';
import { keyRing } from '@/lib/server/key-ring';
import { log } from '@/lib/server/log';
import { basicClientAuthorization } from '@/lib/oauth/token-request';
import { createProviderApi } from '@/lib/server/provider-api';
import { resolveProviderConfig } from '@/lib/providers/config';
import { findProvider } from '@/lib/providers';
import type { ProviderDefinition } from '@/lib/providers/types';
import { getStore } from '@/lib/store';

/**
 * Revoking grants at the provider. A revoke that cannot reach the provider (network, 5xx, 429)
 * is not forgotten: the credentials wait, encrypted, in a queue for a week and are tried again
 * after later connects and disconnects. A provider that refuses the token (4xx) already
 * considers it dead.
 */

const QUEUE_KEY = 'revoke:pending';
export const PENDING_REVOCATION_TTL_SECONDS = 7 * 24 * 60 * 60;
const SWEEP_BATCH = 5;

const pendingSchema = z.object({
  providerId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  limiterKey: z.string(),
  queuedAt: z.number(),
  attempts: z.number(),
});

type PendingRevocation = z.infer<typeof pendingSchema>;
export type RevocableCredentials = Pick<PendingRevocation, 'accessToken' | 'refreshToken' | 'limiterKey'>;

const ring = () => keyRing('pending-revocation');

async function revoke(provider: ProviderDefinition, credentials: RevocableCredentials): Promise<void> {
  if (!provider.revoke) return;
  const config = resolveProviderConfig(provider);
  const api = createProviderApi({
    provider,
    apiUrl: config.apiUrl,
    limiterKey: credentials.limiterKey,
    accessToken: () => credentials.accessToken,
    deadline: Date.now() + 10_000,
  });
  await provider.revoke({
    api,
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken,
    clientAuthorization: basicClientAuthorization(config),
    client: { clientId: config.clientId, clientSecret: config.clientSecret },
  });
}

function providerUnreachable(error: unknown): boolean {
  if (!isIntegrationError(error)) return true;
  if (error.code === 'provider_timeout' || error.code === 'rate_limited') return true;
  const status = (error as { providerStatus?: number }).providerStatus;
  return error.code === 'provider_error' && status !== undefined && status >= 500;
}

async function queue(entry: PendingRevocation): Promise<void> {
  await getStore().pushToQueue(QUEUE_KEY, sealWithRing(ring(), JSON.stringify(entry), QUEUE_KEY), PENDING_REVOCATION_TTL_SECONDS);
}

async function attempt(provider: ProviderDefinition, entry: PendingRevocation): Promise<void> {
  try {
    await revoke(provider, entry);
  } catch (error) {
    if (!providerUnreachable(error)) {
      log.warn(`[integrations-hub] ${provider.id} refused the revoke; it no longer accepts the grant:`, error);
      return;
    }
    log.warn(`[integrations-hub] revoking ${provider.id} failed; will try again later:`, error);
    await queue({ ...entry, attempts: entry.attempts + 1 });
  }
}

/** Revokes now, or queues the credentials when the provider cannot be reached. */
export async function revokeOrQueue(provider: ProviderDefinition, credentials: RevocableCredentials): Promise<void> {
  if (!provider.revoke) return;
  await attempt(provider, { providerId: provider.id, ...credentials, queuedAt: Date.now(), attempts: 0 });
}

/** Tries a few queued revocations again (each goes back in the queue if the provider is still unreachable). */
export async function retryPendingRevocations(): Promise<void> {
  const store = getStore();
  const batch: PendingRevocation[] = [];
  // Taken first, tried after: one that goes back in the queue is not taken twice in one sweep.
  for (let index = 0; index < SWEEP_BATCH; index++) {
    const sealed = await store.popFromQueue(QUEUE_KEY);
    if (!sealed) break;
    const opened = openWithRing(ring(), sealed, QUEUE_KEY);
    const parsed = opened ? pendingSchema.safeParse(JSON.parse(opened.plaintext)) : null;
    if (parsed?.success && Date.now() - parsed.data.queuedAt < PENDING_REVOCATION_TTL_SECONDS * 1000) batch.push(parsed.data);
  }
  for (const entry of batch) {
    const provider = findProvider(entry.providerId);
    if (provider) await attempt(provider, entry);
  }
}

/** The sweep, run after the answer is sent; it must never fail the request that scheduled it. */
export async function retryPendingRevocationsQuietly(): Promise<void> {
  try {
    await retryPendingRevocations();
  } catch (error) {
    log.warn('[integrations-hub] retrying pending revocations failed:', error);
  }
}
