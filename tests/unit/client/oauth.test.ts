import { describe, it, expect } from 'vitest';
import { parseOAuthMessage, parseRedirectResult, stripRedirectParams } from '@/lib/client/oauth';

const ORIGIN = 'http://127.0.0.1:3106';
const ok = { source: 'integrations-hub', type: 'oauth-result', provider: 'p1', ok: true, account: { id: '1', label: 'Acct 1' } };

describe('parseOAuthMessage', () => {
  it('accepts a success message from the exact origin', () => {
    expect(parseOAuthMessage({ origin: ORIGIN, data: ok }, ORIGIN)).toEqual({
      provider: 'p1',
      ok: true,
      account: { id: '1', label: 'Acct 1' },
    });
  });

  it('rejects other origins, sources and shapes', () => {
    expect(parseOAuthMessage({ origin: 'http://evil.example', data: ok }, ORIGIN)).toBeNull();
    expect(parseOAuthMessage({ origin: ORIGIN, data: { ...ok, source: 'other' } }, ORIGIN)).toBeNull();
    expect(parseOAuthMessage({ origin: ORIGIN, data: { ...ok, type: 'x' } }, ORIGIN)).toBeNull();
    expect(parseOAuthMessage({ origin: ORIGIN, data: 'string' }, ORIGIN)).toBeNull();
    expect(parseOAuthMessage({ origin: ORIGIN, data: null }, ORIGIN)).toBeNull();
  });

  it('passes on the error the callback reported', () => {
    const data = { source: 'integrations-hub', type: 'oauth-result', provider: 'p1', ok: false, error: { code: 'access_denied', message: 'You declined.' } };
    expect(parseOAuthMessage({ origin: ORIGIN, data }, ORIGIN)).toEqual({
      provider: 'p1',
      ok: false,
      error: { code: 'access_denied', message: 'You declined.' },
    });
  });
});

describe('redirect fallback', () => {
  it('reads success and failure from the query string', () => {
    expect(parseRedirectResult('?provider=p1&connected=1')).toEqual({ provider: 'p1', ok: true, account: null });
    expect(parseRedirectResult('?provider=p1&oauth_error=access_denied&message=No%20thanks')).toEqual({
      provider: 'p1',
      ok: false,
      error: { code: 'access_denied', message: 'No thanks' },
    });
    expect(parseRedirectResult('?provider=p1')).toBeNull();
    expect(parseRedirectResult('')).toBeNull();
  });

  it('strips only the result parameters', () => {
    expect(stripRedirectParams('?provider=p1&connected=1')).toBe('?provider=p1');
    expect(stripRedirectParams('?oauth_error=x&message=y')).toBe('');
  });
});
