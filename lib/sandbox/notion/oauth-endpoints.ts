import 'server-only';
import { z } from 'zod';
import type { EmulatorContext } from '../common/emulator';
import { jsonResponse, readJsonBody } from '../common/http';
import { basicClient } from '../common/oauth/basic-client';
import { isClientSecretValid, isKnownClient } from '../common/oauth/client-credentials';
import { RFC_TOKEN_ERRORS } from '../common/oauth/token-errors';
import { exchangeToken } from '../common/oauth/token-exchange';
import { tokenFieldsSchema, toTokenRequest } from '../common/oauth/token-request';
import { checkAccessToken, findAccessToken, findRefreshToken, revokeGrant, type IssuedTokens } from '../common/oauth/tokens';
import { countStat } from '../common/stats';
import { uuid } from '../common/random';
import { notionError } from './errors';

/** Notion OAuth: JSON bodies, HTTP Basic client auth, rotating refresh tokens, revoke and introspect. */

const tokenOnlySchema = z.object({ token: z.string().min(1, 'should be defined') });

type JsonBody<T> = { ok: true; value: T } | { ok: false; response: Response };

async function parseJson<T>(request: Request, schema: z.ZodType<T>): Promise<JsonBody<T>> {
  const body = await readJsonBody(request);
  if (!body.ok) return { ok: false, response: notionError(400, 'invalid_json', 'Error parsing JSON body.') };
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `body.${issue.path.join('.') || '(root)'} ${issue.message}`);
    return { ok: false, response: notionError(400, 'validation_error', `body failed validation: ${problems.join(', ')}.`) };
  }
  return { ok: true, value: parsed.data };
}

function clientIsAuthenticated(ctx: EmulatorContext): boolean {
  const client = basicClient(ctx.request, undefined);
  return isKnownClient(ctx.definition.id, client.clientId) && isClientSecretValid(ctx.definition.id, client.clientSecret);
}

const INVALID_CLIENT = () => notionError(401, 'invalid_client', 'Client authentication failed: check the client id and secret.');

export async function notionToken(ctx: EmulatorContext): Promise<Response> {
  const body = await parseJson(ctx.request, tokenFieldsSchema);
  if (!body.ok) return body.response;
  const outcome = await exchangeToken(ctx, toTokenRequest(body.value, basicClient(ctx.request, undefined)));
  if (!outcome.ok) {
    const failure = RFC_TOKEN_ERRORS[outcome.reason];
    const code = failure.error === 'unsupported_grant_type' ? 'invalid_request' : failure.error;
    return notionError(failure.httpStatus, code, outcome.description);
  }
  return jsonResponse(tokenBody(outcome.tokens));
}

function tokenBody(tokens: IssuedTokens): Record<string, unknown> {
  const { details } = tokens.account;
  return {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
    bot_id: details.botId,
    workspace_icon: details.workspaceIcon,
    workspace_name: details.workspaceName,
    workspace_id: tokens.account.id,
    owner: {
      type: 'user',
      user: {
        object: 'user',
        id: details.userId,
        name: details.userName,
        avatar_url: null,
        type: 'person',
        person: { email: details.email },
      },
    },
    duplicated_template_id: null,
    request_id: uuid(),
  };
}

async function grantOfToken(ctx: EmulatorContext, token: string): Promise<string | null> {
  const record = (await findAccessToken(ctx.state, token)) ?? (await findRefreshToken(ctx.state, token));
  return record?.grantId ?? null;
}

/** Revoking either token ends the connection: every token of its grant stops working. */
export async function notionRevoke(ctx: EmulatorContext): Promise<Response> {
  if (!clientIsAuthenticated(ctx)) return INVALID_CLIENT();
  const body = await parseJson(ctx.request, tokenOnlySchema);
  if (!body.ok) return body.response;
  const grantId = await grantOfToken(ctx, body.value.token);
  if (grantId && (await revokeGrant(ctx.state, grantId)) > 0) await countStat(ctx.state, 'revoked');
  return jsonResponse({});
}

export async function notionIntrospect(ctx: EmulatorContext): Promise<Response> {
  if (!clientIsAuthenticated(ctx)) return INVALID_CLIENT();
  const body = await parseJson(ctx.request, tokenOnlySchema);
  if (!body.ok) return body.response;
  const check = await checkAccessToken(ctx.state, body.value.token);
  return jsonResponse(check.ok ? { active: true, iat: Math.floor(check.record.issuedAt / 1000) } : { active: false });
}
