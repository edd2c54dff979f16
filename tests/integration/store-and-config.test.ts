import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { APP, extraPort, TEST_REDIS_URL, decideConsent, spawnApp, type Item, startApp, TestBrowser } from './helpers';

const SECRET_KEY = Buffer.alloc(32, 42).toString('base64');

describe('Redis unreachable', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  afterAll(() => app?.stop());

  it('answers 503 store_unavailable on health, API and callback instead of waiting for Redis', async () => {
    app = await startApp(extraPort(91), { APP_URL: `http://127.0.0.1:${extraPort(91)}`, REDIS_URL: 'redis://127.0.0.1:6390', SECRET_KEY });
    for (const path of ['/api/health', '/api/integrations', '/api/integrations/hubspot/authorize', '/api/integrations/hubspot/items']) {
      // A client that waited for Redis to come back would never answer; the abort tells that apart
      // from a slow machine without making the test a stopwatch.
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
      expect(response.status, path).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('store_unavailable');
      expect(body.error.message).toMatch(/REDIS_URL/);
    }
    const callback = await fetch(`${app.url}/api/integrations/hubspot/oauth2callback?code=x&state=y`);
    expect(callback.status).toBe(503);
    expect(await callback.text()).toMatch(/Redis/);
  });
});

describe('without REDIS_URL', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  afterAll(() => app?.stop());

  it('announces and uses the in-process store, and the whole flow works', async () => {
    // SANDBOX_CONTROL=1: what its own sandboxes issue is part of the run's log scan.
    app = await startApp(extraPort(92), { APP_URL: `http://127.0.0.1:${extraPort(92)}`, SANDBOX_CONTROL: '1' });
    expect(await (await fetch(`${app.url}/api/health`)).json()).toEqual({ ok: true, store: 'memory' });
    expect(app.log()).toMatch(/REDIS_URL is not set: using an in-process store/);
    expect(app.log()).toMatch(/SECRET_KEY is not set/);
    const browser = new TestBrowser(app.url);
    expect((await browser.connect('hubspot')).status).toBe(200);
    const { status, body } = await browser.json<Item[]>('/api/integrations/hubspot/items');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(2000);
  });
});

describe('configuration errors', () => {
  it.each([
    [{ REDIS_URL: 'http://not-redis:6379' }, /REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//],
    [{ SECRET_KEY: 'too-short' }, /SECRET_KEY must hold at least 32 bytes/],
    [{ HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 'secret' }, /SECRET_KEY is required in production while HUBSPOT_CLIENT_ID is set/],
    // Every Vercel instance would generate its own key, and sessions would break between them.
    [{ VERCEL: '1', REDIS_URL: TEST_REDIS_URL }, /SECRET_KEY is required on Vercel.*Set SECRET_KEY .*openssl rand -base64 32/],
  ])('refuses to start with %o, naming the variable and the fix', async (env, message) => {
    const { child, output } = spawnApp(extraPort(93), env);
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (exitCode: number | null) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).not.toBe(0);
    expect(output()).toMatch(message);
  });
});

describe('live mode', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  afterAll(() => app?.stop());

  it('uses the configured client and endpoints (here: the main app acting as HubSpot)', async () => {
    const client = (await (await fetch(`${APP}/sandbox/hubspot/_client`)).json()) as { client_id: string; client_secret: string };
    app = await startApp(extraPort(94), {
      APP_URL: `http://127.0.0.1:${extraPort(94)}`,
      REDIS_URL: TEST_REDIS_URL,
      SECRET_KEY,
      HUBSPOT_CLIENT_ID: client.client_id,
      HUBSPOT_CLIENT_SECRET: client.client_secret,
      HUBSPOT_AUTHORIZE_URL: `${APP}/sandbox/hubspot/oauth/authorize`,
      HUBSPOT_API_URL: `${APP}/sandbox/hubspot`,
    });
    const browser = new TestBrowser(app.url);
    expect(await browser.integration('hubspot')).toMatchObject({ mode: 'live' });
    expect(await browser.integration('notion')).toMatchObject({ mode: 'sandbox' });
    expect((await fetch(`${app.url}/sandbox/hubspot/_stats`)).status).toBe(404);
    const consent = await browser.authorize('hubspot');
    expect(consent.toString().startsWith(`${APP}/sandbox/hubspot/oauth/authorize?`)).toBe(true);
    expect(consent.searchParams.get('redirect_uri')).toBe(`${app.url}/api/integrations/hubspot/oauth2callback`);
    expect((await browser.fetch((await decideConsent(consent, 'allow')).toString())).status).toBe(200);
    const { status, body } = await browser.json<Item[]>('/api/integrations/hubspot/items');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(2000);
    // Live deep links point at HubSpot itself, never at a sandbox.
    expect(body.every((item) => item.url?.startsWith('https://app.hubspot.com/contacts/'))).toBe(true);
  });
});

describe('what is stored in Redis', () => {
  it('holds connections encrypted, with an idle TTL, and OAuth state only briefly', async () => {
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    try {
      const browser = new TestBrowser();
      await browser.authorize('notion');
      expect((await browser.connect('hubspot')).status).toBe(200);
      const stateKeys = await redis.keys('oauth:state:*');
      expect(stateKeys.length).toBeGreaterThan(0);
      for (const key of stateKeys.slice(0, 5)) expect(await redis.ttl(key)).toBeLessThanOrEqual(600);
      const connectionKeys = await redis.keys('conn:*:hubspot');
      expect(connectionKeys.length).toBeGreaterThan(0);
      const value = (await redis.get(connectionKeys[0])) ?? '';
      expect(value).toMatch(/^v2\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+$/);
      expect(value).not.toMatch(/accessToken|refresh|portal/i);
      const ttl = await redis.ttl(connectionKeys[0]);
      expect(ttl).toBeGreaterThan(29 * 24 * 3600);
      expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600);
    } finally {
      await redis.quit();
    }
  });
});
