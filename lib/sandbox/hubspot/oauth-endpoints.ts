import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { emptyResponse, jsonResponse, readFormBody } from '../common/http';
import { isClientSecretValid, isKnownClient } from '../common/oauth/client-credentials';
import { exchangeToken } from '../common/oauth/token-exchange';
import { revokeRefreshToken } from '../common/oauth/tokens';
import { countStat } from '../common/stats';
import { parseTokenForm, toTokenRequest } from '../common/oauth/token-request';
import {
  BAD_REQUEST,
  hubspotOAuthError,
  TOKEN_FAILURES,
  UNSUPPORTED_MEDIA_TYPE,
  UNSUPPORTED_TOKEN_TYPE,
} from './oauth-errors';
import { accessTokenInfo, accessTokenResponse, findLiveAccessToken, findLiveRefreshToken, refreshTokenInfo } from './token-info';

/**
 * HubSpot OAuth 2026-03: `POST /oauth/2026-03/token`, `/token/introspect` and `/token/revoke`.
 * Form-encoded bodies only; credentials in the query string are refused (HubSpot's migration guide).
 */

const SECRET_FIELDS = ['client_secret', 'code', 'code_verifier', 'refresh_token', 'token', 'assertion', 'client_assertion'];

type FormResult = { ok: true; form: URLSearchParams } | { ok: false; response: Response };

async function readOAuthForm(ctx: EmulatorContext): Promise<FormResult> {
  const type = (ctx.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return { ok: false, response: hubspotOAuthError(UNSUPPORTED_MEDIA_TYPE, 'the request body must be application/x-www-form-urlencoded') };
  }
  const inQuery = SECRET_FIELDS.filter((name) => ctx.url.searchParams.has(name));
  if (inQuery.length > 0) {
    return { ok: false, response: hubspotOAuthError(BAD_REQUEST, `${inQuery.join(', ')} must be sent in the form body, never in the URL`) };
  }
  const form = await readFormBody(ctx.request);
  if (!form) return { ok: false, response: hubspotOAuthError(BAD_REQUEST, 'the request body could not be read') };
  return { ok: true, form };
}

/** The client of an introspect or revoke request, or the error answer. */
function checkClient(ctx: EmulatorContext, form: URLSearchParams): Response | null {
  const clientId = form.get('client_id');
  if (!clientId) return hubspotOAuthError(TOKEN_FAILURES.missing_client, 'client_id is required');
  if (!isKnownClient(ctx.definition.id, clientId)) return hubspotOAuthError(TOKEN_FAILURES.unknown_client, 'the client_id is not recognized');
  if (!isClientSecretValid(ctx.definition.id, form.get('client_secret'))) {
    return hubspotOAuthError(TOKEN_FAILURES.bad_client_secret, 'the client secret is invalid');
  }
  return null;
}

export async function hubspotToken(ctx: EmulatorContext): Promise<Response> {
  const read = await readOAuthForm(ctx);
  if (!read.ok) return read.response;
  const fields = parseTokenForm(read.form);
  if (!fields) return hubspotOAuthError(BAD_REQUEST, 'the request body must be form-encoded');
  const outcome = await exchangeToken(ctx, toTokenRequest(fields));
  if (!outcome.ok) return hubspotOAuthError(TOKEN_FAILURES[outcome.reason], outcome.description);
  return jsonResponse(accessTokenResponse(outcome.tokens));
}

/** The form introspect and revoke share: an authenticated client and the token it asks about. */
async function readClientTokenForm(ctx: EmulatorContext): Promise<{ ok: true; form: URLSearchParams; token: string } | { ok: false; response: Response }> {
  const read = await readOAuthForm(ctx);
  if (!read.ok) return read;
  const clientProblem = checkClient(ctx, read.form);
  if (clientProblem) return { ok: false, response: clientProblem };
  const token = read.form.get('token');
  if (!token) return { ok: false, response: hubspotOAuthError(BAD_REQUEST, 'token is required') };
  return { ok: true, form: read.form, token };
}

/** RFC 7662: a dead, unknown or foreign token is `{"active": false}`, not an error. */
export async function hubspotIntrospect(ctx: EmulatorContext): Promise<Response> {
  const read = await readClientTokenForm(ctx);
  if (!read.ok) return read.response;
  const { form, token } = read;
  const hint = form.get('token_type_hint');
  const clientId = form.get('client_id');
  const lookups = [
    async () => {
      const live = await findLiveAccessToken(ctx.state, token);
      return live && live.grant.clientId === clientId ? accessTokenInfo(live) : null;
    },
    async () => {
      const live = await findLiveRefreshToken(ctx.state, token);
      return live && live.grant.clientId === clientId ? refreshTokenInfo(live) : null;
    },
  ];
  if (hint === 'refresh_token') lookups.reverse();
  for (const lookup of lookups) {
    const info = await lookup();
    if (info) return jsonResponse(info);
  }
  return jsonResponse({ active: false });
}

/**
 * Revokes a refresh token (the app's disconnect). Access tokens already issued keep working until
 * they expire, as with v1. An unknown token is not an error (RFC 7009 section 2.2).
 */
export async function hubspotRevoke(ctx: EmulatorContext): Promise<Response> {
  const read = await readClientTokenForm(ctx);
  if (!read.ok) return read.response;
  const { form, token } = read;
  if (form.get('token_type_hint') === 'access_token' || (await findLiveAccessToken(ctx.state, token))) {
    return hubspotOAuthError(UNSUPPORTED_TOKEN_TYPE, 'only refresh tokens can be revoked');
  }
  const live = await findLiveRefreshToken(ctx.state, token);
  if (live && live.grant.clientId === form.get('client_id')) {
    await revokeRefreshToken(ctx.state, live.record.token);
    await countStat(ctx.state, 'revoked');
  }
  return emptyResponse(200);
}
