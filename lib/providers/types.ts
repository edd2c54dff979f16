import type { z } from 'zod';
import type { IntegrationItem } from '@/lib/contract';

/** Where an endpoint lives: its real URL, and its path under `/sandbox/{id}` in sandbox mode. */
export interface EndpointSetting {
  live: string;
  sandboxPath: string;
}

/** The token endpoint is either its own URL or a path on the API origin. */
export type TokenEndpointSetting = EndpointSetting | { apiPath: string };

export interface TokenResponse {
  access_token: string;
  refresh_token?: string | null;
  expires_in?: number | null;
  token_type?: string | null;
  scope?: string | null;
  /** The whole response body, for provider hooks that read extra fields (hub_id, workspace_name, ...). */
  raw: Record<string, unknown>;
}

/** Who or what was connected; stored with the tokens and shown in the UI. */
export interface AccountInfo {
  id: string;
  label: string;
  details: Record<string, string>;
}

export interface ApiRequestInit {
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Send the connection's bearer token (default true). */
  auth?: boolean;
  /** Absolute URL instead of a path on the API origin. */
  absolute?: boolean;
  /** An extra rate-limit bucket inside the connection (e.g. one Airtable base), limited by `rateLimit.perBucket`. */
  bucket?: string;
  /** A separate budget of the account (`rateLimit.budgets[name]`) this request counts against instead of the main one. */
  budget?: string;
  /** Called each time the request leaves, after its rate-limit wait: for callers that measure the provider's own latency. */
  onSent?: () => void;
}

/** A rate-limited, retrying HTTP client bound to one connection. Paths are relative to the API origin. */
export interface ProviderApi {
  request<T>(schema: z.ZodType<T>, path: string, init?: ApiRequestInit): Promise<T>;
}

export interface ListContext {
  api: ProviderApi;
  account: AccountInfo;
  /** Turns a provider deep link into the URL the UI may show (sandbox rewrite, https only), or null. */
  link(url: string | null | undefined): string | null;
  signal: AbortSignal;
  /** When set, list only items created or modified at or after this instant (a provider without cheap change tracking lists everything). */
  modifiedSince?: Date;
  /**
   * Counts records the provider had to leave out of the list because it could not read them
   * (e.g. an answer entry that does not have the expected shape). The load's outcome says how
   * many; call it as they are found, with the number of records left out (0 is ignored).
   */
  reportSkipped(count: number): void;
}

/** The app's own OAuth client, for provider endpoints that authenticate it in the form body. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface RevokeContext {
  api: ProviderApi;
  accessToken: string;
  refreshToken: string | null;
  /** `Basic base64(client_id:client_secret)`, for revoke endpoints that authenticate the client. */
  clientAuthorization: string;
  client: OAuthClient;
}

export interface ProviderDefinition {
  /** Lowercase id: the same in URLs, the registry, env variable prefixes and store keys. */
  id: string;
  displayName: string;
  description: string;
  itemTypes: readonly string[];
  authorization: {
    endpoint: EndpointSetting;
    scopes: readonly string[];
    pkce: boolean;
    extraParams?: Readonly<Record<string, string>>;
  };
  api: { endpoint: EndpointSetting; headers?: Readonly<Record<string, string>> };
  token: {
    endpoint: TokenEndpointSetting;
    /** `basic`: client id and secret in an Authorization header; `body`: as form/JSON fields. */
    clientAuth: 'basic' | 'body';
    bodyFormat: 'form' | 'json';
    /** Error codes besides `invalid_grant` that mean the refresh token is dead (the user must reconnect). */
    invalidGrantErrors?: readonly string[];
    /**
     * The refresh token stays valid after use (it does not rotate), so a refresh that met a timeout or
     * a 5xx may be sent again. Leave unset for rotating (single-use) refresh tokens.
     */
    reusableRefreshToken?: boolean;
  };
  /** The provider's budget for one connection, and how long to wait on a 429 without Retry-After. */
  rateLimit: {
    requests: number;
    intervalMs: number;
    retryAfterDefaultMs: number;
    perBucket?: { requests: number; intervalMs: number };
    /** Endpoints with a budget of their own (HubSpot's CRM Search), named by `ApiRequestInit.budget`. */
    budgets?: Readonly<Record<string, { requests: number; intervalMs: number; retryAfterDefaultMs: number }>>;
  };
  describeAccount(tokens: TokenResponse, api: ProviderApi, client: OAuthClient): Promise<AccountInfo>;
  /** Yields items page by page, so callers can stream them. */
  listItems(ctx: ListContext): AsyncIterable<IntegrationItem[]>;
  revoke?(ctx: RevokeContext): Promise<void>;
}
