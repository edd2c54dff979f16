import 'server-only';
import type { EmulatorState } from '../common/state';
import { checkAccessToken, checkRefreshToken, secondsUntil, type IssuedTokens } from '../common/oauth/tokens';
import type { AccessTokenRecord, GrantRecord, RefreshTokenRecord, SandboxAccount } from '../common/oauth/records';
import { HUBSPOT_APP_ID, portalNumber } from './accounts';

/**
 * The answer shapes of HubSpot's published OAuth OpenAPI file (2026-03): AccessTokenResponse,
 * PublicAccessTokenInfoResponse and PublicRefreshTokenInfoResponse. v1 serves the same shapes.
 */

/** AccessTokenResponse: the token endpoint's answer for the code and refresh grants. */
export function accessTokenResponse(tokens: IssuedTokens): Record<string, unknown> {
  return {
    token_type: 'bearer',
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    expires_in: tokens.expiresIn,
    token_use: 'access_token',
    hub_id: portalNumber(tokens.account),
    user_id: Number(tokens.account.details.userId),
    scopes: tokens.grant.scopes,
  };
}

export interface LiveAccessToken {
  record: AccessTokenRecord;
  grant: GrantRecord;
  account: SandboxAccount;
}

export interface LiveRefreshToken {
  record: RefreshTokenRecord;
  grant: GrantRecord;
  account: SandboxAccount;
}

export async function findLiveAccessToken(state: EmulatorState, token: string): Promise<LiveAccessToken | null> {
  const check = await checkAccessToken(state, token);
  return check.ok ? { record: check.record, grant: check.grant, account: check.account } : null;
}

export async function findLiveRefreshToken(state: EmulatorState, token: string): Promise<LiveRefreshToken | null> {
  const live = await checkRefreshToken(state, token);
  return live ? { ...live, account: live.grant.account } : null;
}

function identity(account: SandboxAccount, grant: GrantRecord): Record<string, unknown> {
  return {
    active: true,
    app_id: HUBSPOT_APP_ID,
    client_id: grant.clientId,
    hub_domain: account.details.hubDomain,
    hub_id: portalNumber(account),
    scopes: grant.scopes,
    user: account.details.userEmail,
    user_id: Number(account.details.userId),
  };
}

/** PublicAccessTokenInfoResponse. */
export function accessTokenInfo({ record, grant, account }: LiveAccessToken, now = Date.now()): Record<string, unknown> {
  const hubId = portalNumber(account);
  const userId = Number(account.details.userId);
  return {
    ...identity(account, grant),
    token: record.token,
    token_type: 'access',
    token_use: 'access_token',
    expires_in: secondsUntil(record.expiresAt, now),
    is_private_distribution: false,
    signed_access_token: {
      expiresAt: record.expiresAt,
      scopes: grant.scopes.join(' '),
      hubId,
      userId,
      appId: HUBSPOT_APP_ID,
      appInstallId: `${HUBSPOT_APP_ID}-${hubId}`,
      installingUserId: userId,
      audience: 'api.hubapi.com',
      hublet: 'na1',
      trialScopes: '',
      scopeToScopeGroupPks: '',
      trialScopeToScopeGroupPks: '',
      signature: '',
      newSignature: '',
      isUserLevel: false,
      isServiceAccount: false,
      isPrivateDistribution: false,
    },
  };
}

/** PublicRefreshTokenInfoResponse. */
export function refreshTokenInfo({ record, grant, account }: LiveRefreshToken): Record<string, unknown> {
  return { ...identity(account, grant), token: record.token, token_type: 'refresh', token_use: 'refresh_token' };
}
