import 'server-only';
import { randomToken } from '@/lib/server/crypto';
import { isIntegrationError, NotConnectedError, ProviderError, ProviderTimeoutError, ReconnectRequiredError } from '@/lib/shared/errors';
import { type Connection, readConnection, replaceConnection, type StoredConnection } from '@/lib/oauth/connection-store';
import { isInvalidGrant, requestToken } from '@/lib/oauth/token-request';
import type { ProviderConfig } from '@/lib/providers/config';
import type { ProviderDefinition } from '@/lib/providers/types';
import { sleep } from '@/lib/shared/sleep';
import { getStore } from '@/lib/store';
import { refreshHoldKey, refreshLockKey } from '@/lib/store/keys';

/** Refresh this long before expiry, so a load that starts now never runs on an expiring token. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** The lock outlives any refresh: the token request ends SAVE_RESERVE_MS before REFRESH_BUDGET_MS, and the save within it. */
export const LOCK_TTL_MS = 30_000;
export const REFRESH_BUDGET_MS = 20_000;
const SAVE_RESERVE_MS = 5_000;
/** Waiters give the holder its whole lock time before giving up. */
const LOCK_WAIT_MS = LOCK_TTL_MS;
const LOCK_POLL_MS = 100;
/** After a refresh whose outcome is unknown (timeout, 5xx), nobody presents that refresh token again for this long. */
export const REFRESH_HOLD_MS = 15_000;
const SAVE_ATTEMPTS = 4;

const holder = globalThis as typeof globalThis & { __integrationsHubRefreshes?: Map<string, Promise<Connection>> };
const inFlight = (holder.__integrationsHubRefreshes ??= new Map<string, Promise<Connection>>());

export function needsRefresh(connection: Connection, now = Date.now()): boolean {
  return connection.expiresAt !== null && connection.refreshToken !== null && connection.expiresAt - now < REFRESH_MARGIN_MS;
}

export interface RefreshRequest {
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
  const lockKey = refreshLockKey(request.sessionKey, request.provider.id);
  const owner = randomToken(16);
  const giveUpAt = Date.now() + LOCK_WAIT_MS;
  while (!(await takeLock(lockKey, owner))) {
    const current = await currentConnection(request).catch(unlessStoreHiccup);
    if (current && isSettled(current.connection, request)) return current.connection;
    if (Date.now() > giveUpAt) {
      throw new ProviderTimeoutError(request.provider.displayName, 'another request has been refreshing the access token for too long');
    }
    await sleep(LOCK_POLL_MS);
  }
  const mustEndBy = Date.now() + REFRESH_BUDGET_MS;
  try {
    const current = await currentConnection(request);
    if (isSettled(current.connection, request)) return current.connection;
    if (await store.get(refreshHoldKey(request.sessionKey, request.provider.id))) {
      throw new ProviderError(
        request.provider.displayName,
        'refreshing the access token failed moments ago and may have used up its refresh token. Try again in a minute.',
      );
    }
    return await refresh(request, current, mustEndBy);
  } finally {
    await store.delIfEquals(lockKey, owner).catch(() => undefined);
  }
}

const isStoreHiccup = (error: unknown) => isIntegrationError(error) && error.code === 'store_unavailable';

/** A slow store answer while waiting for the lock is one poll missed, not a failed load. */
function unlessStoreHiccup(error: unknown): null {
  if (isStoreHiccup(error)) return null;
  throw error;
}

async function takeLock(lockKey: string, owner: string): Promise<boolean> {
  try {
    return await getStore().setIfAbsent(lockKey, owner, LOCK_TTL_MS);
  } catch (error) {
    unlessStoreHiccup(error);
    // The SET may have landed although its answer came too late.
    return (await getStore().get(lockKey).catch(unlessStoreHiccup)) === owner;
  }
}

async function currentConnection(request: RefreshRequest): Promise<StoredConnection> {
  const read = await readConnection(request.sessionKey, request.provider.id);
  if (!read) throw new NotConnectedError(request.provider.displayName);
  if (read.connection.status === 'reconnect_required') throw new ReconnectRequiredError(request.provider.displayName);
  return read;
}

/** Someone else already refreshed: the token is fresh, and not the one the provider rejected. */
function isSettled(connection: Connection, request: RefreshRequest): boolean {
  if (request.rejectedAccessToken) return connection.accessToken !== request.rejectedAccessToken;
  return !needsRefresh(connection);
}

async function refresh(request: RefreshRequest, read: StoredConnection, mustEndBy: number): Promise<Connection> {
  const { provider, config } = request;
  const used = read.connection.refreshToken;
  if (!used) throw new ReconnectRequiredError(provider.displayName);
  let tokens;
  try {
    tokens = await requestToken(provider, config, { grant_type: 'refresh_token', refresh_token: used }, 'refresh the access token', {
      deadline: mustEndBy - SAVE_RESERVE_MS,
      reusable: provider.token.reusableRefreshToken === true,
    });
  } catch (error) {
    return recoverFromFailedRefresh(request, used, error);
  }
  const now = Date.now();
  const refreshed: Connection = {
    ...read.connection,
    accessToken: tokens.access_token,
    // Rotating providers send a new refresh token (the old one is now dead); others may omit it.
    refreshToken: tokens.refresh_token ?? used,
    expiresAt: tokens.expires_in ? now + tokens.expires_in * 1000 : null,
    scope: tokens.scope ?? read.connection.scope,
    refreshedAt: now,
  };
  return saveRefreshed(request, read, refreshed);
}

/**
 * A failed rotation re-reads the stored connection: another instance (or a reconnect) may have
 * succeeded. The connection is marked reconnect_required only while it still holds the refresh
 * token the provider refused; after a timeout or a 5xx the token is held back for a while.
 */
async function recoverFromFailedRefresh(request: RefreshRequest, used: string, error: unknown): Promise<Connection> {
  const { provider, sessionKey } = request;
  const after = await readConnection(sessionKey, provider.id);
  if (after?.connection.status === 'active' && after.connection.refreshToken !== used) return after.connection;
  if (isInvalidGrant(provider, error)) {
    if (after?.connection.refreshToken === used) {
      await replaceConnection(sessionKey, after, { ...after.connection, status: 'reconnect_required' });
    }
    throw new ReconnectRequiredError(provider.displayName, 'the provider no longer accepts its refresh token');
  }
  const refused = isIntegrationError(error) && error.code === 'oauth_error';
  if (!refused) await getStore().set(refreshHoldKey(sessionKey, provider.id), '1', REFRESH_HOLD_MS / 1000);
  throw error;
}

/**
 * Saves rotated tokens unless a reconnect or disconnect replaced the connection meanwhile (that
 * one wins). A store hiccup is retried: the provider has already used the old refresh token.
 */
async function saveRefreshed(request: RefreshRequest, read: StoredConnection, refreshed: Connection): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await replaceConnection(request.sessionKey, read, refreshed)) return refreshed;
      // Changed since it was read: by an earlier attempt of this save, or by a reconnect or disconnect.
      return (await currentConnection(request)).connection;
    } catch (error) {
      if (!isStoreHiccup(error) || attempt >= SAVE_ATTEMPTS) throw error;
      await sleep(500);
    }
  }
}
