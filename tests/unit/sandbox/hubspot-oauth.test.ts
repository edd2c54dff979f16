import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientOf, jsonOf, redirectUriOf } from './helpers';
import { HUBSPOT_SCOPES, hubspotCode, hubspotConnect, hubspotGet, hubspotOAuthRequest, hubspotTokenRequest, hubspotV1TokenRequest } from './hubspot-helpers';

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
    expect(csp).toContain(new URL(redirectUriOf('hubspot')).origin);
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

  it('answers unsupported grant types with 400 and a non-form body with 415, never 500', async () => {
    const password = await hubspotTokenRequest({ grant_type: 'password' });
    expect(password.status).toBe(400);
    expect(await jsonOf(password)).toMatchObject({ error: 'unsupported_grant_type', status: 'BAD_GRANT_TYPE', category: 'VALIDATION_ERROR' });
    const garbage = await call('hubspot', 'oauth/2026-03/token', { body: '\u0000%%%{{', headers: { 'Content-Type': 'application/json' } });
    expect(garbage.status).toBe(415);
    expect(await jsonOf(garbage)).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses credentials in the query string', async () => {
    const { clientId, clientSecret } = clientOf('hubspot');
    const query = new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token: 'x' });
    const response = await call('hubspot', `oauth/2026-03/token?${query}`, { form: {} });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await jsonOf(response))).toMatch(/client_secret.*form body/);
  });
});

/** Every field the published OpenAPI file (2026-03) marks required, per schema. */
const REQUIRED = {
  AccessTokenResponse: ['access_token', 'expires_in', 'refresh_token', 'token_type', 'token_use'],
  PublicAccessTokenInfoResponse: ['active', 'app_id', 'client_id', 'expires_in', 'hub_id', 'is_private_distribution', 'scopes', 'signed_access_token', 'token', 'token_type', 'token_use', 'user_id'],
  PublicRefreshTokenInfoResponse: ['active', 'app_id', 'client_id', 'hub_id', 'scopes', 'token', 'token_type', 'token_use', 'user_id'],
  SignedAccessToken: ['appId', 'appInstallId', 'audience', 'expiresAt', 'hubId', 'hublet', 'installingUserId', 'isPrivateDistribution', 'isServiceAccount', 'isUserLevel', 'newSignature', 'scopeToScopeGroupPks', 'scopes', 'signature', 'trialScopeToScopeGroupPks', 'trialScopes', 'userId'],
  Error: ['category', 'correlationId', 'message'],
};

describe('HubSpot emulator: OAuth 2026-03 answers as the OpenAPI file describes them', () => {
  it('token: AccessTokenResponse with token_use, hub_id, user_id and scopes, as JSON', async () => {
    const { code } = await hubspotCode();
    const response = await hubspotTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await jsonOf(response);
    expect(Object.keys(body)).toEqual(expect.arrayContaining(REQUIRED.AccessTokenResponse));
    expect(body).toMatchObject({ token_use: 'access_token', token_type: 'bearer' });
    expect(Number.isInteger(body.hub_id) && Number.isInteger(body.user_id)).toBe(true);
  });

  it('errors: RFC 6749 error and error_description plus status, message, correlationId and category', async () => {
    const response = await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: 'unknown' });
    expect(response.status).toBe(400);
    const body = await jsonOf(response);
    expect(Object.keys(body)).toEqual(expect.arrayContaining([...REQUIRED.Error, 'error', 'error_description', 'status']));
    expect(body).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN', category: 'VALIDATION_ERROR' });
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('introspect: access and refresh tokens, with the hint or without', async () => {
    const tokens = await hubspotConnect();
    const access = await jsonOf(await hubspotOAuthRequest('token/introspect', { token: tokens.accessToken, token_type_hint: 'access_token' }));
    expect(Object.keys(access)).toEqual(expect.arrayContaining([...REQUIRED.PublicAccessTokenInfoResponse, 'hub_domain', 'user']));
    expect(Object.keys(access.signed_access_token as object)).toEqual(expect.arrayContaining(REQUIRED.SignedAccessToken));
    expect(access).toMatchObject({ active: true, token: tokens.accessToken, hub_id: tokens.hubId, token_use: 'access_token', client_id: clientOf('hubspot').clientId });
    expect(String(access.hub_domain)).toContain(String(tokens.hubId));
    expect(String(access.user)).toContain('@');
    expect(Number(access.expires_in)).toBeGreaterThan(1700);
    const refresh = await jsonOf(await hubspotOAuthRequest('token/introspect', { token: tokens.refreshToken }));
    expect(Object.keys(refresh)).toEqual(expect.arrayContaining(REQUIRED.PublicRefreshTokenInfoResponse));
    expect(refresh).toMatchObject({ active: true, token_use: 'refresh_token', hub_id: tokens.hubId });
    const hinted = await jsonOf(await hubspotOAuthRequest('token/introspect', { token: tokens.refreshToken, token_type_hint: 'refresh_token' }));
    expect(hinted).toMatchObject({ active: true, token_use: 'refresh_token' });
  });

  it('introspect: exactly {"active": false} for an unknown or expired token; client errors stay errors', async () => {
    const unknown = await hubspotOAuthRequest('token/introspect', { token: 'nope' });
    expect(unknown.status).toBe(200);
    expect(await jsonOf(unknown)).toEqual({ active: false });
    const tokens = await hubspotConnect();
    await call('hubspot', '_faults', { json: { expireAccessTokens: true } });
    await call('hubspot', '_faults', { method: 'DELETE' });
    expect(await jsonOf(await hubspotOAuthRequest('token/introspect', { token: tokens.accessToken }))).toEqual({ active: false });
    const badSecret = await hubspotOAuthRequest('token/introspect', { token: tokens.refreshToken, client_secret: 'nope' });
    expect(badSecret.status).toBe(400);
    expect(await jsonOf(badSecret)).toMatchObject({ error: 'invalid_client', category: 'INVALID_AUTHENTICATION' });
    expect((await hubspotOAuthRequest('token/introspect', {})).status).toBe(400);
  });

  it('revoke: the refresh token dies, access tokens live on; unknown tokens are fine, access tokens are refused', async () => {
    const tokens = await hubspotConnect();
    const refused = await hubspotOAuthRequest('token/revoke', { token: tokens.accessToken });
    expect(refused.status).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({ error: 'unsupported_token_type' });
    const revoke = await hubspotOAuthRequest('token/revoke', { token: tokens.refreshToken, token_type_hint: 'refresh_token' });
    expect(revoke.status).toBe(200);
    expect(await revoke.text()).toBe('');
    const refresh = await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    expect(await jsonOf(refresh)).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
    expect(await jsonOf(await hubspotOAuthRequest('token/introspect', { token: tokens.refreshToken }))).toEqual({ active: false });
    expect((await hubspotGet('account-info/v3/details', tokens.accessToken)).status).toBe(200);
    expect((await hubspotOAuthRequest('token/revoke', { token: 'never-issued' })).status).toBe(200);
    expect((await hubspotOAuthRequest('token/revoke', { token: 'x', client_secret: 'nope' })).status).toBe(400);
  });
});

describe('HubSpot emulator: OAuth v1 until its sunset', () => {
  // Explicitly on: a run may default the sunset switch on to prove the app never needs v1.
  beforeAll(() => call('hubspot', '_faults', { json: { disableV1OAuth: false } }));
  afterAll(() => call('hubspot', '_faults', { method: 'DELETE' }));

  it('serves token, metadata and refresh-token deletion with the 2026-03 shapes', async () => {
    const { code } = await hubspotCode();
    const created = await jsonOf(await hubspotV1TokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') }));
    expect(created).toMatchObject({ token_type: 'bearer', token_use: 'access_token', expires_in: 1800 });
    const accessToken = String(created.access_token);
    const refreshToken = String(created.refresh_token);
    const info = await jsonOf(await call('hubspot', `oauth/v1/access-tokens/${accessToken}`));
    expect(info).toMatchObject({ token: accessToken, hub_id: created.hub_id, token_type: 'access', token_use: 'access_token' });
    expect(Object.keys(info)).toEqual(expect.arrayContaining(REQUIRED.PublicAccessTokenInfoResponse));
    const refreshInfo = await call('hubspot', `oauth/v1/refresh-tokens/${refreshToken}`);
    expect(await jsonOf(refreshInfo)).toMatchObject({ token_type: 'refresh', token_use: 'refresh_token', hub_id: created.hub_id });
    const revoke = await call('hubspot', `oauth/v1/refresh-tokens/${refreshToken}`, { method: 'DELETE' });
    expect(revoke.status).toBe(204);
    const refresh = await hubspotV1TokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(await jsonOf(refresh)).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant', category: 'VALIDATION_ERROR' });
    expect((await hubspotGet('account-info/v3/details', accessToken)).status).toBe(200);
  });

  it('answers garbage with 400 and unknown tokens with 404, with a category', async () => {
    const garbage = await call('hubspot', 'oauth/v1/token', { body: '\u0000%%%{{', headers: { 'Content-Type': 'application/json' } });
    expect(garbage.status).toBe(400);
    const unknown = await call('hubspot', 'oauth/v1/access-tokens/nope');
    expect(unknown.status).toBe(404);
    expect(await jsonOf(unknown)).toMatchObject({ status: 'BAD_ACCESS_TOKEN', category: 'OBJECT_NOT_FOUND' });
  });

  it('with disableV1OAuth, every v1 endpoint answers 404 while 2026-03 keeps working', async () => {
    const tokens = await hubspotConnect();
    await call('hubspot', '_faults', { json: { disableV1OAuth: true } });
    try {
      const answers = await Promise.all([
        hubspotV1TokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }),
        call('hubspot', `oauth/v1/access-tokens/${tokens.accessToken}`),
        call('hubspot', `oauth/v1/refresh-tokens/${tokens.refreshToken}`),
        call('hubspot', `oauth/v1/refresh-tokens/${tokens.refreshToken}`, { method: 'DELETE' }),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(await jsonOf(answer)).toMatchObject({ category: 'OBJECT_NOT_FOUND', message: expect.stringContaining('2026-03') });
      }
      expect((await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken })).status).toBe(200);
    } finally {
      await call('hubspot', '_faults', { json: { disableV1OAuth: false } });
    }
  });
});
