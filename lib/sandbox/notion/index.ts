import 'server-only';
import type { EmulatorDefinition } from '../common/emulator';
import { opaqueToken } from '../common/oauth/tokens';
import { createNotionWorkspace } from './accounts';
import { notionErrors } from './errors';
import { retrieveBotUser, retrieveDatabase, retrieveDataSource, retrievePage } from './objects';
import { notionIntrospect, notionRevoke, notionToken } from './oauth-endpoints';
import { viewNotionRecord } from './record-view';
import { notionSearch } from './search';
import { checkNotionVersion } from './version';

/** Notion: OAuth with JSON bodies and rotating refresh tokens; search and retrieval in the caller's Notion-Version; ~3 requests/s per connection with bursts. */
export const notionEmulator: EmulatorDefinition = {
  id: 'notion',
  displayName: 'Notion',
  authorize: {
    path: 'v1/oauth/authorize',
    scopes: 'none',
    responseTypeCode: true,
    stateRequired: false,
    pkce: 'optional',
    fixedParams: { owner: 'user' },
  },
  oauth: {
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: null,
    rotateRefreshTokens: true,
    reuseRevokesChain: false,
    newAccessToken: opaqueToken('ntn_'),
    newRefreshToken: opaqueToken('nrt_'),
  },
  api: {
    // A budget per connection per 60-second window, spendable in one burst (Notion's request-limits page);
    // 180 is its documented average of 3 requests per second. Retry-After says when the window has room (≤ 60 s).
    rateLimit: { requests: 180, intervalMs: 60_000 },
    sendsRetryAfter: true,
    precheck: checkNotionVersion,
  },
  errors: notionErrors,
  routes: [
    { method: 'POST', pattern: 'v1/oauth/token', kind: 'public', handle: notionToken },
    { method: 'POST', pattern: 'v1/oauth/revoke', kind: 'public', handle: notionRevoke },
    { method: 'POST', pattern: 'v1/oauth/introspect', kind: 'public', handle: notionIntrospect },
    { method: 'POST', pattern: 'v1/search', kind: 'api', handle: notionSearch },
    { method: 'GET', pattern: 'v1/pages/:pageId', kind: 'api', handle: retrievePage },
    { method: 'GET', pattern: 'v1/databases/:databaseId', kind: 'api', handle: retrieveDatabase },
    { method: 'GET', pattern: 'v1/data_sources/:dataSourceId', kind: 'api', handle: retrieveDataSource },
    { method: 'GET', pattern: 'v1/users/me', kind: 'api', handle: retrieveBotUser },
  ],
  createAccount: createNotionWorkspace,
  viewRecord: viewNotionRecord,
};
