import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The official SDK, pointed at the running app's HubSpot emulator with basePath, works unchanged. */

const APP = (process.env.TEST_APP_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const BASE = `${APP}/sandbox/hubspot`;
const REDIRECT_URI = `${APP}/api/integrations/hubspot/oauth2callback`;

interface SandboxClient {
  client_id: string;
  client_secret: string;
}

async function sandboxClient(): Promise<SandboxClient> {
  const response = await fetch(`${BASE}/_client`);
  expect(response.status).toBe(200);
  return (await response.json()) as SandboxClient;
}

async function authorizationCode(clientId: string): Promise<string> {
  const form = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'oauth crm.objects.contacts.read crm.objects.companies.read',
    state: 'sdk-test',
    decision: 'allow',
  });
  const response = await fetch(`${BASE}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('sdk-test');
  return location.searchParams.get('code') ?? '';
}

describe('@hubspot/api-client against the HubSpot sandbox', () => {
  let client: SandboxClient;
  let accessToken: string;
  let refreshToken: string;

  beforeAll(async () => {
    await fetch(`${BASE}/_faults`, { method: 'DELETE' });
    // The SDK (even 14.x) calls only OAuth v1: this file opts into it explicitly, so a run with v1 off everywhere else stays meaningful.
    await fetch(`${BASE}/_faults`, { method: 'POST', body: JSON.stringify({ disableV1OAuth: false }), headers: { 'content-type': 'application/json' } });
    client = await sandboxClient();
    const code = await authorizationCode(client.client_id);
    const sdk = new Client({ basePath: BASE });
    const tokens = await sdk.oauth.tokensApi.create('authorization_code', code, REDIRECT_URI, client.client_id, client.client_secret);
    expect(tokens.tokenType).toBe('bearer');
    expect(tokens.expiresIn).toBe(1800);
    accessToken = tokens.accessToken;
    refreshToken = tokens.refreshToken;
  });
  afterAll(() => fetch(`${BASE}/_faults`, { method: 'DELETE' }));

  it('reads access-token metadata', async () => {
    const sdk = new Client({ basePath: BASE });
    const info = await sdk.oauth.accessTokensApi.get(accessToken);
    expect(info.token).toBe(accessToken);
    expect(info.hubId).toBeGreaterThan(0);
    expect(info.scopes).toContain('oauth');
  });

  it('pages contacts with properties and company associations', async () => {
    const sdk = new Client({ accessToken, basePath: BASE });
    const page = await sdk.crm.contacts.basicApi.getPage(100, undefined, ['email', 'firstname'], undefined, ['companies'], false);
    expect(page.results).toHaveLength(100);
    expect(page.paging?.next?.after).toBeTruthy();
    const first = page.results[0];
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(Object.keys(first.properties)).toEqual(expect.arrayContaining(['email', 'firstname', 'hs_object_id']));
    expect(first.properties).not.toHaveProperty('lastname');
    const associated = page.results.filter((contact) => (contact.associations?.companies?.results.length ?? 0) > 0);
    expect(associated.length).toBeGreaterThan(40);
    expect(associated[0].associations?.companies?.results[0].type).toBe('contact_to_company');
  });

  it('walks every company with getAll', async () => {
    const sdk = new Client({ accessToken, basePath: BASE });
    const companies = await sdk.crm.companies.getAll();
    expect(companies).toHaveLength(300);
    expect(new Set(companies.map((company) => company.id)).size).toBe(300);
  });

  it('refreshes with tokensApi and keeps the same refresh token', async () => {
    const sdk = new Client({ basePath: BASE });
    const refreshed = await sdk.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      client.client_id,
      client.client_secret,
      refreshToken,
    );
    expect(refreshed.refreshToken).toBe(refreshToken);
    expect(refreshed.accessToken).not.toBe(accessToken);
  });

  it('reads one contact by id and answers 404 for an unknown one', async () => {
    const sdk = new Client({ accessToken, basePath: BASE });
    const [first] = (await sdk.crm.contacts.basicApi.getPage(1, undefined, ['email'])).results;
    const one = await sdk.crm.contacts.basicApi.getById(first.id, ['email'], undefined, ['companies']);
    expect(one.id).toBe(first.id);
    expect(one.properties.email).toBe(first.properties.email);
    await expect(sdk.crm.contacts.basicApi.getById('999999999999')).rejects.toMatchObject({ code: 404 });
  });

  it('reads refresh-token metadata with the 2026-03 shape (v1 until the sunset)', async () => {
    const sdk = new Client({ basePath: BASE });
    const info = await sdk.oauth.refreshTokensApi.get(refreshToken);
    expect(info).toMatchObject({ token: refreshToken, clientId: client.client_id, tokenType: 'refresh' });
    expect(info.hubId).toBeGreaterThan(0);
  });

  it('after the v1 sunset: its OAuth calls fail with 404, its CRM calls still work with a 2026-03 token', async () => {
    await fetch(`${BASE}/_faults`, { method: 'POST', body: JSON.stringify({ disableV1OAuth: true }), headers: { 'content-type': 'application/json' } });
    try {
      const oauth = new Client({ basePath: BASE });
      await expect(oauth.oauth.tokensApi.create('refresh_token', undefined, undefined, client.client_id, client.client_secret, refreshToken)).rejects.toMatchObject({ code: 404 });
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.client_id, client_secret: client.client_secret });
      const answer = await fetch(`${BASE}/oauth/2026-03/token`, { method: 'POST', body: form });
      expect(answer.status).toBe(200);
      const tokens = (await answer.json()) as { access_token: string; token_use: string };
      expect(tokens.token_use).toBe('access_token');
      const sdk = new Client({ accessToken: tokens.access_token, basePath: BASE });
      expect((await sdk.crm.deals.basicApi.getPage(10, undefined, ['dealname'])).results).toHaveLength(10);
    } finally {
      await fetch(`${BASE}/_faults`, { method: 'POST', body: JSON.stringify({ disableV1OAuth: false }), headers: { 'content-type': 'application/json' } });
    }
  });

  it('surfaces HubSpot errors as ApiException with the real body', async () => {
    const sdk = new Client({ accessToken: 'not-a-real-token', basePath: BASE });
    await expect(sdk.crm.contacts.basicApi.getPage(10)).rejects.toMatchObject({ code: 401 });
    const valid = new Client({ accessToken, basePath: BASE });
    await expect(valid.crm.contacts.basicApi.getPage(101)).rejects.toMatchObject({ code: 400 });
  });
});
