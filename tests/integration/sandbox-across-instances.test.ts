import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProvider, providers } from '@/lib/providers';
import { APP, extraPort, type Item, sandbox, startApp, startSiblingApp, TestBrowser } from './helpers';

/**
 * Two app processes on one Redis, both serving the sandboxes, as behind a load balancer that
 * sends every request wherever it likes. Each step of a flow goes to the other instance than
 * the step before, so every code, token, grant, switch and counter must live in the store.
 */

const PROVIDERS = providers.map((provider) => provider.id);

/** The same URL on another instance. */
const on = (origin: string, url: URL | string) => {
  const parsed = new URL(url);
  return new URL(`${parsed.pathname}${parsed.search}`, origin);
};

let other: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  expect(process.env.TEST_SECRET_KEY, 'npm test exports TEST_SECRET_KEY').toBeTruthy();
  other = await startSiblingApp(extraPort(96));
});
afterAll(() => other?.stop());

describe.each(PROVIDERS)('%s sandbox on two instances sharing Redis', (providerId) => {
  beforeEach(() => sandbox(providerId).reset());

  it('authorize, consent, callback, load and disconnect each on the other instance', async () => {
    const first = new TestBrowser(APP);
    const second = first.at(other.url);

    const consent = await first.authorize(providerId);
    const page = await fetch(on(other.url, consent), { redirect: 'manual' });
    expect(page.status).toBe(200);
    const form = new URLSearchParams(consent.searchParams);
    form.set('decision', 'allow');
    const decided = await fetch(new URL(consent.pathname, APP), { method: 'POST', body: form, redirect: 'manual' });
    expect(decided.status).toBe(302);
    const callback = await second.fetch(on(other.url, decided.headers.get('location') ?? '').toString());
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('data-ok="true"');

    const loaded = await first.json<Item[]>(`/api/integrations/${providerId}/items`);
    expect(loaded.status).toBe(200);
    expect(loaded.body.length).toBeGreaterThan(0);
    // Generated data is deterministic: the other instance serves exactly the same items.
    const again = await second.json<Item[]>(`/api/integrations/${providerId}/items`);
    expect(again.status).toBe(200);
    const keys = (items: Item[]) => items.map((item) => `${item.type}:${item.id}`).sort();
    expect(keys(again.body)).toEqual(keys(loaded.body));

    // A switch set on one instance holds on the other, and both count into one set of stats.
    await sandbox(providerId).faults({ expireAccessTokens: true });
    expect((await second.json<Item[]>(`/api/integrations/${providerId}/items`)).status).toBe(200);
    // (sinceStart is each process's own tally.)
    const { sinceStart: _, ...stats } = (await (await fetch(`${other.url}/sandbox/${providerId}/_stats`)).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ tokenRequests: { authorization_code: 1, refresh_token: 1 } });
    expect(await sandbox(providerId).stats()).toMatchObject(stats);

    expect((await first.fetch(`/api/integrations/${providerId}`, { method: 'DELETE', headers: { origin: APP } })).status).toBe(204);
    const after = await second.json<{ error: { code: string } }>(`/api/integrations/${providerId}/items`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('not_connected');
  });
});

describe('the Notion emulator alone, on two instances', () => {
  const base = (origin: string) => `${origin}/sandbox/notion`;
  const redirectUri = `${APP}/api/integrations/notion/oauth2callback`;
  beforeEach(() => sandbox('notion').reset());
  afterAll(() => sandbox('notion').reset());

  it('shares codes, tokens, grants, rate-limit windows and revocations', async () => {
    const client = (await (await fetch(`${base(other.url)}/_client`)).json()) as { client_id: string; client_secret: string };
    const basic = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
    const post = (origin: string, path: string, body: unknown) =>
      fetch(`${base(origin)}/${path}`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const form = new URLSearchParams({ client_id: client.client_id, redirect_uri: redirectUri, response_type: 'code', owner: 'user', state: 's', decision: 'allow' });
    const consent = await fetch(`${base(APP)}/v1/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(consent.status).toBe(302);
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
    const granted = await post(other.url, 'v1/oauth/token', exchange);
    expect(granted.status).toBe(200);
    const tokens = (await granted.json()) as { access_token: string; refresh_token: string };
    // The code was used up on the other instance.
    expect((await post(APP, 'v1/oauth/token', exchange)).status).toBe(400);

    await sandbox('notion').faults({ rateLimit: { requests: 3, intervalMs: 60_000 } });
    const headers = { authorization: `Bearer ${tokens.access_token}`, ...getProvider('notion').api.headers };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base(i % 2 ? APP : other.url)}/v1/users/me`, { headers })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);

    expect((await post(APP, 'v1/oauth/revoke', { token: tokens.refresh_token })).status).toBe(200);
    expect((await post(other.url, 'v1/oauth/introspect', { token: tokens.access_token })).status).toBe(200);
    expect(await (await post(other.url, 'v1/oauth/introspect', { token: tokens.access_token })).json()).toEqual({ active: false });
    expect((await post(other.url, 'v1/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status).toBe(400);
  });
});
