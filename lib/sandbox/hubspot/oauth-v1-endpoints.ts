import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { emptyResponse, jsonResponse, readFormBody } from '../common/http';
import { exchangeToken } from '../common/oauth/token-exchange';
import { parseTokenForm, toTokenRequest } from '../common/oauth/token-request';
import { revokeRefreshToken } from '../common/oauth/tokens';
import { countStat } from '../common/stats';
import { hubspotError } from './errors';
import { BAD_ACCESS_TOKEN, BAD_REFRESH_TOKEN_V1, BAD_REQUEST, hubspotOAuthError, TOKEN_FAILURES } from './oauth-errors';
import { accessTokenInfo, accessTokenResponse, findLiveAccessToken, findLiveRefreshToken, refreshTokenInfo } from './token-info';

/**
 * HubSpot OAuth v1, kept for SDK users (`@hubspot/api-client` calls only v1) until HubSpot turns it
 * off on 2027-02-16. The `disableV1OAuth` fault answers every v1 call as HubSpot will after that day.
 */

type Handler = (ctx: EmulatorContext) => Response | Promise<Response>;

function untilSunset(handle: Handler): Handler {
  return (ctx) =>
    ctx.state.faults.disableV1OAuth
      ? hubspotError(404, 'The OAuth v1 API was sunset on 2027-02-16. Use POST /oauth/2026-03/token, /oauth/2026-03/token/introspect and /oauth/2026-03/token/revoke.', 'OBJECT_NOT_FOUND')
      : handle(ctx);
}

export const hubspotV1Token = untilSunset(async (ctx) => {
  const fields = parseTokenForm(await readFormBody(ctx.request));
  if (!fields) return hubspotOAuthError(BAD_REQUEST, 'the request body must be form-encoded');
  const outcome = await exchangeToken(ctx, toTokenRequest(fields));
  if (!outcome.ok) return hubspotOAuthError(TOKEN_FAILURES[outcome.reason], outcome.description);
  return jsonResponse(accessTokenResponse(outcome.tokens));
});

export const hubspotV1AccessTokenInfo = untilSunset(async (ctx) => {
  const live = await findLiveAccessToken(ctx.state, ctx.params.token);
  if (!live) return hubspotOAuthError(BAD_ACCESS_TOKEN, 'access token is invalid, expired or revoked');
  return jsonResponse(accessTokenInfo(live));
});

const badRefreshToken = () => hubspotOAuthError(BAD_REFRESH_TOKEN_V1, 'refresh token is invalid, expired or revoked');

export const hubspotV1RefreshTokenInfo = untilSunset(async (ctx) => {
  const live = await findLiveRefreshToken(ctx.state, ctx.params.token);
  return live ? jsonResponse(refreshTokenInfo(live)) : badRefreshToken();
});

/** Deletes the refresh token only: access tokens already issued keep working until they expire. */
export const hubspotV1RevokeRefreshToken = untilSunset(async (ctx) => {
  const live = await findLiveRefreshToken(ctx.state, ctx.params.token);
  if (!live) return badRefreshToken();
  await revokeRefreshToken(ctx.state, live.record.token);
  await countStat(ctx.state, 'revoked');
  return emptyResponse(204);
});
