import { describe, expect, it } from 'vitest';
import { basicAuth, call } from './helpers';
import { airtableConnect } from './airtable-helpers';
import { hubspotConnect } from './hubspot-helpers';
import { notionConnect } from './notion-helpers';

const GARBAGE_BODIES = ['', '{', 'null', '[]', '"x"', '{"grant_type":{"a":1}}', '%%%&&&===', '\u0000\u0001', 'a'.repeat(20_000)];
const GARBAGE_QUERIES = ['limit=-1', 'limit=%FF', 'after=%00', 'offset=itr9999/appAAAAAAAAAAAAAA', 'properties=', 'archived=', 'x=' + 'y'.repeat(5000)];

const PATHS: Record<string, string[]> = {
  hubspot: ['oauth/authorize', 'oauth/2026-03/token', 'oauth/2026-03/token/introspect', 'oauth/2026-03/token/revoke', 'oauth/v1/token', 'oauth/v1/access-tokens/x', 'oauth/v1/refresh-tokens/x', 'crm/v3/objects/contacts', 'crm/v3/objects/0-2/abc', 'crm/v3/objects/%2e%2e', 'account-info/v3/details', 'ui/contacts/x/record/0-1/1', '_faults', '_stats', '_stats/reset', ''],
  airtable: ['oauth2/v1/authorize', 'oauth2/v1/token', 'v0/meta/bases', 'v0/meta/bases/x/tables', 'v0/meta/whoami', 'ui/x/y/z/w', '_faults'],
  notion: ['v1/oauth/authorize', 'v1/oauth/token', 'v1/oauth/revoke', 'v1/oauth/introspect', 'v1/search', 'v1/pages/x', 'v1/databases/%00', 'v1/users/me', 'ui/%F0', '_faults'],
};

/** The helpers answer camelCase (HubSpot, Airtable) or the raw token JSON (Notion). */
function accessTokenOf(tokens: Record<string, unknown> | undefined): string {
  const value = tokens?.accessToken ?? tokens?.access_token;
  return typeof value === 'string' ? value : '';
}

describe('garbage input never produces a 500', () => {
  for (const [provider, paths] of Object.entries(PATHS)) {
    it(`${provider}: every endpoint answers garbage with a 4xx (or 2xx/3xx)`, async () => {
      const connect = { hubspot: hubspotConnect, airtable: airtableConnect, notion: notionConnect }[provider];
      const token = accessTokenOf(await connect?.());
      const authHeaders: Array<Record<string, string>> = [
        {},
        { Authorization: `Bearer ${token}`, 'Notion-Version': '2022-06-28' },
        { Authorization: basicAuth(provider), 'Content-Type': 'application/json' },
        { Authorization: 'Bearer', 'Notion-Version': 'garbage' },
        { Authorization: 'Basic %%%' },
        { 'Content-Type': 'application/x-www-form-urlencoded; charset=%%' },
      ];
      for (const path of paths) {
        for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
          for (const headers of authHeaders) {
            for (const [i, body] of GARBAGE_BODIES.entries()) {
              const query = GARBAGE_QUERIES[i % GARBAGE_QUERIES.length];
              const response = await call(provider, `${path}?${query}`, {
                method,
                headers,
                body: method === 'GET' ? undefined : body,
              });
              if (response.status >= 500) throw new Error(`${method} ${provider}/${path}?${query} → ${response.status}`);
            }
          }
        }
        await call(provider, '_faults', { method: 'DELETE' });
      }
      expect(true).toBe(true);
    }, 60_000);
  }
});
