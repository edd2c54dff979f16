import 'server-only';
import type { EmulatorDefinition } from '../common/emulator';
import { opaqueToken } from '../common/oauth/tokens';
import { uuid } from '../common/random';
import { hubspotAccountDetails } from './account-info';
import { createHubspotPortal } from './accounts';
import { changeCrm } from './crm-control';
import { listCrmObjects, readCrmObject } from './crm-objects';
import { searchCrmObjects } from './crm-search';
import { hubspotErrors, hubspotSearchRateLimited } from './errors';
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
    // CRM Search has its own budget (5 requests/s per account) and answers without rate-limit headers.
    secondaryBudget: (ctx) =>
      ctx.request.method === 'POST' && ctx.url.pathname.endsWith('/search')
        ? { bucket: 'search', policy: ctx.state.faults.searchRateLimit ?? { requests: 5, intervalMs: 1000 }, rateLimited: hubspotSearchRateLimited }
        : null,
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
    { method: 'POST', pattern: 'crm/v3/objects/:objectType/search', kind: 'api', handle: searchCrmObjects },
    { method: 'POST', pattern: 'crm/objects/2026-03/:objectType/search', kind: 'api', handle: searchCrmObjects },
    { method: 'GET', pattern: 'crm/v3/objects/:objectType/:objectId', kind: 'api', handle: readCrmObject },
  ],
  controls: { 'POST _crm': changeCrm },
  createAccount: createHubspotPortal,
  viewRecord: viewHubspotRecord,
};
