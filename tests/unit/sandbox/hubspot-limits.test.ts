import { afterEach, describe, expect, it } from 'vitest';
import { call, jsonOf } from './helpers';
import { hubspotConnect, hubspotGet, hubspotOAuthRequest, hubspotTokenRequest } from './hubspot-helpers';

function setFaults(faults: unknown): Promise<Response> {
  return call('hubspot', '_faults', { json: faults });
}

describe('HubSpot emulator: rate limits and faults', () => {
  afterEach(async () => {
    await call('hubspot', '_faults', { method: 'DELETE' });
  });

  it('sends rate-limit headers and answers the 111th request in 10 s with a 429', async () => {
    const { accessToken } = await hubspotConnect();
    const first = await hubspotGet('account-info/v3/details', accessToken);
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('110');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
    expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    for (let i = 0; i < 109; i += 1) await hubspotGet('account-info/v3/details', accessToken);
    const limited = await hubspotGet('account-info/v3/details', accessToken);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    const body = await jsonOf(limited);
    expect(body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const other = await hubspotConnect();
    expect((await hubspotGet('account-info/v3/details', other.accessToken)).status).toBe(200);
  });

  it('applies a rate limit set through faults, with or without Retry-After', async () => {
    const { accessToken } = await hubspotConnect();
    expect((await setFaults({ rateLimit: { requests: 2, intervalMs: 60_000 }, omitRetryAfter: true })).status).toBe(200);
    await hubspotGet('account-info/v3/details', accessToken);
    await hubspotGet('account-info/v3/details', accessToken);
    const limited = await hubspotGet('account-info/v3/details', accessToken);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('2');
  });

  it('consumes injected failures in order', async () => {
    const { accessToken } = await hubspotConnect();
    await setFaults({ fail: [{ status: 429, count: 1 }, { status: 503, count: 2 }] });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await hubspotGet('crm/v3/objects/contacts', accessToken)).status);
    expect(statuses).toEqual([429, 503, 503, 200]);
    const stats = await jsonOf(await call('hubspot', '_stats'));
    expect(Number(stats.rateLimited)).toBeGreaterThanOrEqual(1);
  });

  it('expires access tokens on demand while refresh keeps working, and sets a short TTL', async () => {
    const tokens = await hubspotConnect();
    await setFaults({ expireAccessTokens: true, accessTokenTtlSeconds: 60 });
    const expired = await hubspotGet('crm/v3/objects/contacts', tokens.accessToken);
    expect(expired.status).toBe(401);
    expect(await jsonOf(expired)).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
    const refreshed = await jsonOf(await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken }));
    expect(refreshed.expires_in).toBe(60);
    expect((await hubspotGet('crm/v3/objects/contacts', String(refreshed.access_token))).status).toBe(200);
  });

  it('adds latency', async () => {
    const { accessToken } = await hubspotConnect();
    await setFaults({ latencyMs: 150 });
    const started = Date.now();
    await hubspotGet('account-info/v3/details', accessToken);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rejects invalid faults with a 400 JSON error', async () => {
    for (const bad of [{ fail: [{ status: 404, count: 1 }] }, { latencyMs: -1 }, { unknown: true }, 'x', [1]]) {
      const response = await setFaults(bad);
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toHaveProperty('error.code');
    }
    const notJson = await call('hubspot', '_faults', { body: '{', headers: { 'Content-Type': 'application/json' } });
    expect(notJson.status).toBe(400);
  });

  it('counts token and API requests and resets the counters', async () => {
    await call('hubspot', '_stats/reset', { method: 'POST' });
    const tokens = await hubspotConnect();
    await hubspotTokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    await hubspotGet('account-info/v3/details', tokens.accessToken);
    await hubspotOAuthRequest('token/revoke', { token: tokens.refreshToken });
    const stats = await jsonOf(await call('hubspot', '_stats'));
    expect(stats).toMatchObject({
      tokenRequests: { authorization_code: 1, refresh_token: 1 },
      apiRequests: 1,
      rateLimited: 0,
      revoked: 1,
    });
    // Per endpoint, keyed by route pattern (a v1 path would carry a token).
    expect(stats.oauthEndpoints).toEqual({ 'POST oauth/authorize': 1, 'POST oauth/2026-03/token': 2, 'POST oauth/2026-03/token/revoke': 1 });
    const sinceStart = (stats.sinceStart as { oauthEndpoints: Record<string, number> }).oauthEndpoints;
    await call('hubspot', '_stats/reset', { method: 'POST' });
    const reset = await jsonOf(await call('hubspot', '_stats'));
    expect(reset.oauthEndpoints).toEqual({});
    expect((reset.sinceStart as { oauthEndpoints: Record<string, number> }).oauthEndpoints).toEqual(sinceStart);
    expect(sinceStart['POST oauth/2026-03/token']).toBeGreaterThanOrEqual(2);
  });
});

describe('HubSpot emulator: dataScale (issue 8, item 1)', () => {
  it('refuses a scale over the maximum, keeps one scaled copy, and frees it on reset', async () => {
    const { loadEmulatorState } = await import('@/lib/sandbox/common/state');
    const { MAX_DATA_SCALE } = await import('@/lib/sandbox/common/faults');
    expect((await setFaults({ dataScale: MAX_DATA_SCALE + 1 })).status).toBe(400);
    expect((await setFaults({ dataScale: 10_000 })).status).toBe(400);
    const { accessToken } = await hubspotConnect();
    const { dataCache } = await loadEmulatorState('hubspot');
    const scaledKeys = () => [...dataCache.keys()].filter((key) => key.startsWith('scaled:'));
    for (const scale of [2, 3]) {
      expect((await setFaults({ dataScale: scale })).status).toBe(200);
      expect((await hubspotGet('crm/v3/objects/companies?limit=1', accessToken)).status).toBe(200);
    }
    expect(scaledKeys()).toEqual(['scaled:crm']);
    await call('hubspot', '_faults', { method: 'DELETE' });
    expect(scaledKeys()).toEqual([]);
  });
});
