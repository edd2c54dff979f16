import { describe, expect, it } from 'vitest';
import { call, clientOf, jsonOf, redirectUriOf } from './helpers';
import { HUBSPOT_SCOPES, hubspotCode, hubspotConnect, hubspotGet, hubspotTokenRequest } from './hubspot-helpers';

describe('HubSpot emulator: consent page', () => {
  const params = new URLSearchParams({
    client_id: clientOf('hubspot').clientId,
    redirect_uri: redirectUriOf('hubspot'),
    scope: HUBSPOT_SCOPES,
    state: 'abc',
  });

  it('shows the app, provider, scopes and Allow/Deny with its own CSP', async () => {
    const response = await call('hubspot', `oauth/authorize?${params}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('form-action');
    expect(csp).toContain('http://127.0.0.1:3000');
    const page = await response.text();
    expect(page).toContain('Integrations Hub (sandbox)');
    expect(page).toContain('HubSpot');
    expect(page).toContain('crm.objects.deals.read');
    expect(page).toContain('value="allow"');
    expect(page).toContain('value="deny"');
    expect(page).not.toMatch(/<script|onclick|https:\/\/fonts/i);
  });

  it('redirects with a code and the state on Allow, and with access_denied on Deny', async () => {
    const allow = await call('hubspot', 'oauth/authorize', { form: { ...Object.fromEntries(params), decision: 'allow' } });
    expect(allow.status).toBe(302);
    const allowed = new URL(allow.headers.get('location') ?? '');
    expect(allowed.pathname).toBe('/api/integrations/hubspot/oauth2callback');
    expect(allowed.searchParams.get('code')).toBeTruthy();
    expect(allowed.searchParams.get('state')).toBe('abc');
    const deny = await call('hubspot', 'oauth/authorize', { form: { ...Object.fromEntries(params), decision: 'deny' } });
    const denied = new URL(deny.headers.get('location') ?? '');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('abc');
  });

  it('shows an error page (no redirect) for an unknown client or unregistered redirect_uri', async () => {
    const badClient = new URLSearchParams(params);
    badClient.set('client_id', 'someone-else');
    const r1 = await call('hubspot', `oauth/authorize?${badClient}`);
    expect(r1.status).toBe(400);
    expect(r1.headers.get('location')).toBeNull();
    const badRedirect = new URLSearchParams(params);
    badRedirect.set('redirect_uri', 'https://evil.example/steal');
    const r2 = await call('hubspot', `oauth/authorize?${badRedirect}`);
    expect(r2.status).toBe(400);
    expect(r2.headers.get('location')).toBeNull();
  });

  it('requires the oauth scope', async () => {
    const noOauth = new URLSearchParams(params);
    noOauth.set('scope', 'crm.objects.contacts.read');
    const response = await call('hubspot', `oauth/authorize?${noOauth}`);
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });
});

describe('HubSpot emulator: token endpoint', () => {
  it('exchanges a code once for the documented token response', async () => {
    const { code } = await hubspotCode();
    const response = await hubspotTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') });
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');
    expect(typeof body.hub_id).toBe('number');
    expect(body.scopes).toEqual(HUBSPOT_SCOPES.split(' '));
    const again = await hubspotTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') });
    expect(again.status).toBe(400);
    expect(await jsonOf(again)).toMatchObject({ status: 'BAD_AUTH_CODE', error: 'invalid_grant' });
  });

  it('rejects a mismatching redirect_uri, a wrong secret and an unknown client', async () => {
    const { code } = await hubspotCode();
    const mismatch = await hubspotTokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:9999/api/integrations/hubspot/oauth2callback',
    });
    expect(await jsonOf(mismatch)).toMatchObject({ status: 'BAD_REDIRECT_URI', error: 'invalid_grant' });
    const { code: code2 } = await hubspotCode();
    const badSecret = await hubspotTokenRequest({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUriOf('hubspot'),
      client_secret: 'nope',
    });
    expect(badSecret.status).toBe(400);
    expect(await jsonOf(badSecret)).toMatchObject({ status: 'BAD_CLIENT_SECRET', error: 'invalid_client' });
    const badClient = await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'other' });
    expect(await jsonOf(badClient)).toMatchObject({ status: 'BAD_CLIENT_ID' });
  });

  it('enforces PKCE when a code_challenge was sent', async () => {
    const { code, verifier } = await hubspotCode(true);
    const wrong = await hubspotTokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUriOf('hubspot'),
      code_verifier: `${verifier}x`,
    });
    expect(wrong.status).toBe(400);
    expect(await jsonOf(wrong)).toMatchObject({ error: 'invalid_grant' });
    const { code: code2, verifier: verifier2 } = await hubspotCode(true);
    const right = await hubspotTokenRequest({
      grant_type: 'authorization_code',
      code: code2,
      redirect_uri: redirectUriOf('hubspot'),
      code_verifier: verifier2,
    });
    expect(right.status).toBe(200);
  });

  it('refreshes without rotating the refresh token', async () => {
    const tokens = await hubspotConnect();
    const first = await jsonOf(await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }));
    const second = await jsonOf(await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }));
    expect(first.refresh_token).toBe(tokens.refreshToken);
    expect(second.refresh_token).toBe(tokens.refreshToken);
    expect(first.access_token).not.toBe(second.access_token);
    const bad = await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: 'unknown' });
    expect(await jsonOf(bad)).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' });
  });

  it('serves token metadata and revokes only the refresh token', async () => {
    const tokens = await hubspotConnect();
    const info = await jsonOf(await call('hubspot', `oauth/v1/access-tokens/${tokens.accessToken}`));
    expect(info).toMatchObject({ token: tokens.accessToken, hub_id: tokens.hubId, token_type: 'access' });
    expect(Number(info.expires_in)).toBeGreaterThan(1700);
    const refreshInfo = await call('hubspot', `oauth/v1/refresh-tokens/${tokens.refreshToken}`);
    expect(await jsonOf(refreshInfo)).toMatchObject({ token_type: 'refresh', hub_id: tokens.hubId });
    const revoke = await call('hubspot', `oauth/v1/refresh-tokens/${tokens.refreshToken}`, { method: 'DELETE' });
    expect(revoke.status).toBe(204);
    const refresh = await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    expect(await jsonOf(refresh)).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
    expect((await hubspotGet('account-info/v3/details', tokens.accessToken)).status).toBe(200);
  });

  it('answers unsupported grant types and garbage bodies with 400, never 500', async () => {
    expect((await hubspotTokenRequest({ grant_type: 'password' })).status).toBe(400);
    const garbage = await call('hubspot', 'oauth/v1/token', { body: '\u0000%%%{{', headers: { 'Content-Type': 'application/json' } });
    expect(garbage.status).toBe(400);
    expect((await call('hubspot', 'oauth/v1/access-tokens/nope')).status).toBe(404);
  });
});
