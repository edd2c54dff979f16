import 'server-only';
import type { GrantRecord, SandboxAccount } from './oauth/records';
import type { RateLimitDecision, RateLimitPolicy } from '@/lib/server/sliding-window-limiter';
import type { EmulatorState } from './state';

/** The shape every provider emulator fills in; the common machinery does the rest. */

export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PATCH';

export interface AuthorizeSpec {
  /** Path of the consent page under `/sandbox/{id}/`, e.g. `oauth/authorize`. */
  path: string;
  scopes: 'required' | 'none';
  /** Scopes every request must include (HubSpot: `oauth`). */
  mandatoryScopes?: readonly string[];
  responseTypeCode: boolean;
  stateRequired: boolean;
  pkce: 'required' | 'optional';
  /** Parameters that must carry exactly this value (Notion: owner=user). */
  fixedParams?: Readonly<Record<string, string>>;
}

export interface OAuthOptions {
  accessTokenTtlSeconds: number;
  /** null: refresh tokens never expire. */
  refreshTokenTtlSeconds: number | null;
  /** Each refresh returns a new refresh token and uses up the old one. */
  rotateRefreshTokens: boolean;
  /** Presenting a used refresh token revokes every token of its grant. */
  reuseRevokesChain: boolean;
  /** A refresh ends every access token issued before it, at once (Airtable). */
  refreshRetiresAccessTokens?: boolean;
  newAccessToken(): string;
  newRefreshToken(): string;
}

export interface EmulatorContext {
  definition: EmulatorDefinition;
  state: EmulatorState;
  request: Request;
  url: URL;
  /** Absolute URL of this emulator's root, e.g. `http://127.0.0.1:3000/sandbox/hubspot`. */
  baseUrl: string;
  params: Record<string, string>;
}

export interface ApiCallContext extends EmulatorContext {
  account: SandboxAccount;
  grant: GrantRecord;
}

export type EmulatorRoute =
  | {
      method: HttpMethod;
      pattern: string;
      /** OAuth/token endpoints: no bearer auth, no faults. */
      kind: 'public';
      handle(ctx: EmulatorContext): Response | Promise<Response>;
    }
  | {
      method: HttpMethod;
      pattern: string;
      /** Data API: bearer auth, faults, rate limit, stats. */
      kind: 'api';
      handle(ctx: ApiCallContext): Response | Promise<Response>;
    };

export type UnauthorizedReason = 'missing' | 'invalid' | 'expired';

export interface EmulatorErrors {
  notFound(ctx: EmulatorContext): Response;
  unauthorized(reason: UnauthorizedReason): Response;
  /** The 429 body; the guard adds Retry-After and rate headers. */
  rateLimited(): Response;
  serverError(status: number): Response;
}

/** A separate budget some endpoints count against instead of the account's main one (HubSpot's CRM Search). */
export interface SecondaryBudget {
  bucket: string;
  policy: RateLimitPolicy;
  /** The 429 answer of this budget (sent without rate-limit headers or Retry-After). */
  rateLimited(): Response;
}

export interface ApiPolicy {
  rateLimit: RateLimitPolicy;
  /** The separate budget this call counts against, or null for the main one. */
  secondaryBudget?(ctx: EmulatorContext): SecondaryBudget | null;
  /** Narrows the rate-limit key below the account (Airtable: per base). */
  rateLimitBucket?(ctx: EmulatorContext): string;
  /** Headers sent on every API answer (HubSpot's X-HubSpot-RateLimit-*). */
  rateLimitHeaders?(decision: RateLimitDecision): Record<string, string>;
  /** Whether a 429 carries Retry-After (Airtable sends none). */
  sendsRetryAfter: boolean;
  /** After a 429, every request of that rate-limit key is refused for this long, however slowly it comes (Airtable: 30 s). */
  penaltyMs?: number;
  /** A check before authentication (Notion: the Notion-Version header). */
  precheck?(ctx: EmulatorContext): Response | null;
}

export interface RecordView {
  kind: string;
  title: string;
  fields: Array<[string, string | null]>;
}

export interface EmulatorDefinition {
  id: string;
  displayName: string;
  authorize: AuthorizeSpec;
  oauth: OAuthOptions;
  api: ApiPolicy;
  errors: EmulatorErrors;
  routes: readonly EmulatorRoute[];
  /** Identity of a new account, created on each successful consent. */
  createAccount(sequence: number): { id: string; details: Record<string, string> };
  /** Provider-specific test switches, by `METHOD _path` (only reachable where the common switches are). */
  controls?: Readonly<Record<string, (ctx: EmulatorContext) => Promise<Response>>>;
  /** The record behind a UI deep link (path after `/sandbox/{id}/ui/`), or null. */
  viewRecord(path: string[], state: EmulatorState): RecordView | null;
}
