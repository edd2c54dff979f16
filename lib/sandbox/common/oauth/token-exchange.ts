import 'server-only';
import type { EmulatorContext } from '../emulator';
import { isClientSecretValid, isKnownClient } from './client-credentials';
import { consumeAuthorizationCode } from './authorization-codes';
import { verifierMatches } from './pkce';
import { countStat } from '../stats';
import { claimRefreshToken, createGrant, findLiveGrant, findRefreshToken, issueTokens, retireEarlierAccessTokens, revokeGrant, type IssuedTokens } from './tokens';

/** The provider-neutral core of a token endpoint: validates a grant and mints tokens. */

export interface TokenRequest {
  grantType?: string;
  code?: string;
  redirectUri?: string;
  codeVerifier?: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
}

export type TokenFailureReason =
  | 'missing_client'
  | 'unknown_client'
  | 'bad_client_secret'
  | 'unsupported_grant_type'
  | 'missing_grant_type'
  | 'invalid_code'
  | 'redirect_uri_mismatch'
  | 'pkce_failed'
  | 'invalid_refresh_token'
  | 'refresh_token_reused';

export type TokenOutcome =
  | { ok: true; tokens: IssuedTokens }
  | { ok: false; reason: TokenFailureReason; description: string };

function fail(reason: TokenFailureReason, description: string): TokenOutcome {
  return { ok: false, reason, description };
}

function checkClient(providerId: string, request: TokenRequest): TokenOutcome | null {
  if (!request.clientId) return fail('missing_client', 'client_id is required');
  if (!isKnownClient(providerId, request.clientId)) return fail('unknown_client', 'the client_id is not recognized');
  if (!isClientSecretValid(providerId, request.clientSecret)) return fail('bad_client_secret', 'the client secret is invalid');
  return null;
}

export async function exchangeToken(ctx: EmulatorContext, request: TokenRequest): Promise<TokenOutcome> {
  const { state } = ctx;
  if (request.grantType === 'authorization_code') {
    await countStat(state, 'tokenRequests.authorization_code');
    return exchangeAuthorizationCode(ctx, request);
  }
  if (request.grantType === 'refresh_token') {
    await countStat(state, 'tokenRequests.refresh_token');
    return exchangeRefreshToken(ctx, request);
  }
  if (!request.grantType) return fail('missing_grant_type', 'grant_type is required');
  return fail('unsupported_grant_type', `grant_type "${request.grantType}" is not supported`);
}

async function exchangeAuthorizationCode(ctx: EmulatorContext, request: TokenRequest): Promise<TokenOutcome> {
  const clientProblem = checkClient(ctx.definition.id, request);
  if (clientProblem) return clientProblem;
  if (!request.code) return fail('invalid_code', 'code is required');
  const record = await consumeAuthorizationCode(ctx.state, request.code);
  if (!record || record.clientId !== request.clientId) {
    return fail('invalid_code', 'the authorization code is invalid, expired or already used');
  }
  if (request.redirectUri !== record.redirectUri) {
    return fail('redirect_uri_mismatch', 'redirect_uri does not match the one used in the authorization request');
  }
  if (record.codeChallenge !== null && !verifierMatches(record.codeChallenge, request.codeVerifier)) {
    return fail('pkce_failed', 'code_verifier does not match the code_challenge of the authorization request');
  }
  const options = ctx.definition.oauth;
  const grant = await createGrant(ctx.state, options, { clientId: record.clientId, account: record.account, scopes: record.scopes });
  return { ok: true, tokens: await issueTokens(ctx.state, options, grant, null) };
}

async function exchangeRefreshToken(ctx: EmulatorContext, request: TokenRequest): Promise<TokenOutcome> {
  const clientProblem = checkClient(ctx.definition.id, request);
  if (clientProblem) return clientProblem;
  if (!request.refreshToken) return fail('invalid_refresh_token', 'refresh_token is required');
  const { state } = ctx;
  const options = ctx.definition.oauth;
  const record = await findRefreshToken(state, request.refreshToken);
  const grant = record ? await findLiveGrant(state, record.grantId) : null;
  const invalid = fail('invalid_refresh_token', 'the refresh token is invalid, expired or revoked');
  if (!record || !grant || grant.clientId !== request.clientId) return invalid;
  if (record.expiresAt !== null && record.expiresAt <= Date.now()) return invalid;
  if (options.rotateRefreshTokens && !(await claimRefreshToken(state, options, record))) {
    if (options.reuseRevokesChain && (await revokeGrant(state, grant.id)) > 0) await countStat(state, 'revoked');
    return fail('refresh_token_reused', 'the refresh token was already used; every token of this grant is now revoked');
  }
  const tokens = await issueTokens(state, options, grant, options.rotateRefreshTokens ? null : record);
  if (options.refreshRetiresAccessTokens) await retireEarlierAccessTokens(state, options, grant.id, tokens.accessToken);
  return { ok: true, tokens };
}
