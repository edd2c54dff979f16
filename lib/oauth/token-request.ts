import 'server-only';
import { z } from 'zod';
import { isIntegrationError, OAuthRequestError, ProviderError, ProviderTimeoutError } from '@/lib/shared/errors';
import { requestNeverSent } from '@/lib/oauth/never-sent';
import { parseRetryAfter } from '@/lib/server/provider-api';
import type { ProviderConfig } from '@/lib/providers/config';
import { namesDeadGrant, parseTokenError } from '@/lib/oauth/token-error';
import { sleep } from '@/lib/shared/sleep';
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

export interface TokenRequestOptions {
  /** Neither send nor wait past this moment (epoch ms): a refresh must end while it holds its lock. */
  deadline?: number;
  /** The grant stays valid after use (a non-rotating refresh token): a timeout or a 5xx may be retried too. */
  reusable?: boolean;
}

/** Waits before another attempt when that still ends before the deadline; false when it would not. */
async function waitBefore(deadline: number, ms: number): Promise<boolean> {
  if (Date.now() + ms >= deadline) return false;
  await sleep(ms);
  return true;
}

/**
 * POSTs to the provider's token endpoint with its client authentication style and body format.
 * A single-use grant (an authorization code, a rotating refresh token) is sent again only when it
 * provably never left (connection refused, DNS) or the provider refused it unprocessed (429). A
 * timeout or a 5xx ends it: the provider may have used the grant, and presenting it again would
 * revoke the whole token chain. A reusable grant is retried after those too. OAuth errors are thrown at once.
 */
export async function requestToken(
  provider: ProviderDefinition,
  config: ProviderConfig,
  params: Record<string, string>,
  action: string,
  options: TokenRequestOptions = {},
): Promise<TokenResponse> {
  const name = provider.displayName;
  const deadline = options.deadline ?? Date.now() + TOKEN_TIMEOUT_MS + 5_000;
  let lastProblem = 'no time was left';
  for (let attempt = 1; attempt <= ATTEMPTS && Date.now() < deadline; attempt++) {
    let response: Response;
    let body: unknown;
    try {
      const timeout = AbortSignal.timeout(Math.min(TOKEN_TIMEOUT_MS, deadline - Date.now()));
      response = await fetch(config.tokenUrl, { ...buildRequest(provider, config, params), signal: timeout });
      body = await readJson(response);
    } catch (error) {
      if (!requestNeverSent(error) && !options.reusable) {
        if (error instanceof Error && error.name === 'TimeoutError') throw new ProviderTimeoutError(name, `the token endpoint gave no answer when asked to ${action}`);
        throw new ProviderError(name, `the connection to the token endpoint broke when asked to ${action}.`);
      }
      lastProblem = requestNeverSent(error) ? 'the token endpoint could not be reached' : 'the token endpoint gave no answer';
      if (!(await waitBefore(deadline, 250 * 2 ** (attempt - 1)))) break;
      continue;
    }
    if (response.ok) {
      const parsed = tokenSchema.safeParse(body);
      if (!parsed.success) throw new ProviderError(name, 'the token answer had no usable access_token.');
      const { access_token, refresh_token, expires_in, token_type, scope } = parsed.data;
      return { access_token, refresh_token, expires_in, token_type, scope, raw: parsed.data };
    }
    if (response.status === 429) {
      lastProblem = 'HTTP 429';
      if (!(await waitBefore(deadline, parseRetryAfter(response.headers.get('retry-after')) ?? 500 * 2 ** attempt))) break;
      continue;
    }
    if (response.status >= 500) {
      const problem = `its token endpoint answered HTTP ${response.status} when asked to ${action}.`;
      if (options.reusable && attempt < ATTEMPTS && (await waitBefore(deadline, 250 * 2 ** (attempt - 1)))) continue;
      throw new ProviderError(name, problem, response.status);
    }
    const error = parseTokenError(response.status, body);
    throw new OAuthRequestError(error.code, error.description, name, action, error);
  }
  throw new ProviderTimeoutError(name, `${action} did not succeed in time (${lastProblem})`);
}

/** True when the provider says the grant (code or refresh token) is no longer valid. */
export function isInvalidGrant(provider: ProviderDefinition, error: unknown): boolean {
  if (!isIntegrationError(error) || !(error as Partial<OAuthRequestError>).oauthError) return false;
  const { oauthError, codes } = error as OAuthRequestError;
  return namesDeadGrant(codes ?? [oauthError], provider.token.invalidGrantErrors);
}
