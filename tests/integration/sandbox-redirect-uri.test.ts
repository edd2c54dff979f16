import { describe, expect, it } from 'vitest';
import { APP, TestBrowser } from './helpers';

/** The consent endpoints send the browser only to the exact registered redirect URI, as the real providers do. */

const PROVIDERS = ['hubspot', 'airtable', 'notion'];

describe.each(PROVIDERS)('%s sandbox consent endpoint', (providerId) => {
  it('refuses an attacker host with the same callback path: an error page, no redirect, no code', async () => {
    const consent = await new TestBrowser().authorize(providerId);
    for (const attacker of [
      `https://attacker.example/api/integrations/${providerId}/oauth2callback`,
      `${APP}.attacker.example/api/integrations/${providerId}/oauth2callback`,
      `${APP}/api/integrations/${providerId}/oauth2callback/../../../../evil`,
      `http://127.1:${new URL(APP).port}/api/integrations/${providerId}/oauth2callback`,
    ]) {
      const params = new URLSearchParams(consent.searchParams);
      params.set('redirect_uri', attacker);
      const page = await fetch(`${consent.origin}${consent.pathname}?${params}`, { redirect: 'manual' });
      expect(page.status, attacker).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('Invalid redirect URI');
      params.set('decision', 'allow');
      const allowed = await fetch(`${consent.origin}${consent.pathname}`, { method: 'POST', body: params, redirect: 'manual' });
      expect(allowed.status, attacker).toBe(400);
      expect(allowed.headers.get('location')).toBeNull();
    }
  });

  it('still accepts the registered redirect URI', async () => {
    const consent = await new TestBrowser().authorize(providerId);
    expect(consent.searchParams.get('redirect_uri')).toBe(`${APP}/api/integrations/${providerId}/oauth2callback`);
    const page = await fetch(consent, { redirect: 'manual' });
    expect(page.status).toBe(200);
  });
});
