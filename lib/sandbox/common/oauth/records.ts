import 'server-only';

/** What the emulated authorization server remembers. */

export interface SandboxAccount {
  /** The provider's account id: HubSpot portal id, Airtable user id, Notion workspace id. */
  id: string;
  sequence: number;
  createdAt: number;
  /** Provider-specific identity (bot id, user name, email, ...). */
  details: Record<string, string>;
}

export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  scopes: string[];
  accountId: string;
  expiresAt: number;
}

/** One consent: every token minted from it (and its refreshes) belongs to it. */
export interface GrantRecord {
  id: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  revoked: boolean;
  createdAt: number;
}

export interface AccessTokenRecord {
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number | null;
  used: boolean;
  revoked: boolean;
}

export interface OAuthState {
  accounts: Map<string, SandboxAccount>;
  accountSequence: number;
  codes: Map<string, AuthorizationCodeRecord>;
  grants: Map<string, GrantRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
}

export function emptyOAuthState(): OAuthState {
  return {
    accounts: new Map(),
    accountSequence: 0,
    codes: new Map(),
    grants: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
  };
}
