import 'server-only';
import type { EmulatorContext } from '../emulator';
import { errorPage } from '../html';
import { readFormBody, redirectResponse } from '../http';
import { createAccount } from './accounts';
import { issueAuthorizationCode } from './authorization-codes';
import { validateAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import { consentPage } from './consent-page';
import { withQueryParams } from './redirect-uri';

/** GET shows the consent page; POST (the form) answers with a redirect carrying a code or an error. */
export async function handleAuthorize(ctx: EmulatorContext): Promise<Response> {
  const { definition, request, url } = ctx;
  const isPost = request.method === 'POST';
  const source = isPost ? await readFormBody(request) : url.searchParams;
  if (!source) return errorPage('Invalid request', 'The consent form could not be read.', 400);
  const validation = validateAuthorizeRequest(definition.id, definition.authorize, source);
  if (validation.kind === 'page') return errorPage(validation.title, validation.message, 400);
  if (validation.kind === 'redirect') {
    return redirectResponse(
      withQueryParams(validation.redirectUri, {
        error: validation.error,
        error_description: validation.description,
        state: validation.state,
      }),
    );
  }
  if (!isPost) return consentPage(definition.displayName, url.pathname, validation.request);
  const decision = source.get('decision');
  if (decision === 'allow') return approve(ctx, validation.request);
  if (decision === 'deny') {
    return redirectResponse(
      withQueryParams(validation.request.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied access to the application.',
        state: validation.request.state,
      }),
    );
  }
  return errorPage('Invalid request', 'Choose Allow or Deny on the consent page.', 400);
}

async function approve(ctx: EmulatorContext, request: AuthorizeRequest): Promise<Response> {
  const account = await createAccount(ctx.definition, ctx.state);
  const code = await issueAuthorizationCode(ctx.state, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: request.scopes,
    account,
  });
  return redirectResponse(withQueryParams(request.redirectUri, { code, state: request.state }));
}
