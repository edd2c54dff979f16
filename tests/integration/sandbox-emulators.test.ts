import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';

/** The emulators as the running app serves them under /sandbox/{provider}. */

const APP = (process.env.TEST_APP_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const sandboxUrl = (provider: string, path: string) => `${APP}/sandbox/${provider}/${path}`;
const redirectUri = (provider: string) => `${APP}/api/integrations/${provider}/oauth2callback`;

async function client(provider: string): Promise<{ id: string; secret: string }> {
  const body = (await (await fetch(sandboxUrl(provider, '_client'))).json()) as { client_id: string; client_secret: string };
  return { id: body.client_id, secret: body.client_secret };
}

async function consent(provider: string, path: string, params: Record<string, string>): Promise<URL> {
  const page = await fetch(`${sandboxUrl(provider, path)}?${new URLSearchParams(params)}`, { redirect: 'manual' });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  const answer = await fetch(sandboxUrl(provider, path), {
    method: 'POST',
    body: new URLSearchParams({ ...params, decision: 'allow' }),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

const basic = (c: { id: string; secret: string }) => `Basic ${Buffer.from(`${c.id}:${c.secret}`).toString('base64')}`;

describe('sandbox emulators served by the app', () => {
  afterEach(async () => {
    await Promise.all(['hubspot', 'airtable', 'notion'].map((p) => fetch(sandboxUrl(p, '_faults'), { method: 'DELETE' })));
  });

  it('HubSpot: consent → token → CRM page with rate-limit headers, faults and stats', async () => {
    const c = await client('hubspot');
    const back = await consent('hubspot', 'oauth/authorize', {
      client_id: c.id,
      redirect_uri: redirectUri('hubspot'),
      scope: 'oauth crm.objects.contacts.read',
      state: 'it',
    });
    const token = await fetch(sandboxUrl('hubspot', 'oauth/2026-03/token'), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code') ?? '',
        redirect_uri: redirectUri('hubspot'),
        client_id: c.id,
        client_secret: c.secret,
      }),
    });
    const tokens = (await token.json()) as { access_token: string };
    const auth = { Authorization: `Bearer ${tokens.access_token}` };
    const page = await fetch(sandboxUrl('hubspot', 'crm/v3/objects/contacts?limit=100'), { headers: auth });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    await fetch(sandboxUrl('hubspot', '_faults'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fail: [{ status: 429, count: 1 }] }),
    });
    const limited = await fetch(sandboxUrl('hubspot', 'crm/v3/objects/contacts'), { headers: auth });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ policyName: 'TEN_SECONDLY_ROLLING' });
    const stats = (await (await fetch(sandboxUrl('hubspot', '_stats'))).json()) as { apiRequests: number };
    expect(stats.apiRequests).toBeGreaterThanOrEqual(2);
    const badFaults = await fetch(sandboxUrl('hubspot', '_faults'), { method: 'POST', body: '{"latencyMs":"slow"}' });
    expect(badFaults.status).toBe(400);
  });

  it('Airtable: PKCE consent → Basic-auth token → bases; refresh reuse revokes the chain', async () => {
    const c = await client('airtable');
    const verifier = randomBytes(64).toString('base64url');
    const back = await consent('airtable', 'oauth2/v1/authorize', {
      client_id: c.id,
      redirect_uri: redirectUri('airtable'),
      response_type: 'code',
      scope: 'data.records:read schema.bases:read',
      state: 'it',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const post = (fields: Record<string, string>) =>
      fetch(sandboxUrl('airtable', 'oauth2/v1/token'), {
        method: 'POST',
        headers: { Authorization: basic(c), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });
    const tokens = (await (
      await post({ grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: verifier, redirect_uri: redirectUri('airtable') })
    ).json()) as { access_token: string; refresh_token: string };
    const bases = await fetch(sandboxUrl('airtable', 'v0/meta/bases'), { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(((await bases.json()) as { bases: unknown[] }).bases).toHaveLength(25);
    expect((await post({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(200);
    const reuse = await post({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('Notion: consent → JSON token → search requires Notion-Version', async () => {
    const c = await client('notion');
    const back = await consent('notion', 'v1/oauth/authorize', {
      client_id: c.id,
      redirect_uri: redirectUri('notion'),
      response_type: 'code',
      owner: 'user',
      state: 'it',
    });
    const token = await fetch(sandboxUrl('notion', 'v1/oauth/token'), {
      method: 'POST',
      headers: { Authorization: basic(c), 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: redirectUri('notion') }),
    });
    const tokens = (await token.json()) as { access_token: string; workspace_name: string };
    expect(tokens.workspace_name).toContain('Sandbox');
    const search = (headers: Record<string, string>) =>
      fetch(sandboxUrl('notion', 'v1/search'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ page_size: 10 }),
      });
    expect(await (await search({})).json()).toMatchObject({ code: 'missing_version' });
    const ok = await search({ 'Notion-Version': '2022-06-28' });
    expect(await ok.json()).toMatchObject({ object: 'list', has_more: true });
  });

  it('serves record viewer pages and a provider-less 404', async () => {
    const viewer = await fetch(sandboxUrl('hubspot', 'ui/contacts/1/record/0-1/1001'));
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('content-type')).toContain('text/html');
    const unknown = await fetch(sandboxUrl('nope', 'x'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
