import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth, call, clientOf, jsonOf, pkcePair, redirectUriOf } from './helpers';
import { notionApi, notionCode, notionConnect, notionPost } from './notion-helpers';

interface SearchPage {
  object: string;
  results: Array<Record<string, unknown> & { id: string; object: string; in_trash: boolean; url: string }>;
  next_cursor: string | null;
  has_more: boolean;
  type: string;
}

async function searchAll(token: string, body: Record<string, unknown> = {}): Promise<SearchPage['results']> {
  const all: SearchPage['results'] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const response = await notionApi('v1/search', token, { ...body, ...(cursor ? { start_cursor: cursor } : {}) });
    expect(response.status).toBe(200);
    const page = (await response.json()) as SearchPage;
    all.push(...page.results);
    if (!page.has_more) return all;
    cursor = page.next_cursor;
  }
  throw new Error('search did not end');
}

describe('Notion emulator: OAuth', () => {
  it('requires owner=user and response_type=code', async () => {
    const params = new URLSearchParams({
      client_id: clientOf('notion').clientId,
      redirect_uri: redirectUriOf('notion'),
      response_type: 'code',
      state: 'x',
    });
    const noOwner = await call('notion', `v1/oauth/authorize?${params}`);
    expect(new URL(noOwner.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    params.set('owner', 'user');
    const ok = await call('notion', `v1/oauth/authorize?${params}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Notion');
  });

  it('returns the documented token response and rotates both tokens on refresh', async () => {
    const tokens = await notionConnect();
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 3600, duplicated_template_id: null, owner: { type: 'user' } });
    for (const key of ['access_token', 'refresh_token', 'bot_id', 'workspace_id', 'workspace_name', 'request_id']) {
      expect(typeof tokens[key]).toBe('string');
    }
    const refreshed = await jsonOf(await notionPost('v1/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.workspace_id).toBe(tokens.workspace_id);
    const reuse = await notionPost('v1/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reuse.status).toBe(400);
    expect(await jsonOf(reuse)).toMatchObject({ object: 'error', status: 400, code: 'invalid_grant' });
    expect((await notionApi('v1/users/me', String(refreshed.access_token))).status).toBe(200);
  });

  it('rejects a replayed code, a wrong redirect_uri, bad client auth, bad JSON and PKCE mismatches', async () => {
    const code = await notionCode();
    const exchange = (body: unknown, auth?: string) => notionPost('v1/oauth/token', body, auth);
    const wrongRedirect = await exchange({ grant_type: 'authorization_code', code, redirect_uri: 'http://x.test/api/integrations/notion/oauth2callback' });
    expect(await jsonOf(wrongRedirect)).toMatchObject({ code: 'invalid_grant' });
    const code2 = await notionCode();
    const badClient = await exchange({ grant_type: 'authorization_code', code: code2, redirect_uri: redirectUriOf('notion') }, basicAuth('notion', 'x'));
    expect(badClient.status).toBe(401);
    expect(await jsonOf(badClient)).toMatchObject({ object: 'error', code: 'invalid_client' });
    const badJson = await call('notion', 'v1/oauth/token', { body: '{nope', headers: { Authorization: basicAuth('notion') } });
    expect(await jsonOf(badJson)).toMatchObject({ status: 400, code: 'invalid_json' });
    const notObject = await exchange([1, 2]);
    expect(notObject.status).toBe(400);
    const { verifier, challenge } = pkcePair();
    const pkceCode = await notionCode({ code_challenge: challenge, code_challenge_method: 'S256' });
    const noVerifier = await exchange({ grant_type: 'authorization_code', code: pkceCode, redirect_uri: redirectUriOf('notion') });
    expect(await jsonOf(noVerifier)).toMatchObject({ code: 'invalid_grant' });
    const pkceCode2 = await notionCode({ code_challenge: challenge, code_challenge_method: 'S256' });
    const good = await exchange({ grant_type: 'authorization_code', code: pkceCode2, redirect_uri: redirectUriOf('notion'), code_verifier: verifier });
    expect(good.status).toBe(200);
  });

  it('revokes a connection', async () => {
    const tokens = await notionConnect();
    const revoke = await notionPost('v1/oauth/revoke', { token: tokens.access_token });
    expect(revoke.status).toBe(200);
    expect(await jsonOf(revoke)).toEqual({});
    expect((await notionApi('v1/users/me', String(tokens.access_token))).status).toBe(401);
    const refresh = await notionPost('v1/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refresh.status).toBe(400);
  });
});

describe('Notion emulator: search and API rules', () => {
  afterEach(async () => {
    await call('notion', '_faults', { method: 'DELETE' });
  });

  it('requires Notion-Version and a valid bearer token', async () => {
    const tokens = await notionConnect();
    const noVersion = await notionApi('v1/search', String(tokens.access_token), {}, null);
    expect(noVersion.status).toBe(400);
    expect(await jsonOf(noVersion)).toMatchObject({ object: 'error', code: 'missing_version' });
    const other = await notionApi('v1/search', String(tokens.access_token), { page_size: 1 }, '2025-09-03');
    expect(other.status).toBe(200);
    const bad = await notionApi('v1/search', 'nope', {});
    expect(bad.status).toBe(401);
    expect(await jsonOf(bad)).toMatchObject({ object: 'error', status: 401, code: 'unauthorized' });
  });

  it('walks the pages and 30 databases exactly once in 2022-06-28, with nesting, untitled and unicode items, trashed ones left out', async () => {
    await call('notion', '_faults', { json: { rateLimit: { requests: 1000, intervalMs: 1000 } } });
    const tokens = await notionConnect();
    const all = await searchAll(String(tokens.access_token));
    const ids = all.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const pages = all.filter((item) => item.object === 'page');
    const databases = all.filter((item) => item.object === 'database');
    expect(pages.length).toBeGreaterThan(380);
    expect(pages.length).toBeLessThan(400);
    expect(databases).toHaveLength(30);
    expect(all.every((item) => item.object !== 'data_source' && !item.in_trash)).toBe(true);
    const parents = new Set(pages.map((page) => (page.parent as { type: string }).type));
    expect(parents).toEqual(new Set(['workspace', 'page_id', 'database_id']));
    const titleOf = (page: (typeof pages)[number]) =>
      Object.values(page.properties as Record<string, { type: string; title?: Array<{ plain_text: string }> }>).find(
        (property) => property.type === 'title',
      )?.title ?? [];
    expect(pages.some((page) => titleOf(page).length === 0)).toBe(true);
    expect(pages.some((page) => titleOf(page)[0]?.plain_text.includes('🚀'))).toBe(true);
    expect(pages[0].url).toMatch(/^https:\/\/www\.notion\.so\/.*[0-9a-f]{32}$/);
    const onlyDatabases = await searchAll(String(tokens.access_token), { filter: { property: 'object', value: 'database' } });
    expect(onlyDatabases).toHaveLength(30);
  });

  it('honours page_size, the pageSize fault, and rejects bad cursors and bodies with validation_error', async () => {
    const tokens = await notionConnect();
    const token = String(tokens.access_token);
    const first = (await (await notionApi('v1/search', token, { page_size: 5 })).json()) as SearchPage;
    expect(first).toMatchObject({ object: 'list', type: 'page_or_database', has_more: true });
    expect(first.results).toHaveLength(5);
    const second = (await (await notionApi('v1/search', token, { page_size: 5, start_cursor: first.next_cursor })).json()) as SearchPage;
    expect(second.results[0].id).not.toBe(first.results[0].id);
    await call('notion', '_faults', { json: { pageSize: 3 } });
    const forced = (await (await notionApi('v1/search', token, {})).json()) as SearchPage;
    expect(forced.results).toHaveLength(3);
    for (const body of [{ page_size: 101 }, { start_cursor: 'bogus' }, { filter: { property: 'object', value: 'x' } }, { nope: 1 }, 'str']) {
      const response = await notionApi('v1/search', token, body);
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ object: 'error', code: 'validation_error' });
    }
  });

  it('spends a budget of 180 requests per 60-second window in one burst, then answers the real 429 body and Retry-After', async () => {
    const tokens = await notionConnect();
    const statuses: number[] = [];
    for (let i = 0; i < 181; i += 1) statuses.push((await notionApi('v1/users/me', String(tokens.access_token))).status);
    expect(statuses.slice(0, 180).every((status) => status === 200)).toBe(true);
    expect(statuses[180]).toBe(429);
    const limited = await notionApi('v1/users/me', String(tokens.access_token));
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await jsonOf(limited)).toMatchObject({
      object: 'error',
      status: 429,
      code: 'rate_limited',
      message: 'This request exceeds the number of requests allowed. Slow down and try again.',
      additional_data: { rate_limit_reason: 'public_api_request_rate_limit' },
    });
  });

  it('retrieves pages and databases and shows them in the record viewer', async () => {
    const tokens = await notionConnect();
    const token = String(tokens.access_token);
    const { results } = (await (await notionApi('v1/search', token, { page_size: 50 })).json()) as SearchPage;
    const page = results.find((item) => item.object === 'page');
    expect((await notionApi(`v1/pages/${page?.id}`, token)).status).toBe(200);
    expect((await notionApi(`v1/databases/${page?.id}`, token)).status).toBe(404);
    expect((await notionApi('v1/pages/not-a-uuid', token)).status).toBe(400);
    const slug = new URL(String(page?.url)).pathname.slice(1);
    const view = await call('notion', `ui/${slug}`);
    expect(view.status).toBe(200);
    expect((await call('notion', 'ui/Nothing-00000000000000000000000000000000')).status).toBe(404);
  });
});
