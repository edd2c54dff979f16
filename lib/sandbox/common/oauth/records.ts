import 'server-only';

/** What the emulated authorization server remembers (in the store, keyed by a hash of each secret). */

export interface SandboxAccount {
  /** The provider's account id: HubSpot portal id, Airtable user id, Notion workspace id. */
  id: string;
  sequence: number;
  createdAt: number;
  /** Provider-specific identity (bot id, user name, email, ...). */
  details: Record<string, string>;
}

export interface AuthorizationCodeRecord {
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  scopes: string[];
  /** The account the consent created; it lives on in the grant. */
  account: SandboxAccount;
  expiresAt: number;
}

/** One consent: every token minted from it (and its refreshes) belongs to it. */
export interface GrantRecord {
  id: string;
  clientId: string;
  accountId: string;
  account: SandboxAccount;
  scopes: string[];
  createdAt: number;
  /** The `revokeAllGrants` epoch it was created in. */
  epoch: number;
}

export interface AccessTokenRecord {
  /** The token itself: known to whoever presented it, never stored. */
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number;
  /** The `expireAccessTokens` epoch it was issued in. */
  epoch: number;
}

export interface RefreshTokenRecord {
  /** The token itself: known to whoever presented it, never stored. */
  token: string;
  grantId: string;
  issuedAt: number;
  expiresAt: number | null;
}
