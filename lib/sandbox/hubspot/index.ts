import 'server-only';
import type { EmulatorDefinition } from '../common/emulator';
import { opaqueToken } from '../common/oauth/tokens';
import { uuid } from '../common/random';
import { hubspotAccountDetails } from './account-info';
import { createHubspotPortal } from './accounts';
import { listCrmObjects, readCrmObject } from './crm-objects';
import { hubspotErrors } from './errors';
import { hubspotAccessTokenInfo, hubspotRefreshTokenInfo, hubspotRevokeRefreshToken, hubspotToken } from './oauth-endpoints';
import { viewHubspotRecord } from './record-view';

/** HubSpot: OAuth v1 with long-lived, non-rotating refresh tokens; CRM v3 objects; 110 requests / 10 s per portal. */
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
    { method: 'POST', pattern: 'oauth/v1/token', kind: 'public', handle: hubspotToken },
    { method: 'GET', pattern: 'oauth/v1/access-tokens/:token', kind: 'public', handle: hubspotAccessTokenInfo },
    { method: 'GET', pattern: 'oauth/v1/refresh-tokens/:token', kind: 'public', handle: hubspotRefreshTokenInfo },
    { method: 'DELETE', pattern: 'oauth/v1/refresh-tokens/:token', kind: 'public', handle: hubspotRevokeRefreshToken },
    { method: 'GET', pattern: 'account-info/v3/details', kind: 'api', handle: hubspotAccountDetails },
    { method: 'GET', pattern: 'crm/v3/objects/:objectType', kind: 'api', handle: listCrmObjects },
    { method: 'GET', pattern: 'crm/v3/objects/:objectType/:objectId', kind: 'api', handle: readCrmObject },
  ],
  createAccount: createHubspotPortal,
  viewRecord: viewHubspotRecord,
};
