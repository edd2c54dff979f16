import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { emptyResponse, jsonResponse, readFormBody } from '../common/http';
import { exchangeToken, type TokenFailureReason } from '../common/oauth/token-exchange';
import { parseTokenForm, toTokenRequest } from '../common/oauth/token-request';
import { secondsUntil, type IssuedTokens } from '../common/oauth/tokens';
import type { GrantRecord, SandboxAccount } from '../common/oauth/records';
import { uuid } from '../common/random';
import { HUBSPOT_APP_ID, portalNumber } from './accounts';

/** HubSpot OAuth v1: token endpoint, token metadata, refresh-token revocation. */

const FAILURES: Record<TokenFailureReason, { status: string; error: string }> = {
  missing_client: { status: 'BAD_CLIENT_ID', error: 'invalid_client' },
  unknown_client: { status: 'BAD_CLIENT_ID', error: 'invalid_client' },
  bad_client_secret: { status: 'BAD_CLIENT_SECRET', error: 'invalid_client' },
  unsupported_grant_type: { status: 'BAD_GRANT_TYPE', error: 'unsupported_grant_type' },
  missing_grant_type: { status: 'BAD_GRANT_TYPE', error: 'invalid_request' },
  invalid_code: { status: 'BAD_AUTH_CODE', error: 'invalid_grant' },
  redirect_uri_mismatch: { status: 'BAD_REDIRECT_URI', error: 'invalid_grant' },
  pkce_failed: { status: 'BAD_CODE_VERIFIER', error: 'invalid_grant' },
  invalid_refresh_token: { status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' },
  refresh_token_reused: { status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' },
};

function oauthError(status: string, error: string, description: string, httpStatus = 400): Response {
  return jsonResponse({ status, message: description, correlationId: uuid(), error, error_description: description }, httpStatus);
}

export async function hubspotToken(ctx: EmulatorContext): Promise<Response> {
  const fields = parseTokenForm(await readFormBody(ctx.request));
  if (!fields) return oauthError('BAD_REQUEST', 'invalid_request', 'the request body must be form-encoded');
  const outcome = exchangeToken(ctx, toTokenRequest(fields));
  if (!outcome.ok) {
    const failure = FAILURES[outcome.reason];
    return oauthError(failure.status, failure.error, outcome.description);
  }
  return jsonResponse(tokenBody(outcome.tokens));
}

function tokenBody(tokens: IssuedTokens): Record<string, unknown> {
  return {
    token_type: 'bearer',
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    expires_in: tokens.expiresIn,
    hub_id: portalNumber(tokens.account),
    scopes: tokens.grant.scopes,
  };
}

function identity(account: SandboxAccount, grant: GrantRecord): Record<string, unknown> {
  return {
    user: account.details.userEmail,
    hub_domain: account.details.hubDomain,
    scopes: grant.scopes,
    hub_id: portalNumber(account),
    user_id: Number(account.details.userId),
  };
}

function lookupGrant(ctx: EmulatorContext, grantId: string): { grant: GrantRecord; account: SandboxAccount } | null {
  const grant = ctx.state.oauth.grants.get(grantId);
  const account = grant ? ctx.state.oauth.accounts.get(grant.accountId) : undefined;
  return grant && account && !grant.revoked ? { grant, account } : null;
}

export function hubspotAccessTokenInfo(ctx: EmulatorContext): Response {
  const token = ctx.params.token;
  const record = ctx.state.oauth.accessTokens.get(token);
  const found = record && !record.revoked && record.expiresAt > Date.now() ? lookupGrant(ctx, record.grantId) : null;
  if (!record || !found) return oauthError('BAD_ACCESS_TOKEN', 'invalid_token', 'access token is invalid, expired or revoked', 404);
  return jsonResponse({
    token,
    ...identity(found.account, found.grant),
    signed_access_token: {
      expiresAt: record.expiresAt,
      scopes: found.grant.scopes.join(' '),
      hubId: portalNumber(found.account),
      userId: Number(found.account.details.userId),
      appId: HUBSPOT_APP_ID,
      hublet: 'na1',
      trialScopes: '',
      isUserLevel: false,
      isPrivateDistribution: false,
    },
    app_id: HUBSPOT_APP_ID,
    expires_in: secondsUntil(record.expiresAt),
    token_type: 'access',
  });
}

function liveRefreshToken(ctx: EmulatorContext) {
  const record = ctx.state.oauth.refreshTokens.get(ctx.params.token);
  if (!record || record.revoked) return null;
  const found = lookupGrant(ctx, record.grantId);
  return found ? { record, ...found } : null;
}

const BAD_REFRESH_TOKEN = () => oauthError('BAD_REFRESH_TOKEN', 'invalid_grant', 'refresh token is invalid, expired or revoked', 404);

export function hubspotRefreshTokenInfo(ctx: EmulatorContext): Response {
  const live = liveRefreshToken(ctx);
  if (!live) return BAD_REFRESH_TOKEN();
  return jsonResponse({
    token: live.record.token,
    ...identity(live.account, live.grant),
    client_id: live.grant.clientId,
    token_type: 'refresh',
  });
}

/** Deletes the refresh token only: access tokens already issued keep working until they expire. */
export function hubspotRevokeRefreshToken(ctx: EmulatorContext): Response {
  const live = liveRefreshToken(ctx);
  if (!live) return BAD_REFRESH_TOKEN();
  live.record.revoked = true;
  ctx.state.stats.revoked += 1;
  return emptyResponse(204);
}
