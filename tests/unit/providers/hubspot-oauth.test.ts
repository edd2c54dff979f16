import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { accountLabel, hubspot } from '@/lib/providers/hubspot';
import type { ApiRequestInit, ProviderApi, TokenResponse } from '@/lib/providers/types';

/** A ProviderApi that records each call and answers from a table of paths. */
function fakeApi(answers: Record<string, unknown>) {
  const calls: Array<{ path: string; init: ApiRequestInit }> = [];
  const api: ProviderApi = {
    async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
      calls.push({ path, init });
      const answer = answers[path];
      if (answer instanceof Error) throw answer;
      return schema.parse(answer);
    },
  };
  return { api, calls };
}

const client = { clientId: 'client-1', clientSecret: 'secret-1' };
const tokens: TokenResponse = { access_token: 'CO-access', refresh_token: 'na1-refresh', expires_in: 1800, raw: {} };
const details = { portalId: 24000123, uiDomain: 'app-eu1.hubspot.com' };

describe('HubSpot OAuth 2026-03 endpoints', () => {
  it('exchanges and refreshes at /oauth/2026-03/token, with the client in the form body', () => {
    expect(hubspot.token).toMatchObject({ endpoint: { apiPath: '/oauth/2026-03/token' }, clientAuth: 'body', bodyFormat: 'form' });
    expect(hubspot.token.invalidGrantErrors).toContain('BAD_REFRESH_TOKEN');
  });

  it('labels the account from introspection (hub_domain and user), the token only in the form body', async () => {
    const { api, calls } = fakeApi({
      '/account-info/v3/details': details,
      '/oauth/2026-03/token/introspect': { active: true, hub_domain: 'acme.example.com', user: 'ann@acme.example', hub_id: 24000123 },
    });
    const account = await hubspot.describeAccount(tokens, api, client);
    expect(account).toEqual({
      id: '24000123',
      label: 'acme.example.com (ann@acme.example)',
      details: { portalId: '24000123', uiDomain: 'app-eu1.hubspot.com', user: 'ann@acme.example' },
    });
    const introspect = calls.find((call) => call.path.endsWith('/introspect'));
    expect(introspect?.init).toEqual({
      method: 'POST',
      auth: false,
      form: { client_id: 'client-1', client_secret: 'secret-1', token: 'CO-access', token_type_hint: 'access_token' },
    });
    for (const call of calls) expect(`${call.path}${JSON.stringify(call.init.query ?? {})}`).not.toMatch(/CO-access|secret-1/);
  });

  it('falls back to the portal when introspection fails or calls the token inactive', async () => {
    for (const answer of [new Error('HubSpot answered with an error'), { active: false }]) {
      const { api } = fakeApi({ '/account-info/v3/details': details, '/oauth/2026-03/token/introspect': answer });
      const account = await hubspot.describeAccount(tokens, api, client);
      expect(account).toEqual({ id: '24000123', label: 'Portal 24000123', details: { portalId: '24000123', uiDomain: 'app-eu1.hubspot.com' } });
    }
  });

  it('accountLabel uses what it has', () => {
    expect(accountLabel('7', { hub_domain: 'a.example', user: 'u@a.example' })).toBe('a.example (u@a.example)');
    expect(accountLabel('7', { hub_domain: 'a.example', user: null })).toBe('a.example (portal 7)');
    expect(accountLabel('7', { hub_domain: ' ', user: 'u@a.example' })).toBe('u@a.example (portal 7)');
    expect(accountLabel('7', null)).toBe('Portal 7');
  });

  it('disconnects by revoking the refresh token at /oauth/2026-03/token/revoke', async () => {
    const { api, calls } = fakeApi({ '/oauth/2026-03/token/revoke': {} });
    await hubspot.revoke({ api, accessToken: 'CO-access', refreshToken: 'na1-refresh', clientAuthorization: 'Basic x', client });
    expect(calls).toEqual([
      {
        path: '/oauth/2026-03/token/revoke',
        init: { method: 'POST', auth: false, form: { client_id: 'client-1', client_secret: 'secret-1', token: 'na1-refresh', token_type_hint: 'refresh_token' } },
      },
    ]);
    const none = fakeApi({});
    await hubspot.revoke({ api: none.api, accessToken: 'a', refreshToken: null, clientAuthorization: 'Basic x', client });
    expect(none.calls).toEqual([]);
  });
});

describe('no OAuth v1 in the app', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const SKIP = new Set(['node_modules', '.next', '.git', '.test-artifacts', 'tests', 'public', 'sandbox']);
  const CODE = /\.(ts|tsx|mts|mjs|js|cjs|json)$/;

  function* codeFiles(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        // lib/sandbox emulates v1 for SDK users; everything else is the app.
        if (!SKIP.has(name) || (name === 'sandbox' && relative(ROOT, dir) !== 'lib')) yield* codeFiles(path);
      } else if (CODE.test(name) && name !== 'package-lock.json') {
        yield path;
      }
    }
  }

  it('calls HubSpot only through the date-versioned OAuth API (v1 is switched off on 2027-02-16)', () => {
    const files = [...codeFiles(ROOT)].map((path) => relative(ROOT, path));
    expect(files).toContain('lib/providers/hubspot.ts');
    expect(files.some((file) => file.startsWith('lib/sandbox/'))).toBe(false);
    const offenders = files.filter((file) => /\/oauth\/v1/i.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
