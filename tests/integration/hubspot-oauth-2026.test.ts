import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { APP, type Item, sandbox, TestBrowser } from './helpers';

/**
 * HubSpot switches OAuth v1 off on 2027-02-16. With the sandbox's v1 sunset switch on, the app
 * still connects, loads, refreshes, notices a dead refresh token and disconnects: it calls only
 * the 2026-03 endpoints.
 */

const hubspot = sandbox('hubspot');
const V1 = /oauth\/v1\//;

describe('HubSpot after the OAuth v1 sunset', () => {
  beforeEach(async () => {
    await hubspot.reset();
    await hubspot.faults({ disableV1OAuth: true });
  });
  afterAll(() => hubspot.reset());

  it('the switch is on: v1 answers 404 like HubSpot after the sunset', async () => {
    const v1 = await fetch(`${APP}/sandbox/hubspot/oauth/v1/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token' }) });
    expect(v1.status).toBe(404);
    expect(await v1.json()).toMatchObject({ category: 'OBJECT_NOT_FOUND', message: expect.stringContaining('sunset') });
  });

  it('connects, labels the account from introspection, loads, refreshes and disconnects through 2026-03 only', async () => {
    const browser = new TestBrowser();
    const callback = await browser.connect('hubspot');
    expect(callback.status).toBe(200);
    expect(await callback.text()).toContain('data-ok="true"');
    const integration = await browser.integration('hubspot');
    expect(integration).toMatchObject({ connected: true, status: 'connected' });
    // "hub domain (user)": both come only from POST /oauth/2026-03/token/introspect.
    expect(integration.account?.label).toMatch(/^sandbox-\d+\.example\.com \(sandbox\.user\+\d+@example\.com\)$/);

    const first = await browser.json<Item[]>('/api/integrations/hubspot/items');
    expect(first.status).toBe(200);
    expect(first.body.length).toBeGreaterThan(100);

    await hubspot.faults({ expireAccessTokens: true });
    const afterExpiry = await browser.json<Item[]>('/api/integrations/hubspot/items');
    expect(afterExpiry.status).toBe(200);
    expect(afterExpiry.body.length).toBe(first.body.length);

    expect((await browser.fetch('/api/integrations/hubspot', { method: 'DELETE' })).status).toBe(204);
    expect(await browser.integration('hubspot')).toMatchObject({ connected: false });

    const stats = await hubspot.stats();
    expect(stats.tokenRequests).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(stats.revoked).toBe(1);
    expect(stats.oauthEndpoints).toMatchObject({
      'POST oauth/2026-03/token': 2,
      'POST oauth/2026-03/token/introspect': 1,
      'POST oauth/2026-03/token/revoke': 1,
    });
    expect(Object.keys(stats.oauthEndpoints).filter((key) => V1.test(key))).toEqual([]);
  });

  it('a refresh token HubSpot no longer accepts (invalid_grant / BAD_REFRESH_TOKEN) gives reconnect_required', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('hubspot')).status).toBe(200);
    await hubspot.faults({ revokeAllGrants: true, expireAccessTokens: true });
    const items = await browser.json<{ error: { code: string; message: string } }>('/api/integrations/hubspot/items');
    expect(items.status).toBe(401);
    expect(items.body.error.code).toBe('reconnect_required');
    expect(await browser.integration('hubspot')).toMatchObject({ connected: false, status: 'reconnect_required' });
    const stats = await hubspot.stats();
    expect(stats.oauthEndpoints['POST oauth/2026-03/token']).toBe(2);
    expect(Object.keys(stats.oauthEndpoints).filter((key) => V1.test(key))).toEqual([]);
  });

  it('answers a code exchange without the PKCE verifier, and an unknown token, the 2026-03 way', async () => {
    const client = (await (await fetch(`${APP}/sandbox/hubspot/_client`)).json()) as { client_id: string; client_secret: string };
    const consent = await new TestBrowser().authorize('hubspot');
    const form = new URLSearchParams({ ...Object.fromEntries(consent.searchParams), decision: 'allow' });
    const back = await fetch(new URL(consent.pathname, consent), { method: 'POST', body: form, redirect: 'manual' });
    const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const post = (endpoint: string, fields: Record<string, string>) =>
      fetch(`${APP}/sandbox/hubspot/oauth/2026-03/${endpoint}`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret, ...fields }),
      });
    // The consent URL carried a PKCE challenge, so this exchange without the app's verifier must fail the RFC 6749 way.
    const exchange = await post('token', { grant_type: 'authorization_code', code, redirect_uri: consent.searchParams.get('redirect_uri') ?? '' });
    expect(exchange.status).toBe(400);
    expect(await exchange.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_CODE_VERIFIER', category: 'VALIDATION_ERROR' });
    const inactive = await post('token/introspect', { token: 'na1-never-issued', token_type_hint: 'refresh_token' });
    expect(await inactive.json()).toEqual({ active: false });
  });
});
