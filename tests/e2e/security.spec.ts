import { collectPageErrors, expect, openHub, test } from './fixtures';

test('the page sends a nonce-based CSP that forbids framing, and loads without console errors', async ({ page }) => {
  const errors = collectPageErrors(page);
  const response = await openHub(page);
  expect(response).not.toBeNull();
  expect(response!.status()).toBe(200);
  const headers = response!.headers();

  const csp = headers['content-security-policy'] ?? '';
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/_=-]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-content-type-options']).toBe('nosniff');

  // The page's own inline scripts carry that nonce (otherwise the CSP would block hydration).
  const html = await response!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  await expect(page.getByTestId('connect-button')).toBeEnabled();

  // A second load gets a fresh nonce.
  const again = await page.request.get('/');
  expect(again.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);

  expect(errors).toEqual([]);
});
