import 'server-only';
import { after } from 'next/server';
import { z } from 'zod';
import { disconnect, listIntegrations } from '@/lib/server/connections';
import { BadRequestError, isIntegrationError, ProviderNotFoundError } from '@/lib/shared/errors';
import { AUTHORIZE_LIMIT, CALLBACK_LIMIT, enforceClientLimit } from '@/lib/server/client-limits';
import { describeError, toErrorResponse, withErrors } from '@/lib/server/http';
import { completeAuthorization, FlowError, startAuthorization } from '@/lib/oauth/authorization';
import { callbackPage, failureMessage, redirectBack, successMessage } from '@/lib/oauth/callback-page';
import { retryPendingRevocationsQuietly } from '@/lib/oauth/revocation';
import { renewSession } from '@/lib/oauth/session-renewal';
import { findProvider, getProvider } from '@/lib/providers';
import { currentSessionKey } from '@/lib/server/session';
import { getStore } from '@/lib/store';

const noStore = { 'cache-control': 'no-store' };

export function handleHealth(): Promise<Response> {
  return withErrors(async () => {
    const store = getStore();
    await store.ping();
    return Response.json({ ok: true, store: store.kind }, { headers: noStore });
  });
}

export function handleListIntegrations(): Promise<Response> {
  return withErrors(async () => Response.json(await listIntegrations(await currentSessionKey()), { headers: noStore }));
}

export function handleDisconnect(providerId: string): Promise<Response> {
  return withErrors(async () => {
    await disconnect(getProvider(providerId), await currentSessionKey());
    after(retryPendingRevocationsQuietly);
    return new Response(null, { status: 204, headers: noStore });
  });
}

const authorizeQuery = z.object({ mode: z.enum(['popup', 'redirect']).default('popup') });

export function handleAuthorize(request: Request, providerId: string): Promise<Response> {
  return withErrors(async () => {
    const provider = getProvider(providerId);
    const query = authorizeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new BadRequestError('mode must be "popup" or "redirect".');
    const sessionKey = await currentSessionKey();
    await enforceClientLimit(AUTHORIZE_LIMIT, sessionKey);
    const url = await startAuthorization(provider, sessionKey, query.data.mode);
    return new Response(null, { status: 302, headers: { location: url, ...noStore } });
  });
}

export async function handleCallback(request: Request, providerId: string): Promise<Response> {
  const provider = findProvider(providerId);
  if (!provider) return toErrorResponse(new ProviderNotFoundError(providerId));
  try {
    const sessionKey = await currentSessionKey();
    await enforceClientLimit(CALLBACK_LIMIT, sessionKey);
    const result = await completeAuthorization(provider, sessionKey, new URL(request.url).searchParams);
    const setCookie = await renewSession(sessionKey);
    const message = successMessage(provider.id, result.account);
    const response = result.mode === 'redirect' ? redirectBack(message) : callbackPage(message, provider.displayName, 200);
    response.headers.append('set-cookie', setCookie);
    after(retryPendingRevocationsQuietly);
    return response;
  } catch (thrown) {
    // A flood is answered like any API client that sends too much: JSON 429 with Retry-After.
    if (isIntegrationError(thrown) && thrown.code === 'rate_limited') return toErrorResponse(thrown);
    const mode = thrown instanceof FlowError ? thrown.mode : 'popup';
    const { status, body } = describeError(thrown instanceof FlowError ? thrown.error : thrown);
    const message = failureMessage(provider.id, body.error.code, body.error.message);
    return mode === 'redirect' ? redirectBack(message) : callbackPage(message, provider.displayName, status);
  }
}
