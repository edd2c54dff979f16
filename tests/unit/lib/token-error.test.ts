import { afterEach, describe, expect, it, vi } from 'vitest';
import { OAuthRequestError } from '@/lib/shared/errors';
import { namesDeadGrant, parseTokenError } from '@/lib/oauth/token-error';
import { isInvalidGrant, requestToken } from '@/lib/oauth/token-request';
import type { ProviderConfig } from '@/lib/providers/config';
import { hubspot } from '@/lib/providers/hubspot';

const correlationId = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';

describe('parseTokenError', () => {
  it('reads HubSpot 2026-03 errors: RFC 6749 fields first, HubSpot status and category kept', () => {
    const parsed = parseTokenError(400, {
      status: 'BAD_REFRESH_TOKEN',
      message: 'missing or unknown refresh token',
      correlationId,
      category: 'VALIDATION_ERROR',
      error: 'invalid_grant',
      error_description: 'the refresh token is invalid, expired or revoked',
    });
    expect(parsed).toEqual({
      code: 'invalid_grant',
      codes: ['invalid_grant', 'BAD_REFRESH_TOKEN', 'VALIDATION_ERROR'],
      description: 'the refresh token is invalid, expired or revoked',
      correlationId,
    });
  });

  it('reads a legacy HubSpot body (status and message only)', () => {
    expect(parseTokenError(400, { status: 'BAD_AUTH_CODE', message: 'missing or unknown auth code' })).toMatchObject({
      code: 'BAD_AUTH_CODE',
      codes: ['BAD_AUTH_CODE'],
      description: 'missing or unknown auth code',
    });
  });

  it('ignores the generic status "error" and numeric statuses, and falls back to the HTTP status', () => {
    expect(parseTokenError(400, { status: 'error', message: 'Invalid input', category: 'VALIDATION_ERROR' }).code).toBe('VALIDATION_ERROR');
    expect(parseTokenError(401, { status: 401 })).toEqual({ code: 'http_401', codes: [], description: undefined, correlationId: undefined });
  });

  it('survives bodies of the wrong shape', () => {
    for (const body of [null, 'text', 42, [], { error: 7, error_description: { nested: true } }, { error: '' }]) {
      expect(parseTokenError(502, body).code).toBe('http_502');
    }
    expect(parseTokenError(400, { error: 'x'.repeat(600), code: 'invalid_request' }).code).toBe('invalid_request');
  });

  it('takes a code from `code` (other providers)', () => {
    expect(parseTokenError(400, { code: 'invalid_grant', message: 'gone' })).toMatchObject({ code: 'invalid_grant', description: 'gone' });
  });
});

describe('dead grants', () => {
  it('namesDeadGrant: invalid_grant or one of the provider codes', () => {
    expect(namesDeadGrant(['invalid_grant'])).toBe(true);
    expect(namesDeadGrant(['BAD_REFRESH_TOKEN'], ['BAD_REFRESH_TOKEN'])).toBe(true);
    expect(namesDeadGrant(['BAD_REFRESH_TOKEN'])).toBe(false);
    expect(namesDeadGrant(['invalid_client', 'BAD_CLIENT_ID'], ['BAD_REFRESH_TOKEN'])).toBe(false);
  });

  it('isInvalidGrant looks at every code of the answer', () => {
    const codes = (...list: string[]) => new OAuthRequestError(list[0], undefined, 'HubSpot', 'refresh', { codes: list });
    expect(isInvalidGrant(hubspot, codes('invalid_grant', 'BAD_REFRESH_TOKEN'))).toBe(true);
    expect(isInvalidGrant(hubspot, codes('BAD_REFRESH_TOKEN'))).toBe(true);
    expect(isInvalidGrant(hubspot, codes('invalid_client', 'BAD_CLIENT_SECRET'))).toBe(false);
    expect(isInvalidGrant(hubspot, new Error('invalid_grant'))).toBe(false);
  });
});

describe('requestToken error answers', () => {
  const config = { tokenUrl: 'https://api.hubapi.example/oauth/2026-03/token', clientId: 'id', clientSecret: 'secret' } as ProviderConfig;
  afterEach(() => vi.unstubAllGlobals());

  function answer(status: number, body: unknown) {
    const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }

  it('turns a HubSpot BAD_REFRESH_TOKEN answer into a dead-grant OAuthRequestError with its reference', async () => {
    const fetch = answer(400, { status: 'BAD_REFRESH_TOKEN', message: 'unknown refresh token', correlationId, category: 'VALIDATION_ERROR', error: 'invalid_grant', error_description: 'unknown refresh token' });
    const error = await requestToken(hubspot, config, { grant_type: 'refresh_token', refresh_token: 'rt-secret' }, 'refresh the access token').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthRequestError);
    expect(error).toMatchObject({ oauthError: 'invalid_grant', correlationId, codes: ['invalid_grant', 'BAD_REFRESH_TOKEN', 'VALIDATION_ERROR'] });
    expect(isInvalidGrant(hubspot, error)).toBe(true);
    expect((error as Error).message).toContain(correlationId);
    expect((error as Error).message).not.toContain('rt-secret');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(config.tokenUrl);
    expect(new URLSearchParams(String(init.body)).get('refresh_token')).toBe('rt-secret');
    expect(new URLSearchParams(String(init.body)).get('client_secret')).toBe('secret');
  });

  it('a client error is not a dead grant', async () => {
    answer(400, { status: 'BAD_CLIENT_ID', message: 'unknown client', correlationId, category: 'INVALID_AUTHENTICATION', error: 'invalid_client' });
    const error = await requestToken(hubspot, config, { grant_type: 'refresh_token', refresh_token: 'r' }, 'refresh').catch((e: unknown) => e);
    expect(error).toMatchObject({ oauthError: 'invalid_client' });
    expect(isInvalidGrant(hubspot, error)).toBe(false);
  });
});
