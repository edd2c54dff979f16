import 'server-only';
import type { OAuthOptions } from '../emulator';
import { randomToken } from '@/lib/crypto';
import type { EmulatorState } from '../state';
import type { AccessTokenRecord, GrantRecord, RefreshTokenRecord, SandboxAccount } from './records';

/** Minting, looking up and revoking tokens. */

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number | null;
  grant: GrantRecord;
  account: SandboxAccount;
}

export function createGrant(state: EmulatorState, fields: Pick<GrantRecord, 'clientId' | 'accountId' | 'scopes'>): GrantRecord {
  const grant: GrantRecord = { ...fields, id: randomToken(12), revoked: false, createdAt: Date.now() };
  state.oauth.grants.set(grant.id, grant);
  return grant;
}

function accessTokenTtl(state: EmulatorState, options: OAuthOptions): number {
  return state.faults.accessTokenTtlSeconds ?? options.accessTokenTtlSeconds;
}

/** A new access token for the grant, plus either a new refresh token or the one being kept. */
export function issueTokens(
  state: EmulatorState,
  options: OAuthOptions,
  grant: GrantRecord,
  keptRefreshToken: RefreshTokenRecord | null,
  now = Date.now(),
): IssuedTokens {
  const ttl = accessTokenTtl(state, options);
  forgetLongExpiredAccessTokens(state, now);
  const access: AccessTokenRecord = {
    token: options.newAccessToken(),
    grantId: grant.id,
    issuedAt: now,
    expiresAt: now + ttl * 1000,
    revoked: false,
  };
  state.oauth.accessTokens.set(access.token, access);
  const refresh = keptRefreshToken ?? mintRefreshToken(state, options, grant, now);
  const account = state.oauth.accounts.get(grant.accountId);
  if (!account) throw new Error(`grant ${grant.id} refers to an unknown account`);
  return {
    accessToken: access.token,
    refreshToken: refresh.token,
    expiresIn: ttl,
    refreshExpiresIn: refresh.expiresAt === null ? null : Math.max(0, Math.round((refresh.expiresAt - now) / 1000)),
    grant,
    account,
  };
}

const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * Keeps a long-running sandbox from growing without bound. Only access tokens go: refresh
 * tokens must be remembered, or the reuse of a rotated one could not revoke its chain.
 */
function forgetLongExpiredAccessTokens(state: EmulatorState, now: number): void {
  for (const [token, record] of state.oauth.accessTokens) {
    if (record.expiresAt < now - FORGET_AFTER_MS) state.oauth.accessTokens.delete(token);
  }
}

function mintRefreshToken(state: EmulatorState, options: OAuthOptions, grant: GrantRecord, now: number): RefreshTokenRecord {
  const record: RefreshTokenRecord = {
    token: options.newRefreshToken(),
    grantId: grant.id,
    issuedAt: now,
    expiresAt: options.refreshTokenTtlSeconds === null ? null : now + options.refreshTokenTtlSeconds * 1000,
    used: false,
    revoked: false,
  };
  state.oauth.refreshTokens.set(record.token, record);
  return record;
}

export type AccessTokenCheck =
  | { ok: true; record: AccessTokenRecord; grant: GrantRecord; account: SandboxAccount }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Resolves a bearer token to its grant and account. */
export function checkAccessToken(state: EmulatorState, token: string, now = Date.now()): AccessTokenCheck {
  const record = state.oauth.accessTokens.get(token);
  const grant = record ? state.oauth.grants.get(record.grantId) : undefined;
  const account = grant ? state.oauth.accounts.get(grant.accountId) : undefined;
  if (!record || !grant || !account || record.revoked || grant.revoked) return { ok: false, reason: 'invalid' };
  if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, record, grant, account };
}

/** Revokes a grant and every token minted from it; returns how many tokens were live. */
export function revokeGrant(state: EmulatorState, grantId: string): number {
  const grant = state.oauth.grants.get(grantId);
  if (!grant) return 0;
  grant.revoked = true;
  let count = 0;
  for (const record of [...state.oauth.accessTokens.values(), ...state.oauth.refreshTokens.values()]) {
    if (record.grantId === grantId && !record.revoked) {
      record.revoked = true;
      count += 1;
    }
  }
  return count;
}

/** Fault `expireAccessTokens`: every access token issued so far is now expired. */
export function expireAllAccessTokens(state: EmulatorState, now = Date.now()): void {
  for (const record of state.oauth.accessTokens.values()) {
    record.expiresAt = Math.min(record.expiresAt, now - 1);
  }
}

/** Fault `revokeAllGrants`: as if every user removed the app at the provider; tokens and refresh tokens die. */
export function revokeAllGrants(state: EmulatorState): void {
  for (const grantId of state.oauth.grants.keys()) revokeGrant(state, grantId);
}

/** Seconds until the time, never negative. */
export function secondsUntil(time: number, now = Date.now()): number {
  return Math.max(0, Math.floor((time - now) / 1000));
}

/** Default token shapes: an opaque prefix plus 256 random bits. */
export function opaqueToken(prefix: string): () => string {
  return () => `${prefix}${randomToken(32)}`;
}
