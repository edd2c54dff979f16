import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, redirectUriOf } from './helpers';
import { startSandboxServer } from './local-server';

describe('@hubspot/api-client against the HubSpot emulator over HTTP', () => {
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  let base: string;
  let redirectUri: string;

  beforeAll(async () => {
    server = await startSandboxServer();
    base = `${server.origin}/sandbox/hubspot`;
    redirectUri = redirectUriOf('hubspot');
    // The SDK calls only OAuth v1: opt into it explicitly (a run may default the v1 sunset switch on).
    await fetch(`${base}/_faults`, { method: 'POST', body: JSON.stringify({ disableV1OAuth: false }), headers: { 'content-type': 'application/json' } });
  });
  afterAll(async () => {
    await fetch(`${base}/_faults`, { method: 'DELETE' });
    await server.close();
  });

  async function code(): Promise<string> {
    const form = new URLSearchParams({
      client_id: clientOf('hubspot').clientId,
      redirect_uri: redirectUri,
      scope: 'oauth crm.objects.contacts.read',
      decision: 'allow',
    });
    const response = await fetch(`${base}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
  }

  it('creates tokens, reads metadata, pages contacts and walks companies', async () => {
    const { clientId, clientSecret } = clientOf('hubspot');
    const oauth = new Client({ basePath: base });
    const tokens = await oauth.oauth.tokensApi.create('authorization_code', await code(), redirectUri, clientId, clientSecret);
    expect(tokens.expiresIn).toBe(1800);
    const info = await oauth.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBeGreaterThan(0);
    const sdk = new Client({ accessToken: tokens.accessToken, basePath: base });
    const page = await sdk.crm.contacts.basicApi.getPage(100, undefined, ['email', 'firstname'], undefined, ['companies'], false);
    expect(page.results).toHaveLength(100);
    expect(page.results.some((contact) => contact.associations?.companies?.results.length)).toBe(true);
    const companies = await sdk.crm.companies.getAll();
    expect(companies).toHaveLength(300);
    await expect(sdk.crm.contacts.basicApi.getPage(101)).rejects.toMatchObject({ code: 400 });
  });
});
