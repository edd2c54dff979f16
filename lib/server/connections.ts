import 'server-only';
import type { IntegrationSummary } from '@/lib/contract';
import { NotConnectedError } from '@/lib/shared/errors';
import { safeUrl } from '@/lib/shared/items';
import { type Connection, deleteConnection, loadConnection, touchConnection } from '@/lib/oauth/connection-store';
import { ensureFreshConnection, needsRefresh } from '@/lib/oauth/refresh';
import { revokeOrQueue } from '@/lib/oauth/revocation';
import { createProviderApi } from '@/lib/server/provider-api';
import { resolveProviderConfig } from '@/lib/providers/config';
import { providers } from '@/lib/providers';
import type { AccountInfo, ProviderApi, ProviderDefinition } from '@/lib/providers/types';


function summarize(provider: ProviderDefinition, connection: Connection | null): IntegrationSummary {
  return {
    provider: provider.id,
    name: provider.displayName,
    description: provider.description,
    mode: resolveProviderConfig(provider).mode,
    connected: connection?.status === 'active',
    status: !connection ? 'not_connected' : connection.status === 'active' ? 'connected' : 'reconnect_required',
    account: connection ? { id: connection.account.id, label: connection.account.label } : null,
    itemTypes: [...provider.itemTypes],
  };
}

export async function listIntegrations(sessionKey: string): Promise<IntegrationSummary[]> {
  return Promise.all(providers.map(async (provider) => summarize(provider, await loadConnection(sessionKey, provider.id))));
}

export interface OpenConnection {
  api: ProviderApi;
  account: AccountInfo;
  link(url: string | null | undefined): string | null;
}

/**
 * The session's connection to a provider, refreshed if it is close to expiry, with an API
 * client that refreshes once more if the provider rejects the token mid-load.
 */
export async function openConnection(
  provider: ProviderDefinition,
  sessionKey: string,
  options: { signal?: AbortSignal } = {},
): Promise<OpenConnection> {
  const config = resolveProviderConfig(provider);
  const stored = await loadConnection(sessionKey, provider.id);
  if (!stored) throw new NotConnectedError(provider.displayName);
  let connection = await ensureFreshConnection({ provider, config, sessionKey }, stored);
  await touchConnection(sessionKey, provider.id);
  const api = createProviderApi({
    provider,
    apiUrl: config.apiUrl,
    limiterKey: `${provider.id}:${connection.account.id}`,
    // A load can outlive a token (some providers' last only 30 minutes): check before each request, not only at the start.
    async accessToken() {
      if (needsRefresh(connection)) connection = await ensureFreshConnection({ provider, config, sessionKey }, connection);
      return connection.accessToken;
    },
    async onUnauthorized(rejected) {
      connection = await ensureFreshConnection({ provider, config, sessionKey, rejectedAccessToken: rejected }, connection);
      return connection.accessToken;
    },
    signal: options.signal,
  });
  return {
    api,
    account: connection.account,
    link(url) {
      return url ? safeUrl(config.rewriteLink(url), config.linkOrigins) : null;
    },
  };
}

/**
 * Deletes everything stored for the provider in this session and revokes at the provider where it
 * can (queued for later when the provider cannot be reached).
 */
export async function disconnect(provider: ProviderDefinition, sessionKey: string): Promise<void> {
  const connection = await loadConnection(sessionKey, provider.id);
  if (!connection) return;
  await deleteConnection(sessionKey, provider.id);
  await revokeOrQueue(provider, {
    accessToken: connection.accessToken,
    refreshToken: connection.refreshToken,
    limiterKey: `${provider.id}:${connection.account.id}`,
  });
}
