import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { APP, decideConsent, extraPort, sandbox, startApp, TEST_REDIS_URL, TestBrowser } from './helpers';

/** What one client can make the app and its sandboxes create is bounded (figures printed for the closing note). */

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

async function expectRateLimited(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await response.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
}

describe('per-client limits', () => {
  it('keeps at most 5 pending states for 500 authorize calls from one session, and answers the rest 429', async () => {
    const browser = new TestBrowser();
    const states: string[] = [];
    let newest: URL | null = null;
    let limited = 0;
    for (let i = 0; i < 500; i++) {
      const response = await browser.fetch('/api/integrations/hubspot/authorize');
      if (response.status === 302) {
        newest = new URL(response.headers.get('location') ?? '');
        states.push(newest.searchParams.get('state') ?? '');
      } else {
        if (limited === 0) await expectRateLimited(response);
        else expect(response.status).toBe(429);
        limited += 1;
      }
    }
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    let stored = 0;
    try {
      for (const state of states) stored += await redis.exists(`oauth:state:${hash(state)}`);
    } finally {
      await redis.quit();
    }
    console.log(`500 authorize calls from one session: ${states.length} answered 302, ${limited} answered 429, ${stored} states stored`);
    expect(states.length).toBeLessThanOrEqual(30);
    expect(limited).toBeGreaterThanOrEqual(470);
    expect(stored).toBe(5);
    // The newest flow still finishes; the oldest was forgotten.
    const oldest = await browser.fetch(`/api/integrations/hubspot/oauth2callback?code=x&state=${states[0]}`);
    expect(oldest.status).toBe(400);
    expect(await oldest.text()).toMatch(/unknown, expired or was already used/);
    expect(newest).not.toBeNull();
    const finished = await browser.fetch((await decideConsent(newest ?? new URL(APP), 'allow')).toString());
    expect(finished.status).toBe(200);
  });

  it('answers a flood of callbacks from one session with 429 after a person-sized budget', async () => {
    const browser = new TestBrowser();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await browser.fetch(`/api/integrations/notion/oauth2callback?code=x&state=flood${i}`);
      statuses.push(response.status);
      if (response.status === 429) await expectRateLimited(response);
      else await response.text();
    }
    console.log(`40 callbacks from one session: ${statuses.filter((s) => s === 429).length} answered 429`);
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
  });
});

describe('per-address limit, on an instance of its own (so the flood spends none of the shared budget)', () => {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  afterAll(() => app?.stop());

  it('answers cookie-less authorize floods from one address with 429 past its ceiling', async () => {
    app = await startApp(extraPort(97), { APP_URL: `http://127.0.0.1:${extraPort(97)}`, SECRET_KEY: process.env.TEST_SECRET_KEY ?? '' });
    let ok = 0;
    let limited = 0;
    for (let i = 0; i < 400; i++) {
      // A fresh browser each time: every request is a new session, only the address is shared.
      const response = await fetch(`${app.url}/api/integrations/airtable/authorize`, { redirect: 'manual' });
      if (response.status === 302) ok += 1;
      else {
        if (limited === 0) await expectRateLimited(response);
        else expect(response.status).toBe(429);
        limited += 1;
      }
    }
    console.log(`400 cookie-less authorize calls from one address: ${ok} answered 302, ${limited} answered 429`);
    expect(ok).toBe(300);
    expect(limited).toBe(100);
  });
});

describe('sandbox consent flood', () => {
  afterAll(() => sandbox('hubspot').reset());

  it('is bounded per address: 429 with Retry-After past the ceiling, so codes stop being minted', async () => {
    const consent = await new TestBrowser().authorize('hubspot');
    const form = new URLSearchParams(consent.searchParams);
    form.set('decision', 'allow');
    await sandbox('hubspot').reset();
    let codes = 0;
    let limited = 0;
    for (let i = 0; i < 650; i++) {
      const response = await fetch(new URL(consent.pathname, APP), { method: 'POST', body: form, redirect: 'manual' });
      if (response.status === 302) codes += 1;
      else {
        expect(response.status).toBe(429);
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        if (limited === 0) expect(await response.text()).toContain('Too many');
        limited += 1;
      }
    }
    console.log(`650 sandbox consents from one address: ${codes} codes minted, ${limited} answered 429`);
    expect(codes).toBeLessThanOrEqual(600);
    expect(limited).toBeGreaterThanOrEqual(50);
  });
});
