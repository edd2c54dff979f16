import 'server-only';
import { z } from 'zod';
import { isIntegrationError, OAuthRequestError, ProviderError, ProviderTimeoutError } from '@/lib/errors';
import type { ProviderConfig } from '@/lib/providers/config';
import { namesDeadGrant, parseTokenError } from '@/lib/oauth/token-error';
import { sleep } from '@/lib/sleep';
import type { ProviderDefinition, TokenResponse } from '@/lib/providers/types';

const TOKEN_TIMEOUT_MS = 15_000;
const ATTEMPTS = 3;

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.coerce.number().positive().nullish(),
  token_type: z.string().nullish(),
  scope: z.union([z.string(), z.array(z.string()).transform((list) => list.join(' '))]).nullish(),
});

/** HTTP Basic client authentication (RFC 6749 section 2.3.1), for providers that take it. */
export function basicClientAuthorization(config: Pick<ProviderConfig, 'clientId' | 'clientSecret'>): string {
  return `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`;
}

function buildRequest(provider: ProviderDefinition, config: ProviderConfig, params: Record<string, string>): RequestInit {
  const fields = provider.token.clientAuth === 'body' ? { ...params, client_id: config.clientId, client_secret: config.clientSecret } : params;
  const headers: Record<string, string> = { accept: 'application/json', ...provider.api.headers };
  if (provider.token.clientAuth === 'basic') headers.authorization = basicClientAuthorization(config);
  if (provider.token.bodyFormat === 'json') {
    headers['content-type'] = 'application/json';
    return { method: 'POST', headers, body: JSON.stringify(fields) };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { method: 'POST', headers, body: new URLSearchParams(fields).toString() };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/**
 * POSTs to the provider's token endpoint with its client authentication style and body format.
 * Retries 429, 5xx and network failures a few times; OAuth errors are thrown at once.
 */
export async function requestToken(
  provider: ProviderDefinition,
  config: ProviderConfig,
  params: Record<string, string>,
  action: string,
): Promise<TokenResponse> {
  let lastProblem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response: Response;
    try {
      response = await fetch(config.tokenUrl, { ...buildRequest(provider, config, params), signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS) });
    } catch (error) {
      lastProblem = error instanceof Error && error.name === 'TimeoutError' ? 'the token endpoint timed out' : 'the token endpoint could not be reached';
      if (attempt < ATTEMPTS) await sleep(300 * 2 ** attempt);
      continue;
    }
    const body = await readJson(response);
    if (response.ok) {
      const parsed = tokenSchema.safeParse(body);
      if (!parsed.success) throw new ProviderError(provider.displayName, 'the token answer had no usable access_token.');
      const { access_token, refresh_token, expires_in, token_type, scope } = parsed.data;
      return { access_token, refresh_token, expires_in, token_type, scope, raw: parsed.data };
    }
    if (response.status === 429 || response.status >= 500) {
      lastProblem = `HTTP ${response.status}`;
      if (attempt < ATTEMPTS) await sleep(500 * 2 ** attempt);
      continue;
    }
    const error = parseTokenError(response.status, body);
    throw new OAuthRequestError(error.code, error.description, provider.displayName, action, error);
  }
  throw new ProviderTimeoutError(provider.displayName, `${action} failed after ${ATTEMPTS} attempts (${lastProblem})`);
}

/** True when the provider says the grant (code or refresh token) is no longer valid. */
export function isInvalidGrant(provider: ProviderDefinition, error: unknown): boolean {
  if (!isIntegrationError(error) || !(error as Partial<OAuthRequestError>).oauthError) return false;
  const { oauthError, codes } = error as OAuthRequestError;
  return namesDeadGrant(codes ?? [oauthError], provider.token.invalidGrantErrors);
}
