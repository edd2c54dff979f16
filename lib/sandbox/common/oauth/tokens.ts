import 'server-only';
import { randomToken, sha256Base64Url } from '@/lib/server/crypto';
import { getStore } from '@/lib/store';
import type { OAuthOptions } from '../emulator';
import { rememberIssuedSecret } from '../issued-secrets';
import { parseJson, sandboxKey, type EmulatorState } from '../state';
import type { AccessTokenRecord, GrantRecord, RefreshTokenRecord, SandboxAccount } from './records';

/**
 * Minting, looking up and revoking tokens. Every record sits in the store under a hash of
 * its token (one read per lookup, nothing to scan) with a TTL that matches its lifetime.
 */

/** A grant (and its refresh tokens) is forgotten after this long without use, unless its tokens expire sooner. */
export const GRANT_IDLE_TTL_SECONDS = 90 * 24 * 3600;
/** Grants kept per emulator; past it, the oldest are forgotten and their tokens stop working. */
export const GRANT_CAP = 10_000;
/** An expired access token is still recognised (answering "expired", not "invalid") for this long. */
const EXPIRED_ACCESS_TOKEN_GRACE_SECONDS = 3600;

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number | null;
  grant: GrantRecord;
  account: SandboxAccount;
}

type Stored<T extends { token: string }> = Omit<T, 'token'>;

const grantKey = (state: EmulatorState, grantId: string) => sandboxKey(state, 'grant', grantId);
const accessKey = (state: EmulatorState, token: string) => sandboxKey(state, 'access', sha256Base64Url(token));
const refreshKey = (state: EmulatorState, token: string) => sandboxKey(state, 'refresh', sha256Base64Url(token));
const latestAccessKey = (state: EmulatorState, grantId: string) => sandboxKey(state, 'latest-access', grantId);
const refreshUsedKey = (state: EmulatorState, token: string) => sandboxKey(state, 'refresh-used', sha256Base64Url(token));

function grantTtlSeconds(options: Pick<OAuthOptions, 'refreshTokenTtlSeconds'>): number {
  return Math.min(GRANT_IDLE_TTL_SECONDS, options.refreshTokenTtlSeconds ?? GRANT_IDLE_TTL_SECONDS);
}

async function saveGrant(state: EmulatorState, grant: GrantRecord, ttlSeconds: number): Promise<void> {
  await getStore().set(grantKey(state, grant.id), JSON.stringify(grant), ttlSeconds);
}

export async function createGrant(
  state: EmulatorState,
  options: Pick<OAuthOptions, 'refreshTokenTtlSeconds'>,
  fields: Pick<GrantRecord, 'clientId' | 'account' | 'scopes'>,
): Promise<GrantRecord> {
  const grant: GrantRecord = {
    ...fields,
    accountId: fields.account.id,
    id: randomToken(12),
    createdAt: Date.now(),
    epoch: state.epochs.grants,
  };
  const store = getStore();
  await saveGrant(state, grant, grantTtlSeconds(options));
  const evicted = await store.pushCapped(sandboxKey(state, 'grants'), grant.id, GRANT_CAP, GRANT_IDLE_TTL_SECONDS);
  await Promise.all(evicted.map((id) => store.del(grantKey(state, id))));
  return grant;
}

/** The grant, or null when it is unknown, revoked (forgotten), or revoked by `revokeAllGrants`. */
export async function findLiveGrant(state: EmulatorState, grantId: string): Promise<GrantRecord | null> {
  const grant = parseJson<GrantRecord>(await getStore().get(grantKey(state, grantId)));
  return grant && grant.epoch >= state.epochs.grants ? grant : null;
}

function accessTokenTtl(state: EmulatorState, options: OAuthOptions): number {
  return state.faults.accessTokenTtlSeconds ?? options.accessTokenTtlSeconds;
}

/** A new access token for the grant, plus either a new refresh token or the one being kept. */
export async function issueTokens(
  state: EmulatorState,
  options: OAuthOptions,
  grant: GrantRecord,
  keptRefreshToken: RefreshTokenRecord | null,
  now = Date.now(),
): Promise<IssuedTokens> {
  const store = getStore();
  const ttl = accessTokenTtl(state, options);
  const accessToken = options.newAccessToken();
  rememberIssuedSecret(accessToken);
  const access: Stored<AccessTokenRecord> = { grantId: grant.id, issuedAt: now, expiresAt: now + ttl * 1000, epoch: state.epochs.accessTokens };
  await store.set(accessKey(state, accessToken), JSON.stringify(access), ttl + EXPIRED_ACCESS_TOKEN_GRACE_SECONDS);
  const refresh = keptRefreshToken ?? (await mintRefreshToken(state, options, grant, now));
  // Use keeps a grant (and a refresh token it keeps using) from being forgotten.
  await saveGrant(state, grant, grantTtlSeconds(options));
  if (keptRefreshToken) await saveRefreshToken(state, options, keptRefreshToken, now);
  return {
    accessToken,
    refreshToken: refresh.token,
    expiresIn: ttl,
    refreshExpiresIn: refresh.expiresAt === null ? null : Math.max(0, Math.round((refresh.expiresAt - now) / 1000)),
    grant,
    account: grant.account,
  };
}

function refreshTtlSeconds(options: OAuthOptions, record: RefreshTokenRecord, now: number): number {
  const idle = grantTtlSeconds(options);
  return record.expiresAt === null ? idle : Math.max(1, Math.min(idle, Math.ceil((record.expiresAt - now) / 1000)));
}

async function saveRefreshToken(state: EmulatorState, options: OAuthOptions, record: RefreshTokenRecord, now = Date.now()): Promise<void> {
  const { token, ...stored } = record;
  await getStore().set(refreshKey(state, token), JSON.stringify(stored), refreshTtlSeconds(options, record, now));
}

async function mintRefreshToken(state: EmulatorState, options: OAuthOptions, grant: GrantRecord, now: number): Promise<RefreshTokenRecord> {
  const record: RefreshTokenRecord = {
    token: options.newRefreshToken(),
    grantId: grant.id,
    issuedAt: now,
    expiresAt: options.refreshTokenTtlSeconds === null ? null : now + options.refreshTokenTtlSeconds * 1000,
  };
  rememberIssuedSecret(record.token);
  await saveRefreshToken(state, options, record, now);
  return record;
}

/** The stored record of an access token, whatever its state, or null when unknown. */
export async function findAccessToken(state: EmulatorState, token: string): Promise<AccessTokenRecord | null> {
  const stored = parseJson<Stored<AccessTokenRecord>>(await getStore().get(accessKey(state, token)));
  return stored ? { ...stored, token } : null;
}

/** The stored record of a refresh token, whatever its state, or null when unknown. */
export async function findRefreshToken(state: EmulatorState, token: string): Promise<RefreshTokenRecord | null> {
  const stored = parseJson<Stored<RefreshTokenRecord>>(await getStore().get(refreshKey(state, token)));
  return stored ? { ...stored, token } : null;
}

/** `refreshRetiresAccessTokens`: from now on only this access token of the grant works. */
export async function retireEarlierAccessTokens(state: EmulatorState, options: OAuthOptions, grantId: string, accessToken: string): Promise<void> {
  await getStore().set(latestAccessKey(state, grantId), sha256Base64Url(accessToken), grantTtlSeconds(options));
}

/** When the token stops working: its own expiry, or now if `expireAccessTokens` came after it. */
export function accessTokenExpiresAt(state: EmulatorState, record: AccessTokenRecord): number {
  return record.epoch < state.epochs.accessTokens ? Math.min(record.expiresAt, record.issuedAt) : record.expiresAt;
}

export type AccessTokenCheck =
  | { ok: true; record: AccessTokenRecord; grant: GrantRecord; account: SandboxAccount }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Resolves a bearer token to its grant and account. */
export async function checkAccessToken(
  state: EmulatorState,
  token: string,
  now = Date.now(),
  options?: Pick<OAuthOptions, 'refreshRetiresAccessTokens'>,
): Promise<AccessTokenCheck> {
  const record = await findAccessToken(state, token);
  const grant = record ? await findLiveGrant(state, record.grantId) : null;
  if (!record || !grant) return { ok: false, reason: 'invalid' };
  if (options?.refreshRetiresAccessTokens) {
    const latest = await getStore().get(latestAccessKey(state, grant.id));
    if (latest !== null && latest !== sha256Base64Url(token)) return { ok: false, reason: 'invalid' };
  }
  if (accessTokenExpiresAt(state, record) <= now) return { ok: false, reason: 'expired' };
  return { ok: true, record, grant, account: grant.account };
}

/** A refresh token that still works (known, unexpired, unused, its grant live) with its grant, or null. */
export async function checkRefreshToken(
  state: EmulatorState,
  token: string,
  now = Date.now(),
): Promise<{ record: RefreshTokenRecord; grant: GrantRecord } | null> {
  const record = await findRefreshToken(state, token);
  if (!record || (record.expiresAt !== null && record.expiresAt <= now)) return null;
  const [grant, used] = await Promise.all([findLiveGrant(state, record.grantId), getStore().get(refreshUsedKey(state, token))]);
  return grant && used === null ? { record, grant } : null;
}

/**
 * Marks a refresh token used. True for exactly one caller, however many instances race
 * with the same token; everyone else is presenting a used token.
 */
export async function claimRefreshToken(state: EmulatorState, options: OAuthOptions, record: RefreshTokenRecord): Promise<boolean> {
  return getStore().setIfAbsent(refreshUsedKey(state, record.token), '1', refreshTtlSeconds(options, record, Date.now()) * 1000);
}

/** Revokes one refresh token (HubSpot's DELETE): it is forgotten; access tokens already issued keep working. */
export async function revokeRefreshToken(state: EmulatorState, token: string): Promise<void> {
  await getStore().del(refreshKey(state, token));
}

/** Revokes a grant, which ends every token minted from it; returns 1 when it was live, else 0. */
export async function revokeGrant(state: EmulatorState, grantId: string): Promise<number> {
  const grant = await findLiveGrant(state, grantId);
  if (!grant) return 0;
  // Tokens look their grant up on every use: without it they are invalid.
  await getStore().del(grantKey(state, grantId));
  return 1;
}

/** Seconds until the time, never negative. */
export function secondsUntil(time: number, now = Date.now()): number {
  return Math.max(0, Math.floor((time - now) / 1000));
}

/** Default token shapes: an opaque prefix plus 256 random bits. */
export function opaqueToken(prefix: string): () => string {
  return () => `${prefix}${randomToken(32)}`;
}
