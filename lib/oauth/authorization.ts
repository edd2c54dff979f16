import 'server-only';
import { AccessDeniedError, BadRequestError, InvalidStateError } from '@/lib/shared/errors';
import { type Connection, saveConnection } from '@/lib/oauth/connection-store';
import { createPkcePair } from '@/lib/oauth/pkce';
import { consumeState, createState, type StateRecord } from '@/lib/oauth/state';
import { requestToken } from '@/lib/oauth/token-request';
import { createProviderApi } from '@/lib/server/provider-api';
import { log } from '@/lib/server/log';
import { revokeOrQueue } from '@/lib/oauth/revocation';
import { type ProviderConfig, resolveProviderConfig } from '@/lib/providers/config';
import type { AccountInfo, ProviderDefinition, TokenResponse } from '@/lib/providers/types';

export type FlowMode = StateRecord['mode'];

/** Builds the consent URL for a new flow, with a fresh single-use state (and PKCE) bound to the session. */
export async function startAuthorization(provider: ProviderDefinition, sessionKey: string, mode: FlowMode): Promise<string> {
  const config = resolveProviderConfig(provider);
  const pkce = provider.authorization.pkce ? createPkcePair() : null;
  const state = await createState({ sessionKey, providerId: provider.id, codeVerifier: pkce?.verifier ?? null, mode });
  const url = new URL(config.authorizeUrl);
  const params: Record<string, string> = {
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    state,
    ...provider.authorization.extraParams,
  };
  if (config.scopes.length) params.scope = config.scopes.join(' ');
  if (pkce) Object.assign(params, { code_challenge: pkce.challenge, code_challenge_method: 'S256' });
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export interface CallbackResult {
  mode: FlowMode;
  account: AccountInfo;
}

const MAX_PARAM_LENGTH = 4096;

function readCallbackParams(query: URLSearchParams) {
  const read = (name: string) => {
    const value = query.get(name);
    if (value !== null && value.length > MAX_PARAM_LENGTH) throw new BadRequestError(`The ${name} parameter is too long.`);
    return value;
  };
  return { state: read('state'), code: read('code'), error: read('error'), errorDescription: read('error_description') };
}

/**
 * Finishes a flow: the state must be this session's (consumed once), the provider must have
 * granted access, and the code must exchange for tokens. Only then is anything stored.
 * Errors carry the flow mode when the state was valid, so the caller can answer in kind.
 */
export async function completeAuthorization(
  provider: ProviderDefinition,
  sessionKey: string,
  query: URLSearchParams,
): Promise<CallbackResult> {
  const params = readCallbackParams(query);
  const record = await consumeState(params.state, sessionKey, provider.id);
  try {
    if (params.error) throw new AccessDeniedError(provider.displayName, params.errorDescription ?? (params.error === 'access_denied' ? undefined : params.error));
    if (!params.code) throw new InvalidStateError(`${provider.displayName} sent no authorization code. Start again with Connect.`);
    const config = resolveProviderConfig(provider);
    const exchange: Record<string, string> = { grant_type: 'authorization_code', code: params.code, redirect_uri: config.redirectUri };
    if (record.codeVerifier) exchange.code_verifier = record.codeVerifier;
    const tokens = await requestToken(provider, config, exchange, 'exchange the authorization code');
    return { mode: record.mode, account: await storeConnection(provider, config, sessionKey, tokens) };
  } catch (error) {
    throw new FlowError(error, record.mode);
  }
}

/**
 * Stores the tokens of a successful exchange as the session's connection. When that fails (the
 * account lookup, the store), the provider has issued a grant nobody holds: it is revoked.
 */
async function storeConnection(provider: ProviderDefinition, config: ProviderConfig, sessionKey: string, tokens: TokenResponse): Promise<AccountInfo> {
  try {
    const api = createProviderApi({
      provider,
      apiUrl: config.apiUrl,
      limiterKey: `${provider.id}:connect:${sessionKey}`,
      accessToken: () => tokens.access_token,
      deadline: Date.now() + 20_000,
    });
    const account = await provider.describeAccount(tokens, api, { clientId: config.clientId, clientSecret: config.clientSecret });
    const now = Date.now();
    const connection: Connection = {
      providerId: provider.id,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: tokens.expires_in ? now + tokens.expires_in * 1000 : null,
      scope: tokens.scope ?? null,
      account,
      status: 'active',
      connectedAt: now,
      refreshedAt: null,
    };
    await saveConnection(sessionKey, connection);
    return account;
  } catch (error) {
    await revokeOrQueue(provider, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      limiterKey: `${provider.id}:connect:${sessionKey}`,
    }).catch((revokeError: unknown) => log.warn(`[integrations-hub] revoking the unused ${provider.id} grant failed:`, revokeError));
    throw error;
  }
}

/** An error of a flow whose state was valid: remembers whether it ran in a popup or a full-page redirect. */
export class FlowError extends Error {
  constructor(
    readonly error: unknown,
    readonly mode: FlowMode,
  ) {
    super(error instanceof Error ? error.message : 'The connection failed.');
  }
}
