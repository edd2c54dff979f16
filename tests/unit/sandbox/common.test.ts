import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '@/lib/server/html';
import { SeededRandom } from '@/lib/sandbox/common/prng';
import { SlidingWindowLimiter } from '@/lib/server/sliding-window-limiter';
import { redirectUriMatches } from '@/lib/sandbox/common/oauth/redirect-uri';
import { sha256Base64Url } from '@/lib/server/crypto';
import { verifierMatches } from '@/lib/sandbox/common/oauth/pkce';

describe('sandbox common machinery', () => {
  it('escapes everything interpolated into HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<script>'}</p>${[html`<i>${'&'}</i>`]}`.value).toBe('<p>&lt;script&gt;</p><i>&amp;</i>');
  });

  it('generates the same sequence from the same seed', () => {
    const a = new SeededRandom('seed');
    const b = new SeededRandom('seed');
    const first = Array.from({ length: 5 }, () => a.int(0, 1000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(first);
    expect(new SeededRandom('other').int(0, 1_000_000)).not.toBe(new SeededRandom('seed').int(0, 1_000_000));
    expect(a.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('admits at most N requests in any sliding window, per key', () => {
    const limiter = new SlidingWindowLimiter();
    const policy = { requests: 3, intervalMs: 1000 };
    expect([0, 100, 200, 300].map((t) => limiter.check('a', policy, t).allowed)).toEqual([true, true, true, false]);
    expect(limiter.check('a', policy, 300).retryAfterMs).toBe(700);
    expect(limiter.check('b', policy, 300).allowed).toBe(true);
    expect(limiter.check('a', policy, 1001).allowed).toBe(true);
    expect(limiter.check('a', policy, 1002).remaining).toBe(0);
  });

  it('accepts only the exact registered redirect URI (any port for a loopback IP literal, RFC 8252)', () => {
    const registered = 'https://app.example/api/integrations/notion/oauth2callback';
    expect(redirectUriMatches(registered, registered)).toBe(true);
    for (const other of [
      'https://evil.example/api/integrations/notion/oauth2callback',
      'https://app.example.evil.example/api/integrations/notion/oauth2callback',
      'https://app.example/api/integrations/notion/oauth2callback/',
      'https://app.example/api/integrations/notion/oauth2callback?next=x',
      'https://app.example:8443/api/integrations/notion/oauth2callback',
      'http://app.example/api/integrations/notion/oauth2callback',
      'https://app.example/x/api/integrations/notion/oauth2callback',
      'https://user@app.example/api/integrations/notion/oauth2callback',
      'not a url',
    ]) {
      expect(redirectUriMatches(registered, other), other).toBe(false);
    }
    const loopback = 'http://127.0.0.1:3100/api/integrations/notion/oauth2callback';
    expect(redirectUriMatches(loopback, 'http://127.0.0.1:3194/api/integrations/notion/oauth2callback')).toBe(true);
    for (const other of [
      'http://127.1:3194/api/integrations/notion/oauth2callback',
      'http://2130706433:3194/api/integrations/notion/oauth2callback',
      'http://localhost:3194/api/integrations/notion/oauth2callback',
      'http://127.0.0.1:3194/api/integrations/hubspot/oauth2callback',
      'https://127.0.0.1:3194/api/integrations/notion/oauth2callback',
      'http://127.0.0.1.evil.example:3194/api/integrations/notion/oauth2callback',
      'http://127.0.0.1:3194/api/integrations/notion/oauth2callback/../oauth2callback',
      'http://127.0.0.1:3194@evil.example/api/integrations/notion/oauth2callback',
    ]) {
      expect(redirectUriMatches(loopback, other), other).toBe(false);
    }
    expect(redirectUriMatches('http://localhost:3100/api/integrations/notion/oauth2callback', 'http://localhost:3194/api/integrations/notion/oauth2callback')).toBe(false);
  });

  it('checks PKCE S256 verifiers', () => {
    const verifier = 'a'.repeat(50);
    expect(verifierMatches(sha256Base64Url(verifier), verifier)).toBe(true);
    expect(verifierMatches(sha256Base64Url(verifier), 'b'.repeat(50))).toBe(false);
    expect(verifierMatches(sha256Base64Url(verifier), undefined)).toBe(false);
  });
});

describe('test switches without SANDBOX_CONTROL=1', () => {
  it('are closed whatever the Host header says', { timeout: 30_000 }, async () => {
    const { handleSandboxRequest } = await import('@/lib/sandbox');
    const holder = globalThis as { __integrationsHubEnv?: unknown };
    const saved = process.env.SANDBOX_CONTROL;
    process.env.SANDBOX_CONTROL = '0';
    delete holder.__integrationsHubEnv;
    try {
      for (const host of ['localhost', '127.0.0.1', '[::1]', 'demo.example.com']) {
        for (const [method, path] of [['GET', '_client'], ['POST', '_faults'], ['GET', '_stats']]) {
          const request = new Request(`http://${host}/sandbox/hubspot/${path}`, { method, headers: { host }, body: method === 'POST' ? '{}' : undefined });
          const response = await handleSandboxRequest('hubspot', [path], request);
          expect(response.status, `${method} ${path} (Host: ${host})`).toBe(404);
          expect(await response.text()).not.toContain('client_secret');
        }
      }
    } finally {
      process.env.SANDBOX_CONTROL = saved;
      delete holder.__integrationsHubEnv;
    }
  });
});
