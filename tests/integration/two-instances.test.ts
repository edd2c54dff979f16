import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP, extraPort, TEST_REDIS_URL, type Item, sandbox, startApp, TestBrowser } from './helpers';

/**
 * Two server instances share Redis and SECRET_KEY, as behind a load balancer. The second one is
 * configured "live" against the first one's Airtable sandbox, so both hold valid tokens for the
 * same connection. Airtable's refresh tokens are single-use: a second refresh would revoke the chain.
 */
describe('two server instances sharing Redis', () => {
  let second: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    const client = (await (await fetch(`${APP}/sandbox/airtable/_client`)).json()) as { client_id: string; client_secret: string };
    second = await startApp(extraPort(95), {
      APP_URL: APP,
      REDIS_URL: TEST_REDIS_URL,
      SECRET_KEY: process.env.TEST_SECRET_KEY ?? '',
      AIRTABLE_CLIENT_ID: client.client_id,
      AIRTABLE_CLIENT_SECRET: client.client_secret,
      AIRTABLE_AUTHORIZE_URL: `${APP}/sandbox/airtable/oauth2/v1/authorize`,
      AIRTABLE_TOKEN_URL: `${APP}/sandbox/airtable/oauth2/v1/token`,
      AIRTABLE_API_URL: `${APP}/sandbox/airtable`,
    });
  });
  afterAll(() => second?.stop());
  beforeEach(() => sandbox('airtable').reset());

  it('see the same session and connection', async () => {
    expect(process.env.TEST_SECRET_KEY, 'npm test exports TEST_SECRET_KEY').toBeTruthy();
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    expect(await browser.at(second.url).integration('airtable')).toMatchObject({ connected: true, mode: 'live' });
  });

  it('refresh a rotating token exactly once when both need it at the same moment', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    const expected = (await browser.json<Item[]>('/api/integrations/airtable/items')).body.length;
    await sandbox('airtable').reset();
    await sandbox('airtable').faults({ expireAccessTokens: true });
    const loads = [browser, browser.at(second.url), browser, browser.at(second.url)].map((client) =>
      client.json<Item[]>('/api/integrations/airtable/items'),
    );
    for (const answer of await Promise.all(loads)) {
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBe(expected);
    }
    expect((await sandbox('airtable').stats()).tokenRequests.refresh_token).toBe(1);
    expect(await browser.integration('airtable')).toMatchObject({ connected: true, status: 'connected' });
  });

  it('present a rotating refresh token once when the provider answers 500 after rotating it', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    await sandbox('airtable').reset();
    await sandbox('airtable').faults({ expireAccessTokens: true, failTokenAfterUse: 500 });
    const loads = [browser, browser.at(second.url), browser, browser.at(second.url)].map((client) =>
      client.json<{ error: { code: string; message: string } }>('/api/integrations/airtable/items'),
    );
    for (const answer of await Promise.all(loads)) {
      expect(answer.status).toBe(502);
      expect(answer.body.error.code).toBe('provider_error');
    }
    const stats = await sandbox('airtable').stats();
    // One attempt in all: a second one would present a used refresh token and revoke the chain.
    expect(stats.tokenRequests.refresh_token).toBe(1);
    expect(stats.revoked).toBe(0);
    expect(await browser.integration('airtable')).toMatchObject({ connected: true, status: 'connected' });
  });
});
