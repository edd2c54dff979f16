import 'server-only';
import type { EmulatorDefinition } from '../common/emulator';
import { randomToken } from '@/lib/server/crypto';
import { randomAlphanumeric } from '../common/random';
import { airtableErrors } from './errors';
import { listBases, listTables, whoami } from './meta-endpoints';
import { airtableToken } from './oauth-endpoints';
import { viewAirtableRecord } from './record-view';

/** Airtable: OAuth with mandatory PKCE and single-use rotating refresh tokens; metadata API; 5 requests/s per base. */
export const airtableEmulator: EmulatorDefinition = {
  id: 'airtable',
  displayName: 'Airtable',
  authorize: {
    path: 'oauth2/v1/authorize',
    scopes: 'required',
    responseTypeCode: true,
    stateRequired: true,
    pkce: 'required',
  },
  oauth: {
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 60 * 24 * 3600,
    rotateRefreshTokens: true,
    reuseRevokesChain: true,
    refreshRetiresAccessTokens: true,
    newAccessToken: () => `oaa${randomAlphanumeric(14)}.v1.${randomToken(32)}`,
    newRefreshToken: () => `oaa${randomAlphanumeric(14)}.v1.refresh.${randomToken(32)}`,
  },
  api: {
    rateLimit: { requests: 5, intervalMs: 1000 },
    rateLimitBucket: (ctx) => (ctx.params.baseId ? `base:${ctx.params.baseId}` : 'meta'),
    sendsRetryAfter: false,
    penaltyMs: 30_000,
  },
  errors: airtableErrors,
  routes: [
    { method: 'POST', pattern: 'oauth2/v1/token', kind: 'public', handle: airtableToken },
    { method: 'GET', pattern: 'v0/meta/bases', kind: 'api', handle: listBases },
    { method: 'GET', pattern: 'v0/meta/bases/:baseId/tables', kind: 'api', handle: listTables },
    { method: 'GET', pattern: 'v0/meta/whoami', kind: 'api', handle: whoami },
  ],
  createAccount: () => {
    const id = `usr${randomAlphanumeric(14)}`;
    return { id, details: { email: `sandbox.${id.slice(3).toLowerCase()}@example.com` } };
  },
  viewRecord: viewAirtableRecord,
};
