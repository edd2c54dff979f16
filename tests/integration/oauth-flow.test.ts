import { beforeEach, describe, expect, it } from 'vitest';
import { APP, decideConsent, TestBrowser, sandbox } from './helpers';

const PROVIDERS = ['hubspot', 'airtable', 'notion'];
const WITH_PKCE = new Set(['hubspot', 'airtable']);
const REVOCABLE = new Set(['hubspot', 'notion']);

/** How each sandbox's token endpoint takes a code exchange (the real providers' styles). */
const TOKEN_EXCHANGE: Record<string, { path: string; clientAuth: 'body' | 'basic' }> = {
  hubspot: { path: '/oauth/2026-03/token', clientAuth: 'body' },
  airtable: { path: '/oauth2/v1/token', clientAuth: 'basic' },
};

async function exchangeWithVerifier(providerId: string, callback: URL, redirectUri: string, verifier: string): Promise<Response> {
  const client = (await (await fetch(`${APP}/sandbox/${providerId}/_client`)).json()) as { client_id: string; client_secret: string };
  const { path, clientAuth } = TOKEN_EXCHANGE[providerId];
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: redirectUri, code_verifier: verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (clientAuth === 'basic') headers.authorization = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
  else {
    form.set('client_id', client.client_id);
    form.set('client_secret', client.client_secret);
  }
  return fetch(`${APP}/sandbox/${providerId}${path}`, { method: 'POST', headers, body: form });
}

describe.each([...WITH_PKCE])('%s sandbox enforces PKCE', (providerId) => {
  it('rejects a code exchange with the wrong code_verifier', async () => {
    const consent = await new TestBrowser().authorize(providerId);
    const callback = await decideConsent(consent, 'allow');
    const answer = await exchangeWithVerifier(providerId, callback, consent.searchParams.get('redirect_uri') ?? '', 'x'.repeat(43));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toMatch(/invalid_grant|BAD_AUTH_CODE|verifier/i);
  });
});

describe.each(PROVIDERS)('%s OAuth flow', (providerId) => {
  beforeEach(() => sandbox(providerId).reset());

  it('redirects to the consent page with client_id, redirect_uri, scope, a fresh state and PKCE', async () => {
    const browser = new TestBrowser();
    const first = await browser.authorize(providerId);
    const second = await browser.authorize(providerId);
    expect(first.origin).toBe(APP);
    expect(first.searchParams.get('client_id')).toBeTruthy();
    expect(first.searchParams.get('redirect_uri')).toBe(`${APP}/api/integrations/${providerId}/oauth2callback`);
    expect(first.searchParams.get('response_type')).toBe('code');
    expect(first.searchParams.get('state')?.length).toBeGreaterThanOrEqual(43);
    expect(first.searchParams.get('state')).not.toBe(second.searchParams.get('state'));
    if (WITH_PKCE.has(providerId)) {
      expect(first.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(first.searchParams.get('code_challenge_method')).toBe('S256');
    }
  });

  it('connects on Allow, tells the opener, and shows the account', async () => {
    const browser = new TestBrowser();
    const callback = await browser.connect(providerId);
    expect(callback.status).toBe(200);
    expect(callback.headers.get('content-type')).toContain('text/html');
    expect(callback.headers.get('content-security-policy')).toContain("script-src 'nonce-");
    const html = await callback.text();
    expect(html).toContain('postMessage');
    expect(html).toContain(JSON.stringify(APP));
    expect(html).toContain('data-ok="true"');
    const integration = await browser.integration(providerId);
    expect(integration).toMatchObject({ connected: true, status: 'connected', mode: 'sandbox' });
    expect(integration.account?.label.length).toBeGreaterThan(0);
    expect(JSON.stringify(integration)).not.toMatch(/access_token|refresh_token|accessToken/);
  });

  it('stores nothing on Deny and says access was not granted', async () => {
    const browser = new TestBrowser();
    const callback = await browser.connect(providerId, 'deny');
    expect(callback.status).toBe(400);
    expect(await callback.text()).toMatch(/Access was not granted/);
    expect(await browser.integration(providerId)).toMatchObject({ connected: false, status: 'not_connected' });
  });

  it('rejects a replayed callback, leaving the first connection intact', async () => {
    const browser = new TestBrowser();
    const callbackUrl = await decideConsent(await browser.authorize(providerId), 'allow');
    expect((await browser.fetch(callbackUrl.toString())).status).toBe(200);
    const replay = await browser.fetch(callbackUrl.toString());
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/unknown, expired or was already used/);
    expect((await browser.integration(providerId)).connected).toBe(true);
  });

  it("rejects another session's state and stores nothing for either session", async () => {
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    await attacker.fetch('/api/health');
    const callbackUrl = await decideConsent(await victim.authorize(providerId), 'allow');
    const answer = await attacker.fetch(callbackUrl.toString());
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/another browser session/);
    expect((await attacker.integration(providerId)).connected).toBe(false);
    expect((await victim.integration(providerId)).connected).toBe(false);
  });

  it.each([
    ['no state', (_state: string) => '?code=abc'],
    ['an unknown state', () => '?code=abc&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['no code', (state: string) => `?state=${state}`],
    ['an absurdly long state', () => `?code=abc&state=${'x'.repeat(5000)}`],
    ['an error other than access_denied', (state: string) => `?error=server_error&state=${state}`],
  ])('answers a clear page for a callback with %s, and stores nothing', async (_label, query) => {
    const browser = new TestBrowser();
    const state = (await browser.authorize(providerId)).searchParams.get('state') ?? '';
    const answer = await browser.fetch(`/api/integrations/${providerId}/oauth2callback${query(state)}`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const html = await answer.text();
    expect(html).toContain('data-ok="false"');
    expect(html).toContain(`Could not connect`);
    expect((await browser.integration(providerId)).connected).toBe(false);
  });

  it('finishes a full-page (blocked popup) flow with a redirect back to the app', async () => {
    const browser = new TestBrowser();
    const callbackUrl = await decideConsent(await browser.authorize(providerId, 'redirect'), 'allow');
    const answer = await browser.fetch(callbackUrl.toString());
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(back.origin).toBe(APP);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ provider: providerId, connected: '1' });
  });

  it('sends a denied full-page flow back with only an error code, no free text', async () => {
    const browser = new TestBrowser();
    const callbackUrl = await decideConsent(await browser.authorize(providerId, 'redirect'), 'deny');
    const answer = await browser.fetch(callbackUrl.toString());
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(Object.fromEntries(back.searchParams)).toEqual({ provider: providerId, oauth_error: 'access_denied' });
    expect((await browser.integration(providerId)).connected).toBe(false);
  });

  it('disconnects: 204, revokes where the provider can, and forgets the connection', async () => {
    const browser = new TestBrowser();
    await browser.connect(providerId);
    const answer = await browser.fetch(`/api/integrations/${providerId}`, { method: 'DELETE' });
    expect(answer.status).toBe(204);
    if (REVOCABLE.has(providerId)) expect((await sandbox(providerId).stats()).revoked).toBeGreaterThanOrEqual(1);
    expect((await browser.integration(providerId)).connected).toBe(false);
    const items = await browser.json<{ error: { code: string } }>(`/api/integrations/${providerId}/items`);
    expect(items.status).toBe(401);
    expect(items.body.error.code).toBe('not_connected');
    expect((await browser.fetch(`/api/integrations/${providerId}`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('bad requests', () => {
  it('answers unknown providers with a 404 JSON error everywhere', async () => {
    const browser = new TestBrowser();
    for (const [method, path] of [
      ['GET', '/api/integrations/nope/authorize'],
      ['GET', '/api/integrations/nope/oauth2callback?code=x&state=y'],
      ['GET', '/api/integrations/nope/items'],
      ['DELETE', '/api/integrations/nope'],
    ]) {
      const { status, body } = await browser.json<{ error: { code: string; message: string } }>(path, { method });
      expect(status, path).toBe(404);
      expect(body.error.code).toBe('unknown_provider');
    }
  });

  it('never answers 500 to malformed or hostile URLs', async () => {
    const browser = new TestBrowser();
    for (const [method, path] of [
      ['GET', '/api/integrations/%ZZ/items'],
      ['GET', '/sandbox/hubspot/%E0%A4%A'],
      ['GET', '/api/integrations/__proto__/items'],
      ['GET', '/api/integrations/constructor/authorize'],
      ['GET', '/api/integrations/..%2f..%2fetc/items'],
      ['GET', `/api/integrations/hubspot/items?${'x'.repeat(4000)}=1`],
      ['GET', '/api/integrations/hubspot/oauth2callback?state=%00&code=%FF'],
      ['GET', '/api/integrations/hubspot/oauth2callback?state=a&state=b&code=1&code=2'],
      ['POST', '/api/integrations/hubspot/items'],
      ['PUT', '/api/integrations'],
      ['GET', '/sandbox/hubspot/crm/v3/objects/contacts?limit=abc'],
      ['DELETE', '/api/integrations/%ZZ'],
    ]) {
      const response = await browser.fetch(path, { method, headers: { accept: 'application/x-ndjson;q=abc, */*' } });
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
  });

  it('never answers 500 and never trusts a spoofed Host header', async () => {
    const { rawRequest } = await import('./raw-request');
    const hosts = ['evil.example', 'localhost', '127.1', '[::1]', '0x7f.0.0.1', 'a'.repeat(300), 'evil.example:99999', '%00', ''];
    for (const host of hosts) {
      for (const path of ['/api/integrations', '/api/integrations/hubspot/authorize', '/api/integrations/hubspot/oauth2callback?code=x&state=y', '/sandbox/hubspot/_client', '/api/nope']) {
        const answer = await rawRequest(`${APP}${path}`, { headers: { host } });
        expect(answer.status, `${path} with Host: ${host}`).toBeLessThan(500);
        // OAuth redirect URIs come from APP_URL, never from the request.
        const location = answer.headers.location;
        if (path.endsWith('/authorize') && answer.status === 302 && typeof location === 'string') {
          expect(new URL(location).searchParams.get('redirect_uri')).toBe(`${APP}/api/integrations/hubspot/oauth2callback`);
        }
        expect(answer.body).not.toContain('evil.example');
      }
    }
  });

  it('stays up under a bounded flood of hostile requests (400 requests, 50 at a time)', async () => {
    const hostile: Array<[string, RequestInit]> = [
      ['/api/integrations/hubspot/authorize', {}],
      ['/api/nope', { method: 'POST' }],
      ['/api/integrations/hubspot', { method: 'DELETE', headers: { origin: 'https://evil.example' } }],
      ['/api/integrations', { headers: { cookie: `ih_session=${'x'.repeat(4000)}` } }],
      ['/api/integrations/hubspot/oauth2callback?code=x&state=' + 'y'.repeat(600), {}],
      ['/api/integrations/%ZZ/items', {}],
      ['/sandbox/hubspot/oauth/v1/token', { method: 'POST', body: 'grant_type=authorization_code&code=nope' }],
      ['/api/integrations/hubspot/items', { headers: { accept: 'application/x-ndjson' } }],
    ];
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 8; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) => {
          const [path, init] = hostile[(batch * 50 + index) % hostile.length];
          return fetch(`${APP}${path}`, { ...init, redirect: 'manual' }).then(async (response) => {
            await response.body?.cancel();
            return response.status;
          });
        }),
      );
      for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // 503 (the store or a budget saying "busy", with a JSON error) is an honest answer under a flood; a 500 or a dropped connection is not.
    expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503), JSON.stringify(Object.fromEntries(statuses))).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(400);
    const started = Date.now();
    expect((await fetch(`${APP}/api/health`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects an unknown authorize mode with 400', async () => {
    const { status, body } = await new TestBrowser().json<{ error: { code: string } }>('/api/integrations/hubspot/authorize?mode=evil');
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
  });

  it('ignores a forged session cookie and issues a new session', async () => {
    const response = await fetch(`${APP}/api/integrations`, { headers: { cookie: 'ih_session=forged.signature' } });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).toMatch(/ih_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
  });
});
