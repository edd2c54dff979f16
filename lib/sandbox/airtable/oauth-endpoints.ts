import 'server-only';
import type { EmulatorContext } from '../common/emulator';
import { jsonResponse, readFormBody } from '../common/http';
import { basicClient } from '../common/oauth/basic-client';
import { RFC_TOKEN_ERRORS } from '../common/oauth/token-errors';
import { exchangeToken } from '../common/oauth/token-exchange';
import { airtableErrors } from './errors';
import { parseTokenForm, toTokenRequest } from '../common/oauth/token-request';

/** `POST /oauth2/v1/token`: form body, client authenticated with HTTP Basic. */

function oauthError(error: string, description: string, status: number): Response {
  return jsonResponse({ error, error_description: description }, status);
}

export async function airtableToken(ctx: EmulatorContext): Promise<Response> {
  const fields = parseTokenForm(await readFormBody(ctx.request));
  if (!fields) return oauthError('invalid_request', 'The request body must be form-encoded.', 400);
  const outcome = await exchangeToken(ctx, toTokenRequest(fields, basicClient(ctx.request, fields.client_id)));
  if (!outcome.ok) {
    const failure = RFC_TOKEN_ERRORS[outcome.reason];
    return oauthError(failure.error, outcome.description, failure.httpStatus);
  }
  // The grant is used up even though the answer is an error: a client that retries it revokes the chain.
  if (ctx.state.faults.failTokenAfterUse) return airtableErrors.serverError(ctx.state.faults.failTokenAfterUse);
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
