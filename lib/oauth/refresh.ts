import 'server-only';
import { randomToken } from '@/lib/crypto';
import { NotConnectedError, ProviderTimeoutError, ReconnectRequiredError } from '@/lib/errors';
import { type Connection, loadConnection, saveConnection } from '@/lib/oauth/connection-store';
import { isInvalidGrant, requestToken } from '@/lib/oauth/token-request';
import type { ProviderConfig } from '@/lib/providers/config';
import type { ProviderDefinition } from '@/lib/providers/types';
import { sleep } from '@/lib/sleep';
import { getStore } from '@/lib/store';

/** Refresh this long before expiry, so a load that starts now never runs on an expiring token. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const LOCK_TTL_MS = 30_000;
const LOCK_WAIT_MS = 20_000;
const LOCK_POLL_MS = 100;

const holder = globalThis as typeof globalThis & { __integrationsHubRefreshes?: Map<string, Promise<Connection>> };
const inFlight = (holder.__integrationsHubRefreshes ??= new Map<string, Promise<Connection>>());

export function needsRefresh(connection: Connection, now = Date.now()): boolean {
  return connection.expiresAt !== null && connection.refreshToken !== null && connection.expiresAt - now < REFRESH_MARGIN_MS;
}

interface RefreshRequest {
  provider: ProviderDefinition;
  config: ProviderConfig;
  sessionKey: string;
  /** Set when the provider rejected this access token: refresh even if it is not near expiry. */
  rejectedAccessToken?: string;
}

/** A connection whose access token is usable for at least REFRESH_MARGIN_MS (or was just refreshed). */
export async function ensureFreshConnection(request: RefreshRequest, connection: Connection): Promise<Connection> {
  if (connection.status === 'reconnect_required') throw new ReconnectRequiredError(request.provider.displayName);
  if (!request.rejectedAccessToken && !needsRefresh(connection)) return connection;
  if (!connection.refreshToken) {
    throw new ReconnectRequiredError(request.provider.displayName, 'its access token was rejected and it has no refresh token');
  }
  // In-process single flight: concurrent requests of one connection share one refresh.
  const flightKey = `${request.sessionKey}:${request.provider.id}`;
  let flight = inFlight.get(flightKey);
  if (!flight) {
    flight = refreshUnderLock(request).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, flight);
  }
  return flight;
}

/** Cross-process: one Redis lock per connection; whoever takes it re-reads before refreshing. */
async function refreshUnderLock(request: RefreshRequest): Promise<Connection> {
  const store = getStore();
  const lockKey = `lock:refresh:${request.sessionKey}:${request.provider.id}`;
  const owner = randomToken(16);
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!(await store.setIfAbsent(lockKey, owner, LOCK_TTL_MS))) {
    const current = await currentConnection(request);
    if (isSettled(current, request)) return current;
    if (Date.now() > deadline) {
      throw new ProviderTimeoutError(request.provider.displayName, 'another request has been refreshing the access token for too long');
    }
    await sleep(LOCK_POLL_MS);
  }
  try {
    const current = await currentConnection(request);
    if (isSettled(current, request)) return current;
    return await refresh(request, current);
  } finally {
    await store.delIfEquals(lockKey, owner).catch(() => undefined);
  }
}

async function currentConnection(request: RefreshRequest): Promise<Connection> {
  const connection = await loadConnection(request.sessionKey, request.provider.id);
  if (!connection) throw new NotConnectedError(request.provider.displayName);
  if (connection.status === 'reconnect_required') throw new ReconnectRequiredError(request.provider.displayName);
  return connection;
}

/** Someone else already refreshed: the token is fresh, and not the one the provider rejected. */
function isSettled(connection: Connection, request: RefreshRequest): boolean {
  if (request.rejectedAccessToken) return connection.accessToken !== request.rejectedAccessToken;
  return !needsRefresh(connection);
}

async function refresh(request: RefreshRequest, connection: Connection): Promise<Connection> {
  const { provider, config, sessionKey } = request;
  if (!connection.refreshToken) throw new ReconnectRequiredError(provider.displayName);
  try {
    const tokens = await requestToken(
      provider,
      config,
      { grant_type: 'refresh_token', refresh_token: connection.refreshToken },
      'refresh the access token',
    );
    const now = Date.now();
    const refreshed: Connection = {
      ...connection,
      accessToken: tokens.access_token,
      // Rotating providers send a new refresh token (the old one is now dead); others may omit it.
      refreshToken: tokens.refresh_token ?? connection.refreshToken,
      expiresAt: tokens.expires_in ? now + tokens.expires_in * 1000 : null,
      scope: tokens.scope ?? connection.scope,
      refreshedAt: now,
    };
    await saveConnection(sessionKey, refreshed);
    return refreshed;
  } catch (error) {
    if (isInvalidGrant(provider, error)) {
      await saveConnection(sessionKey, { ...connection, status: 'reconnect_required' });
      throw new ReconnectRequiredError(provider.displayName, 'the provider no longer accepts its refresh token');
    }
    throw error;
  }
}
