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
    expect(parseRedirectResult('?provider=p1&oauth_error=access_denied')).toEqual({
      provider: 'p1',
      ok: false,
      error: { code: 'access_denied', message: 'Access was not granted. Nothing was connected.' },
    });
    expect(parseRedirectResult('?provider=p1')).toBeNull();
    expect(parseRedirectResult('')).toBeNull();
  });

  it('never shows text taken from the URL', () => {
    const crafted = parseRedirectResult('?provider=p1&oauth_error=access_denied&message=Call%20555-0100%20to%20unlock');
    expect(crafted?.ok === false && crafted.error.message).not.toContain('555');
    expect(parseRedirectResult('?provider=p1&oauth_error=%3Cscript%3E')).toEqual({
      provider: 'p1',
      ok: false,
      error: { code: 'oauth_failed', message: 'The connection was not completed.' },
    });
  });

  it('strips only the result parameters', () => {
    expect(stripRedirectParams('?provider=p1&connected=1')).toBe('?provider=p1');
    expect(stripRedirectParams('?oauth_error=x&message=y')).toBe('');
  });
});
