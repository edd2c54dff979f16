import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest } from './raw-request';
import { APP, decideConsent, extraPort, type Integration, sandbox, startApp, TEST_REDIS_URL, TestBrowser } from './helpers';

/** Issue 8: each describe is one item of the security review, proven against running servers. */

const SECRET_KEY = process.env.TEST_SECRET_KEY ?? '';
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The store key of a session, as lib/server/session.ts derives it from the cookie's session id. */
function sessionKeyOfCookie(cookie: string): string {
  const sessionId = cookie.split('.')[0];
  return createHash('sha256').update(`session:${sessionId}`).digest('base64url').slice(0, 32);
}

function cookieFrom(response: Response, name: string): string | null {
  const line = response.headers.getSetCookie().find((entry) => entry.startsWith(`${name}=`));
  return line ? line.slice(name.length + 1).split(';')[0] : null;
}

describe('an instance on https without SANDBOX_CONTROL (items 1 and 4)', () => {
  const port = extraPort(96);
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp(port, { APP_URL: 'https://demo.example.com', REDIS_URL: TEST_REDIS_URL, SECRET_KEY });
  });
  afterAll(() => app?.stop());

  it('item 1: answers 404 to every sandbox test switch whatever the Host header says', async () => {
    const hosts = ['localhost', 'LOCALHOST', '127.0.0.1', '127.1', '0x7f.0.0.1', '2130706433', '[::1]', `127.0.0.1:${port}`, `localhost:${port}`, 'demo.example.com'];
    const switches: Array<[string, string, string?]> = [
      ['GET', '_client'],
      ['GET', '_stats'],
      ['GET', '_stats/issued'],
      ['POST', '_stats/reset'],
      ['GET', '_faults'],
      ['POST', '_faults', '{"revokeAllGrants":true}'],
      ['DELETE', '_faults'],
    ];
    let refused = 0;
    for (const provider of ['hubspot', 'airtable', 'notion']) {
      for (const host of hosts) {
        for (const [method, path, body] of switches) {
          const headers: Record<string, string> = { host };
          if (body) headers['content-type'] = 'application/json';
          const answer = await rawRequest(`${app.url}/sandbox/${provider}/${path}`, { method, headers, body });
          expect(answer.status, `${method} /sandbox/${provider}/${path} with Host: ${host}`).toBe(404);
          expect(answer.body).not.toMatch(/client_secret|faults|tokenRequests/);
          refused += 1;
        }
      }
    }
    expect(refused).toBe(3 * hosts.length * switches.length);
    // The app started by npm test has SANDBOX_CONTROL=1: there they answer.
    expect((await fetch(`${APP}/sandbox/hubspot/_stats`)).status).toBe(200);
  });

  it('item 4: on https the session cookie is __Host- prefixed and Secure, and HSTS is sent', async () => {
    const response = await fetch(`${app.url}/api/integrations`);
    expect(response.status).toBe(200);
    const line = response.headers.getSetCookie().join('\n');
    expect(line).toMatch(/^__Host-ih_session=[^;]+; Path=\/;.*Secure/m);
    expect(line).not.toMatch(/Domain=/i);
    expect(line).toMatch(/HttpOnly/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  });

  it('item 4: on https a cookie without the __Host- prefix (one a sibling subdomain could plant) is ignored', async () => {
    const planted = (await new TestBrowser(app.url).fetch('/api/integrations')).headers.getSetCookie()[0].split(';')[0].split('=')[1];
    const response = await fetch(`${app.url}/api/integrations`, { headers: { cookie: `ih_session=${planted}` } });
    const issued = cookieFrom(response, '__Host-ih_session');
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
  });
});

describe('item 4: the session is replaced when a connection completes', () => {
  beforeEach(() => sandbox('hubspot').reset());

  it('gives a new session id on connect; the old cookie sees nothing, the new one sees every connection', async () => {
    const browser = new TestBrowser();
    const first = await browser.fetch('/api/integrations');
    const before = cookieFrom(first, 'ih_session');
    expect(before).toBeTruthy();
    const callback = await browser.connect('hubspot');
    expect(callback.status).toBe(200);
    const after = cookieFrom(callback, 'ih_session');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);

    const oldCookie = new TestBrowser();
    const oldView = await oldCookie.fetch('/api/integrations', { headers: { cookie: `ih_session=${before}` } });
    const oldList = (await oldView.json()) as Integration[];
    expect(oldList.find((entry) => entry.provider === 'hubspot')?.connected).toBe(false);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: true });

    // A second connection moves the first one along to the next session id.
    expect((await browser.connect('notion')).status).toBe(200);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: true });
    expect(await browser.integration('notion')).toMatchObject({ connected: true });
  });

  it('a failed callback does not renew the session', async () => {
    const browser = new TestBrowser();
    await browser.fetch('/api/integrations');
    const callback = await browser.fetch('/api/integrations/hubspot/oauth2callback?code=x&state=unknown');
    expect(callback.status).toBe(400);
    expect(callback.headers.getSetCookie()).toEqual([]);
  });
});

describe("item 6: a route's own Referrer-Policy (and CSP) wins over the proxy's", () => {
  it('keeps no-referrer on the callback page, its redirect and the sandbox consent page', async () => {
    const browser = new TestBrowser();
    const callback = await browser.fetch('/api/integrations/hubspot/oauth2callback?code=x&state=y');
    expect(callback.headers.get('referrer-policy')).toBe('no-referrer');
    expect(callback.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    const consent = await fetch(await browser.authorize('hubspot'));
    expect(consent.status).toBe(200);
    expect(consent.headers.get('referrer-policy')).toBe('no-referrer');
    expect(consent.headers.get('content-security-policy')).toMatch(/form-action/);
    // Where the route sets none, the proxy's default applies.
    expect((await browser.fetch('/api/integrations')).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect((await browser.fetch('/')).headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});

describe('item 7: JSON errors everywhere under /api/, and a CSP on API answers', () => {
  it('answers unknown paths with 404 not_found as JSON', async () => {
    for (const path of ['/api', '/api/', '/api/nope', '/api/integrations/hubspot/items/extra', '/api/integrations/hubspot/authorize/x/y', '/api/health/deep']) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await fetch(`${APP}${path}`, { method, redirect: 'manual' });
        if (response.status === 308) continue; // Next's trailing-slash redirect to /api
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers.get('content-type'), `${method} ${path}`).toMatch(/application\/json/);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
      }
    }
  });

  it('answers a wrong method with 405 method_not_allowed and an Allow header', async () => {
    for (const [method, path, allow] of [
      ['POST', '/api/integrations', 'GET'],
      ['PUT', '/api/health', 'GET'],
      ['DELETE', '/api/integrations/hubspot/items', 'GET'],
      ['POST', '/api/integrations/hubspot/authorize', 'GET'],
      ['GET', '/api/integrations/hubspot', 'DELETE'],
      ['PATCH', '/api/integrations/hubspot', 'DELETE'],
    ]) {
      const response = await fetch(`${APP}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toContain(allow);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('method_not_allowed');
      expect(body.error.message).toContain(allow);
    }
  });

  it('sends the API CSP on API answers, errors included', async () => {
    for (const [method, path] of [['GET', '/api/health'], ['GET', '/api/integrations'], ['GET', '/api/integrations/hubspot/items'], ['GET', '/api/nope'], ['POST', '/api/integrations'], ['GET', '/api/integrations/nope/authorize']]) {
      const response = await fetch(`${APP}${path}`, { method, redirect: 'manual' });
      expect(response.headers.get('content-security-policy'), `${method} ${path}`).toBe(API_CSP);
    }
  });
});

describe('item 8: state-changing API requests from another site are refused', () => {
  beforeEach(() => sandbox('hubspot').reset());

  it('answers a cross-site DELETE with 403 JSON and keeps the connection; same-origin and scripts pass', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('hubspot')).status).toBe(200);
    const crossSite: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.example' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const { status, body } = await browser.json<{ error: { code: string } }>('/api/integrations/hubspot', { method: 'DELETE', headers });
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(body.error.code).toBe('cross_site_request');
      expect(await browser.integration('hubspot')).toMatchObject({ connected: true });
    }
    expect((await browser.fetch('/api/integrations/hubspot', { method: 'DELETE', headers: { origin: APP, 'sec-fetch-site': 'same-origin' } })).status).toBe(204);
    expect((await browser.fetch('/api/integrations/hubspot', { method: 'DELETE', headers: { origin: APP } })).status).toBe(204);
    expect((await browser.fetch('/api/integrations/hubspot', { method: 'DELETE' })).status).toBe(204);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: false });
  });
});

describe('item 9: SECRET_KEY rotation with SECRET_KEY_PREVIOUS', () => {
  const NEW_KEY = Buffer.alloc(32, 9).toString('base64');
  let rotated: Awaited<ReturnType<typeof startApp>>;
  const redis = createClient({ url: TEST_REDIS_URL });
  beforeAll(async () => {
    await redis.connect();
    const client = (await (await fetch(`${APP}/sandbox/hubspot/_client`)).json()) as { client_id: string; client_secret: string };
    // The same deployment after the key changed: it acts as the app (live against the main app's HubSpot sandbox).
    rotated = await startApp(extraPort(97), {
      APP_URL: APP,
      REDIS_URL: TEST_REDIS_URL,
      SECRET_KEY: NEW_KEY,
      SECRET_KEY_PREVIOUS: SECRET_KEY,
      HUBSPOT_CLIENT_ID: client.client_id,
      HUBSPOT_CLIENT_SECRET: client.client_secret,
      HUBSPOT_AUTHORIZE_URL: `${APP}/sandbox/hubspot/oauth/authorize`,
      HUBSPOT_API_URL: `${APP}/sandbox/hubspot`,
    });
  });
  afterAll(async () => {
    await rotated?.stop();
    await redis.quit();
  });
  beforeEach(() => sandbox('hubspot').reset());

  it('keeps sessions signed with the previous key and re-encrypts their records with the new one', async () => {
    const browser = new TestBrowser();
    const callback = await browser.connect('hubspot');
    expect(callback.status).toBe(200);
    const oldCookie = cookieFrom(callback, 'ih_session') ?? '';
    const recordKey = `conn:${sessionKeyOfCookie(oldCookie)}:hubspot`;
    const sealedBefore = (await redis.get(recordKey)) ?? '';
    expect(sealedBefore).toMatch(/^v2\.[\w-]+\./);

    const answer = await browser.at(rotated.url).fetch('/api/integrations');
    expect(answer.status).toBe(200);
    const list = (await answer.json()) as Integration[];
    expect(list.find((entry) => entry.provider === 'hubspot')).toMatchObject({ connected: true });
    // Same session, signed again with the current key.
    const resigned = cookieFrom(answer, 'ih_session') ?? '';
    expect(resigned.split('.')[0]).toBe(oldCookie.split('.')[0]);
    expect(resigned).not.toBe(oldCookie);

    const sealedAfter = (await redis.get(recordKey)) ?? '';
    expect(sealedAfter.split('.')[1]).not.toBe(sealedBefore.split('.')[1]);
    const items = await browser.at(rotated.url).fetch('/api/integrations/hubspot/items');
    expect(items.status).toBe(200);
  });

  it('refuses a cookie signed by neither key', async () => {
    const response = await fetch(`${rotated.url}/api/integrations`, { headers: { cookie: `ih_session=abc.${'A'.repeat(8)}.${'B'.repeat(43)}` } });
    expect(cookieFrom(response, 'ih_session')).not.toMatch(/^abc\./);
  });
});

/**
 * A provider that can be unplugged: forwards to the main app's HubSpot sandbox, or answers 503
 * with a body that echoes the request (path and body, tokens included), as a broken gateway might.
 */
function flakyProvider(port: number): { server: Server; up: boolean; url: string } {
  const state = { up: true, url: `http://127.0.0.1:${port}`, server: undefined as unknown as Server };
  state.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    const answer = async () => {
      if (!state.up) {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'error', message: `upstream down for ${request.method} ${request.url} ${body}` }));
        return;
      }
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
      const upstream = await fetch(`${APP}/sandbox/hubspot${request.url}`, { method: request.method, headers, body: body || undefined, redirect: 'manual' });
      response.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([name]) => name !== 'content-encoding' && name !== 'content-length')));
      response.end(Buffer.from(await upstream.arrayBuffer()));
    };
    request.on('end', () => void answer().catch(() => response.destroy()));
  });
  state.server.listen(port, '127.0.0.1');
  return state;
}

describe('item 2: revocation that cannot reach the provider is retried, and nothing secret is logged', () => {
  let provider: ReturnType<typeof flakyProvider>;
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    provider = flakyProvider(extraPort(98));
    const client = (await (await fetch(`${APP}/sandbox/hubspot/_client`)).json()) as { client_id: string; client_secret: string };
    app = await startApp(extraPort(99), {
      APP_URL: `http://127.0.0.1:${extraPort(99)}`,
      REDIS_URL: TEST_REDIS_URL,
      SECRET_KEY,
      HUBSPOT_CLIENT_ID: client.client_id,
      HUBSPOT_CLIENT_SECRET: client.client_secret,
      HUBSPOT_AUTHORIZE_URL: `${APP}/sandbox/hubspot/oauth/authorize`,
      HUBSPOT_API_URL: provider.url,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => provider?.server.close(resolve));
  });
  beforeEach(async () => {
    provider.up = true;
    await sandbox('hubspot').reset();
  });

  async function waitForRevocations(count: number): Promise<number> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { revoked } = await sandbox('hubspot').stats();
      if (revoked >= count || Date.now() > deadline) return revoked;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('queues a revoke the provider did not receive and sends it after the next disconnect', async () => {
    const browser = new TestBrowser(app.url);
    const consent = await browser.authorize('hubspot');
    const callback = await decideConsent(consent, 'allow');
    const connected = await browser.fetch(`${app.url}${callback.pathname}${callback.search}`);
    expect(connected.status).toBe(200);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: true });

    provider.up = false;
    expect((await browser.fetch('/api/integrations/hubspot', { method: 'DELETE' })).status).toBe(204);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: false });
    expect((await sandbox('hubspot').stats()).revoked).toBe(0);

    provider.up = true;
    // Any later disconnect (here: another browser's, with nothing connected) sweeps the queue.
    expect((await new TestBrowser(app.url).fetch('/api/integrations/hubspot', { method: 'DELETE' })).status).toBe(204);
    expect(await waitForRevocations(1)).toBe(1);
    expect(app.log()).toMatch(/revoking hubspot failed; will try again later/);
  });

  it('revokes the tokens of a callback that failed after the exchange', async () => {
    const browser = new TestBrowser(app.url);
    const consent = await browser.authorize('hubspot');
    const callback = await decideConsent(consent, 'allow');
    // The account lookup after the token exchange fails every attempt.
    await sandbox('hubspot').faults({ fail: [{ status: 500, count: 5 }] });
    const answer = await browser.fetch(`${app.url}${callback.pathname}${callback.search}`);
    expect(answer.status).toBeGreaterThanOrEqual(500);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: false });
    expect((await sandbox('hubspot').stats()).tokenRequests.authorization_code).toBe(1);
    expect(await waitForRevocations(1)).toBe(1);
  });

  it("keeps every token out of this instance's log, though the provider echoed them in its errors", async () => {
    const issued = ((await (await fetch(`${APP}/sandbox/hubspot/_stats/issued`)).json()) as { issued: string[] }).issued;
    expect(issued.length).toBeGreaterThan(0);
    const log = app.log();
    expect(log).toMatch(/upstream down/);
    expect(issued.filter((secret) => log.includes(secret))).toEqual([]);
  });
});
