import { afterEach, describe, expect, it, vi } from 'vitest';
import { basicAuth, call, clientOf, jsonOf, pkcePair, redirectUriOf } from './helpers';
import { AIRTABLE_SCOPES, airtableCode, airtableConnect, airtableGet, airtableTokenRequest } from './airtable-helpers';

interface BasesPage {
  bases: Array<{ id: string; name: string; permissionLevel: string }>;
  offset?: string;
}

describe('Airtable emulator: OAuth', () => {
  it('requires PKCE, response_type and state at authorize time', async () => {
    const base = {
      client_id: clientOf('airtable').clientId,
      redirect_uri: redirectUriOf('airtable'),
      response_type: 'code',
      scope: AIRTABLE_SCOPES,
      state: 's',
    };
    const noPkce = await call('airtable', `oauth2/v1/authorize?${new URLSearchParams(base)}`);
    expect(noPkce.status).toBe(302);
    expect(new URL(noPkce.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const { challenge } = pkcePair();
    const plain = await call(
      'airtable',
      `oauth2/v1/authorize?${new URLSearchParams({ ...base, code_challenge: challenge, code_challenge_method: 'plain' })}`,
    );
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const ok = await call(
      'airtable',
      `oauth2/v1/authorize?${new URLSearchParams({ ...base, code_challenge: challenge, code_challenge_method: 'S256' })}`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('schema.bases:read');
  });

  it('issues the documented token response once per code', async () => {
    const { code, verifier } = await airtableCode();
    const fields = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUriOf('airtable') };
    const response = await airtableTokenRequest(fields);
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({
      token_type: 'Bearer',
      scope: AIRTABLE_SCOPES,
      expires_in: 3600,
      refresh_expires_in: 5184000,
    });
    const replay = await airtableTokenRequest(fields);
    expect(replay.status).toBe(400);
    expect(await jsonOf(replay)).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a wrong or missing code_verifier', async () => {
    const { code } = await airtableCode();
    const wrong = await airtableTokenRequest({
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: redirectUriOf('airtable'),
    });
    expect(wrong.status).toBe(400);
    expect(await jsonOf(wrong)).toMatchObject({ error: 'invalid_grant' });
    const { code: code2 } = await airtableCode();
    const missing = await airtableTokenRequest({ grant_type: 'authorization_code', code: code2, redirect_uri: redirectUriOf('airtable') });
    expect(await jsonOf(missing)).toMatchObject({ error: 'invalid_grant' });
  });

  it('requires HTTP Basic client authentication', async () => {
    const { code, verifier } = await airtableCode();
    const fields = { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUriOf('airtable') };
    const none = await airtableTokenRequest(fields, '');
    expect(none.status).toBe(401);
    expect(await jsonOf(none)).toMatchObject({ error: 'invalid_client' });
    const wrong = await airtableTokenRequest(fields, basicAuth('airtable', 'wrong-secret'));
    expect(wrong.status).toBe(401);
    const garbage = await airtableTokenRequest(fields, 'Basic !!!');
    expect(garbage.status).toBe(401);
  });

  it('rotates refresh tokens and revokes the whole chain when a used one comes back', async () => {
    const first = await airtableConnect();
    const r1 = await jsonOf(await airtableTokenRequest({ grant_type: 'refresh_token', refresh_token: first.refreshToken }));
    expect(r1.refresh_token).not.toBe(first.refreshToken);
    const r2 = await jsonOf(await airtableTokenRequest({ grant_type: 'refresh_token', refresh_token: String(r1.refresh_token) }));
    expect((await airtableGet('v0/meta/whoami', String(r2.access_token))).status).toBe(200);
    const reuse = await airtableTokenRequest({ grant_type: 'refresh_token', refresh_token: first.refreshToken });
    expect(reuse.status).toBe(400);
    expect(await jsonOf(reuse)).toMatchObject({ error: 'invalid_grant' });
    expect((await airtableGet('v0/meta/whoami', String(r2.access_token))).status).toBe(401);
    const latest = await airtableTokenRequest({ grant_type: 'refresh_token', refresh_token: String(r2.refresh_token) });
    expect(latest.status).toBe(400);
  });
});

describe('Airtable emulator: metadata API', () => {
  afterEach(async () => {
    await call('airtable', '_faults', { method: 'DELETE' });
  });

  it('lists ~25 bases in one page, and pages with a forced small page size', async () => {
    const { accessToken } = await airtableConnect();
    const all = (await (await airtableGet('v0/meta/bases', accessToken)).json()) as BasesPage;
    expect(all.bases).toHaveLength(25);
    expect(all.offset).toBeUndefined();
    expect(all.bases.every((base) => /^app[A-Za-z0-9]{14}$/.test(base.id))).toBe(true);
    expect(all.bases.some((base) => base.name.includes('<'))).toBe(true);
    // A roomy limit instead of waits between pages: this test is about paging.
    await call('airtable', '_faults', { json: { pageSize: 7, rateLimit: { requests: 100, intervalMs: 1000 } } });
    const seen: string[] = [];
    let offset: string | undefined;
    let pages = 0;
    do {
      const page = (await (await airtableGet(`v0/meta/bases${offset ? `?offset=${encodeURIComponent(offset)}` : ''}`, accessToken)).json()) as BasesPage;
      seen.push(...page.bases.map((base) => base.id));
      offset = page.offset;
      pages += 1;
    } while (offset);
    expect(pages).toBe(4);
    expect(seen).toEqual(all.bases.map((base) => base.id));
    const bad = await airtableGet('v0/meta/bases?offset=garbage', accessToken);
    expect(bad.status).toBe(422);
  });

  it('describes tables, fields and views of a base; unknown bases are not found', async () => {
    const { accessToken } = await airtableConnect();
    const { bases } = (await (await airtableGet('v0/meta/bases', accessToken)).json()) as BasesPage;
    const tables = (await jsonOf(await airtableGet(`v0/meta/bases/${bases[0].id}/tables`, accessToken))).tables as Array<{
      id: string;
      primaryFieldId: string;
      fields: Array<{ id: string }>;
      views: Array<{ type: string }>;
    }>;
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.length).toBeLessThanOrEqual(15);
    expect(tables[0].id).toMatch(/^tbl/);
    expect(tables[0].fields[0].id).toBe(tables[0].primaryFieldId);
    expect(tables[0].views[0].type).toBe('grid');
    const unknown = await airtableGet('v0/meta/bases/appAAAAAAAAAAAAAA/tables', accessToken);
    expect(unknown.status).toBe(403);
    expect(await jsonOf(unknown)).toMatchObject({ error: { type: 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND' } });
  });

  it('answers whoami and 401 AUTHENTICATION_REQUIRED without a valid token', async () => {
    const { accessToken } = await airtableConnect();
    const me = await jsonOf(await airtableGet('v0/meta/whoami', accessToken));
    expect(String(me.id)).toMatch(/^usr/);
    expect(me.scopes).toEqual(AIRTABLE_SCOPES.split(' '));
    const anonymous = await call('airtable', 'v0/meta/bases');
    expect(anonymous.status).toBe(401);
    expect(await jsonOf(anonymous)).toEqual({ error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } });
  });

  it('limits 5 requests per second per base with the real 429 body and no Retry-After', async () => {
    const { accessToken } = await airtableConnect();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await airtableGet('v0/meta/bases', accessToken)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await airtableGet('v0/meta/bases', accessToken);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await jsonOf(limited)).toEqual({
      errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }],
    });
    const other = await airtableConnect();
    const { bases } = (await (await airtableGet('v0/meta/bases', other.accessToken)).json()) as BasesPage;
    const perBase = await airtableGet(`v0/meta/bases/${bases[0].id}/tables`, accessToken);
    expect(perBase.status).toBe(200);
  });

  it('refuses a base for 30 s after a 429, however much room its window has again', async () => {
    const { accessToken } = await airtableConnect();
    const { bases } = (await (await airtableGet('v0/meta/bases', accessToken)).json()) as BasesPage;
    const tables = (baseId: string) => airtableGet(`v0/meta/bases/${baseId}/tables`, accessToken);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await tables(bases[0].id)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // The window alone would admit these now; the penalty does not.
    await call('airtable', '_faults', { json: { rateLimit: { requests: 1000, intervalMs: 1000 } } });
    const penalised = await tables(bases[0].id);
    expect(penalised.status).toBe(429);
    expect(penalised.headers.get('retry-after')).toBeNull();
    expect(await jsonOf(penalised)).toEqual({ errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }] });
    expect((await tables(bases[1].id)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 29_000);
      expect((await tables(bases[0].id)).status).toBe(429);
      vi.setSystemTime(Date.now() + 1_500);
      expect((await tables(bases[0].id)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects the previous access token the moment a refresh succeeds', async () => {
    const first = await airtableConnect();
    expect((await airtableGet('v0/meta/whoami', first.accessToken)).status).toBe(200);
    const refreshed = await jsonOf(await airtableTokenRequest({ grant_type: 'refresh_token', refresh_token: first.refreshToken }));
    const old = await airtableGet('v0/meta/whoami', first.accessToken);
    expect(old.status).toBe(401);
    expect(await jsonOf(old)).toEqual({ error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } });
    expect((await airtableGet('v0/meta/whoami', String(refreshed.access_token))).status).toBe(200);
  });

  it('adds visibleFieldIds to grid views when include=visibleFieldIds asks for them', async () => {
    const { accessToken } = await airtableConnect();
    const { bases } = (await (await airtableGet('v0/meta/bases', accessToken)).json()) as BasesPage;
    type Table = { primaryFieldId: string; fields: Array<{ id: string }>; views: Array<{ type: string; visibleFieldIds?: string[] }> };
    const read = async (query: string) => (await jsonOf(await airtableGet(`v0/meta/bases/${bases[0].id}/tables${query}`, accessToken))).tables as Table[];
    const plain = await read('');
    expect(plain.every((table) => table.views.every((view) => view.visibleFieldIds === undefined))).toBe(true);
    for (const query of ['?include=visibleFieldIds', '?include%5B%5D=visibleFieldIds']) {
      for (const table of await read(query)) {
        const fieldIds = table.fields.map((field) => field.id);
        for (const view of table.views) {
          if (view.type !== 'grid') {
            expect(view.visibleFieldIds).toBeUndefined();
            continue;
          }
          expect(view.visibleFieldIds?.[0]).toBe(table.primaryFieldId);
          expect(view.visibleFieldIds?.every((id) => fieldIds.includes(id))).toBe(true);
        }
      }
    }
    const unknown = await airtableGet(`v0/meta/bases/${bases[0].id}/tables?include=everything`, accessToken);
    expect(unknown.status).toBe(422);
    expect(await jsonOf(unknown)).toMatchObject({ error: { type: 'INVALID_REQUEST_UNKNOWN' } });
  });

  it('serves base and table pages in the record viewer', async () => {
    const { accessToken } = await airtableConnect();
    const { bases } = (await (await airtableGet('v0/meta/bases', accessToken)).json()) as BasesPage;
    expect((await call('airtable', `ui/${bases[0].id}`)).status).toBe(200);
    expect((await call('airtable', 'ui/appNOPE')).status).toBe(404);
  });
});
