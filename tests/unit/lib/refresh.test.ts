import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OAuthRequestError, ProviderError, ProviderTimeoutError } from '@/lib/shared/errors';
import { type Connection, deleteConnection, loadConnection, saveConnection } from '@/lib/oauth/connection-store';
import { ensureFreshConnection, LOCK_TTL_MS, needsRefresh, REFRESH_BUDGET_MS, REFRESH_MARGIN_MS, type RefreshRequest } from '@/lib/oauth/refresh';
import type { TokenRequestOptions } from '@/lib/oauth/token-request';
import type { ProviderConfig } from '@/lib/providers/config';
import type { ProviderDefinition, TokenResponse } from '@/lib/providers/types';
import { getStore } from '@/lib/store';
import { refreshLockKey } from '@/lib/store/keys';

const requestToken = vi.hoisted(() => vi.fn());
vi.mock('@/lib/oauth/token-request', async (importOriginal) => ({ ...(await importOriginal<object>()), requestToken }));

const connection = (expiresAt: number | null, refreshToken: string | null = 'r1', accessToken = 'a1'): Connection => ({
  providerId: 'fake',
  accessToken,
  refreshToken,
  expiresAt,
  scope: null,
  account: { id: '1', label: 'Account', details: {} },
  status: 'active',
  connectedAt: 0,
  refreshedAt: null,
});

describe('needsRefresh', () => {
  const now = 1_000_000_000;
  it('refreshes inside the margin before expiry, and after it', () => {
    expect(needsRefresh(connection(now + REFRESH_MARGIN_MS - 1), now)).toBe(true);
    expect(needsRefresh(connection(now - 1), now)).toBe(true);
    expect(needsRefresh(connection(now + REFRESH_MARGIN_MS + 1000), now)).toBe(false);
  });
  it('never refreshes tokens that do not expire or cannot be refreshed', () => {
    expect(needsRefresh(connection(null), now)).toBe(false);
    expect(needsRefresh(connection(now - 1, null), now)).toBe(false);
  });
});

const provider = { id: 'fake', displayName: 'Fake', token: { clientAuth: 'body', bodyFormat: 'form' } } as unknown as ProviderDefinition;
const rotated = (n: number): TokenResponse => ({ access_token: `a${n}`, refresh_token: `r${n}`, expires_in: 3600, raw: {} });
const invalidGrant = () => new OAuthRequestError('invalid_grant', 'the refresh token was already used', 'Fake', 'refresh the access token');

let sessionKey = '';
let request: RefreshRequest;
let expired: Connection;

beforeEach(async () => {
  requestToken.mockReset();
  sessionKey = `session-${Math.random()}`;
  request = { provider, config: {} as ProviderConfig, sessionKey };
  expired = connection(Date.now() - 1);
  await saveConnection(sessionKey, expired);
});

const stored = () => loadConnection(sessionKey, 'fake');
const presentedRefreshTokens = () => requestToken.mock.calls.map((call) => (call[2] as Record<string, string>).refresh_token);

describe('ensureFreshConnection', () => {
  it('shares one refresh between concurrent requests of one connection (in-process single flight)', async () => {
    requestToken.mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return rotated(2);
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => ensureFreshConnection(request, expired)));
    expect(results.map((result) => result.accessToken)).toEqual(['a2', 'a2', 'a2', 'a2', 'a2']);
    expect(presentedRefreshTokens()).toEqual(['r1']);
    expect(await stored()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2', status: 'active' });
  });

  it('gives a request rejected with the old token the new one, without a second refresh', async () => {
    requestToken.mockResolvedValue(rotated(2));
    await ensureFreshConnection(request, expired);
    const retried = await ensureFreshConnection({ ...request, rejectedAccessToken: 'a1' }, expired);
    expect(retried.accessToken).toBe('a2');
    expect(requestToken).toHaveBeenCalledTimes(1);
  });

  it('waits for another instance that holds the lock and uses what it stored', async () => {
    const lock = refreshLockKey(sessionKey, 'fake');
    expect(await getStore().setIfAbsent(lock, 'other-instance', LOCK_TTL_MS)).toBe(true);
    const waiting = ensureFreshConnection(request, expired);
    await saveConnection(sessionKey, connection(Date.now() + 3_600_000, 'r7', 'a7'));
    await getStore().delIfEquals(lock, 'other-instance');
    expect((await waiting).accessToken).toBe('a7');
    expect(requestToken).not.toHaveBeenCalled();
  });

  it('keeps its lock for longer than the token request may take', async () => {
    let seen: { deadline?: number; lockHeld: boolean; at: number } | undefined;
    requestToken.mockImplementation(async (...args: unknown[]) => {
      const options = args[4] as TokenRequestOptions;
      seen = { deadline: options.deadline, lockHeld: Boolean(await getStore().get(refreshLockKey(sessionKey, 'fake'))), at: Date.now() };
      return rotated(2);
    });
    await ensureFreshConnection(request, expired);
    expect(seen?.lockHeld).toBe(true);
    expect(seen?.deadline).toBeDefined();
    expect((seen?.deadline ?? Infinity) - (seen?.at ?? 0)).toBeLessThanOrEqual(REFRESH_BUDGET_MS);
    expect(REFRESH_BUDGET_MS).toBeLessThan(LOCK_TTL_MS);
    expect(await getStore().get(refreshLockKey(sessionKey, 'fake'))).toBeNull();
  });

  it('never presents a refresh token again after a 5xx, and keeps the connection', async () => {
    requestToken.mockRejectedValue(new ProviderError('Fake', 'its token endpoint answered HTTP 500.', 500));
    await expect(ensureFreshConnection(request, expired)).rejects.toMatchObject({ code: 'provider_error', providerStatus: 500 });
    // A second load right after (here or on another instance) does not try the same token again.
    await expect(ensureFreshConnection(request, expired)).rejects.toMatchObject({ code: 'provider_error', message: expect.stringMatching(/failed moments ago/) });
    expect(presentedRefreshTokens()).toEqual(['r1']);
    expect(await stored()).toMatchObject({ refreshToken: 'r1', status: 'active' });
  });

  it('re-reads after a failed rotation and uses what another instance stored', async () => {
    requestToken.mockImplementation(async () => {
      await saveConnection(sessionKey, connection(Date.now() + 3_600_000, 'r9', 'a9'));
      throw new ProviderTimeoutError('Fake', 'the token endpoint gave no answer');
    });
    expect((await ensureFreshConnection(request, expired)).accessToken).toBe('a9');
  });

  it('marks reconnect_required on invalid_grant while the stored refresh token is the one that failed', async () => {
    requestToken.mockRejectedValue(invalidGrant());
    await expect(ensureFreshConnection(request, expired)).rejects.toMatchObject({ code: 'reconnect_required', status: 401 });
    expect(await stored()).toMatchObject({ refreshToken: 'r1', status: 'reconnect_required' });
  });

  it('does not mark reconnect_required when the stored refresh token changed meanwhile', async () => {
    requestToken.mockImplementation(async () => {
      await saveConnection(sessionKey, connection(Date.now() + 3_600_000, 'r3', 'a3'));
      throw invalidGrant();
    });
    expect((await ensureFreshConnection(request, expired)).accessToken).toBe('a3');
    expect(await stored()).toMatchObject({ refreshToken: 'r3', status: 'active' });
  });

  it('lets a disconnect during the refresh win over the rotated tokens', async () => {
    requestToken.mockImplementation(async () => {
      await deleteConnection(sessionKey, 'fake');
      return rotated(2);
    });
    await expect(ensureFreshConnection(request, expired)).rejects.toMatchObject({ code: 'not_connected' });
    expect(await stored()).toBeNull();
  });
});
