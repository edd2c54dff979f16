import 'server-only';
import type { EmulatorContext } from '../emulator';
import { isClientSecretValid, isKnownClient } from './client-credentials';
import { consumeAuthorizationCode } from './authorization-codes';
import { verifierMatches } from './pkce';
import { createGrant, issueTokens, revokeGrant, type IssuedTokens } from './tokens';

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

export function exchangeToken(ctx: EmulatorContext, request: TokenRequest): TokenOutcome {
  const { stats } = ctx.state;
  if (request.grantType === 'authorization_code') {
    stats.tokenRequests.authorization_code += 1;
    return exchangeAuthorizationCode(ctx, request);
  }
  if (request.grantType === 'refresh_token') {
    stats.tokenRequests.refresh_token += 1;
    return exchangeRefreshToken(ctx, request);
  }
  if (!request.grantType) return fail('missing_grant_type', 'grant_type is required');
  return fail('unsupported_grant_type', `grant_type "${request.grantType}" is not supported`);
}

function exchangeAuthorizationCode(ctx: EmulatorContext, request: TokenRequest): TokenOutcome {
  const clientProblem = checkClient(ctx.definition.id, request);
  if (clientProblem) return clientProblem;
  if (!request.code) return fail('invalid_code', 'code is required');
  const record = consumeAuthorizationCode(ctx.state.oauth, request.code);
  if (!record || record.clientId !== request.clientId) {
    return fail('invalid_code', 'the authorization code is invalid, expired or already used');
  }
  if (request.redirectUri !== record.redirectUri) {
    return fail('redirect_uri_mismatch', 'redirect_uri does not match the one used in the authorization request');
  }
  if (record.codeChallenge !== null && !verifierMatches(record.codeChallenge, request.codeVerifier)) {
    return fail('pkce_failed', 'code_verifier does not match the code_challenge of the authorization request');
  }
  const grant = createGrant(ctx.state, { clientId: record.clientId, accountId: record.accountId, scopes: record.scopes });
  return { ok: true, tokens: issueTokens(ctx.state, ctx.definition.oauth, grant, null) };
}

function exchangeRefreshToken(ctx: EmulatorContext, request: TokenRequest): TokenOutcome {
  const clientProblem = checkClient(ctx.definition.id, request);
  if (clientProblem) return clientProblem;
  if (!request.refreshToken) return fail('invalid_refresh_token', 'refresh_token is required');
  const { state } = ctx;
  const options = ctx.definition.oauth;
  const record = state.oauth.refreshTokens.get(request.refreshToken);
  const grant = record ? state.oauth.grants.get(record.grantId) : undefined;
  const invalid = fail('invalid_refresh_token', 'the refresh token is invalid, expired or revoked');
  if (!record || !grant || grant.clientId !== request.clientId || record.revoked || grant.revoked) return invalid;
  if (record.expiresAt !== null && record.expiresAt <= Date.now()) return invalid;
  if (record.used) {
    if (options.reuseRevokesChain) {
      revokeGrant(state, grant.id);
      state.stats.revoked += 1;
    }
    return fail('refresh_token_reused', 'the refresh token was already used; every token of this grant is now revoked');
  }
  if (options.rotateRefreshTokens) record.used = true;
  return { ok: true, tokens: issueTokens(state, options, grant, options.rotateRefreshTokens ? null : record) };
}
