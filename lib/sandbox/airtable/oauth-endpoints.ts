import 'server-only';
import { z } from 'zod';
import type { EmulatorContext } from '../common/emulator';
import { jsonResponse, readFormBody } from '../common/http';
import { basicClient } from '../common/oauth/basic-client';
import { RFC_TOKEN_ERRORS } from '../common/oauth/token-errors';
import { exchangeToken } from '../common/oauth/token-exchange';

/** `POST /oauth2/v1/token`: form body, client authenticated with HTTP Basic. */

const tokenFormSchema = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  client_id: z.string().optional(),
  scope: z.string().optional(),
});

function oauthError(error: string, description: string, status: number): Response {
  return jsonResponse({ error, error_description: description }, status);
}

export async function airtableToken(ctx: EmulatorContext): Promise<Response> {
  const form = await readFormBody(ctx.request);
  const parsed = tokenFormSchema.safeParse(form ? Object.fromEntries(form.entries()) : null);
  if (!parsed.success) return oauthError('invalid_request', 'The request body must be form-encoded.', 400);
  const f = parsed.data;
  const client = basicClient(ctx.request, f.client_id);
  const outcome = exchangeToken(ctx, {
    grantType: f.grant_type,
    code: f.code,
    redirectUri: f.redirect_uri,
    codeVerifier: f.code_verifier,
    refreshToken: f.refresh_token,
    ...client,
  });
  if (!outcome.ok) {
    const failure = RFC_TOKEN_ERRORS[outcome.reason];
    return oauthError(failure.error, outcome.description, failure.httpStatus);
  }
  const { tokens } = outcome;
  return jsonResponse({
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: 'Bearer',
    scope: tokens.grant.scopes.join(' '),
    expires_in: tokens.expiresIn,
    refresh_expires_in: tokens.refreshExpiresIn,
  });
}
