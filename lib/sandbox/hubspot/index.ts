import 'server-only';
import type { EmulatorDefinition } from '../common/emulator';
import { opaqueToken } from '../common/oauth/tokens';
import { uuid } from '../common/random';
import { hubspotAccountDetails } from './account-info';
import { createHubspotPortal } from './accounts';
import { listCrmObjects, readCrmObject } from './crm-objects';
import { hubspotErrors } from './errors';
import { hubspotIntrospect, hubspotRevoke, hubspotToken } from './oauth-endpoints';
import { hubspotV1AccessTokenInfo, hubspotV1RefreshTokenInfo, hubspotV1RevokeRefreshToken, hubspotV1Token } from './oauth-v1-endpoints';
import { viewHubspotRecord } from './record-view';

/** HubSpot: OAuth 2026-03 (and v1 until its sunset) with long-lived, non-rotating refresh tokens; CRM v3 objects; 110 requests / 10 s per portal. */
export const hubspotEmulator: EmulatorDefinition = {
  id: 'hubspot',
  displayName: 'HubSpot',
  authorize: {
    path: 'oauth/authorize',
    scopes: 'required',
    mandatoryScopes: ['oauth'],
    responseTypeCode: false,
    stateRequired: false,
    pkce: 'optional',
  },
  oauth: {
    accessTokenTtlSeconds: 1800,
    refreshTokenTtlSeconds: null,
    rotateRefreshTokens: false,
    reuseRevokesChain: false,
    newAccessToken: opaqueToken('CO'),
    newRefreshToken: () => `na1-${uuid()}`,
  },
  api: {
    rateLimit: { requests: 110, intervalMs: 10_000 },
    sendsRetryAfter: true,
    rateLimitHeaders: (decision) => ({
      'X-HubSpot-RateLimit-Max': String(decision.limit),
      'X-HubSpot-RateLimit-Remaining': String(decision.remaining),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(decision.intervalMs),
    }),
  },
  errors: hubspotErrors,
  routes: [
    { method: 'POST', pattern: 'oauth/2026-03/token', kind: 'public', handle: hubspotToken },
    { method: 'POST', pattern: 'oauth/2026-03/token/introspect', kind: 'public', handle: hubspotIntrospect },
    { method: 'POST', pattern: 'oauth/2026-03/token/revoke', kind: 'public', handle: hubspotRevoke },
    { method: 'POST', pattern: 'oauth/v1/token', kind: 'public', handle: hubspotV1Token },
    { method: 'GET', pattern: 'oauth/v1/access-tokens/:token', kind: 'public', handle: hubspotV1AccessTokenInfo },
    { method: 'GET', pattern: 'oauth/v1/refresh-tokens/:token', kind: 'public', handle: hubspotV1RefreshTokenInfo },
    { method: 'DELETE', pattern: 'oauth/v1/refresh-tokens/:token', kind: 'public', handle: hubspotV1RevokeRefreshToken },
    { method: 'GET', pattern: 'account-info/v3/details', kind: 'api', handle: hubspotAccountDetails },
    { method: 'GET', pattern: 'crm/v3/objects/:objectType', kind: 'api', handle: listCrmObjects },
    { method: 'GET', pattern: 'crm/v3/objects/:objectType/:objectId', kind: 'api', handle: readCrmObject },
  ],
  createAccount: createHubspotPortal,
  viewRecord: viewHubspotRecord,
};
