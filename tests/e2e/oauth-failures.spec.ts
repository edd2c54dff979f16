import {
  consentCallbackUrl,
  connect,
  expect,
  integrationState,
  openHub,
  selectIntegration,
  test,
  type ProviderId,
} from './fixtures';
import type { Page } from '@playwright/test';

const ID: ProviderId = 'hubspot';
const CALLBACK = `/api/integrations/${ID}/oauth2callback`;

/** Visits a callback URL and checks it answers a clear failure page (4xx, never a 500). */
async function expectFailedCallback(page: Page, url: string, message: RegExp) {
  const response = await page.goto(url);
  expect(response, `response for ${url}`).not.toBeNull();
  expect(response!.status()).toBeGreaterThanOrEqual(400);
  expect(response!.status()).toBeLessThan(500);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Could not connect to HubSpot');
  await expect(page.getByTestId('oauth-result')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('oauth-message')).toHaveText(message);
  await expect(page.getByRole('link', { name: 'Back to Integrations Hub' })).toHaveAttribute('href', '/');
}

test('Deny in the popup shows access denied and connects nothing', async ({ page }) => {
  await openHub(page);
  await selectIntegration(page, ID);
  const popup = await connect(page, ID, 'deny');

  // The popup stays open and says why; the hub shows the same error.
  await expect(popup.getByTestId('oauth-result')).toHaveAttribute('data-ok', 'false');
  await expect(popup.getByTestId('oauth-message')).toHaveText(/Access was not granted in HubSpot/);
  await expect(page.getByTestId('error-alert')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText(/^Connection failed: Access was not granted in HubSpot.*Nothing was connected\.$/);
  await expect(page.getByTestId('connect-button')).toBeEnabled();
  await expect(page.getByTestId('load-button')).toBeDisabled();
  await popup.close();

  expect(await integrationState(page.request, ID)).toMatchObject({ connected: false, status: 'not_connected', account: null });
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('Not connected');
});

test.describe('bad callback inputs give a clear page and store nothing', () => {
  test('(a) no parameters', async ({ page }) => {
    await expectFailedCallback(page, CALLBACK, /\S/);
    expect((await integrationState(page.request, ID)).connected).toBe(false);
  });

  test('(b) an unknown state', async ({ page }) => {
    await expectFailedCallback(page, `${CALLBACK}?code=x&state=unknown`, /unknown, expired or was already used/);
    expect((await integrationState(page.request, ID)).connected).toBe(false);
  });

  test('(c) a replayed callback URL fails, the first use stays connected', async ({ page }) => {
    await openHub(page);
    const callback = await consentCallbackUrl(page.request, ID, 'allow');

    const first = await page.goto(callback);
    expect(first?.status()).toBe(200);
    await expect(page.getByTestId('oauth-result')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connected to HubSpot');
    const connected = await integrationState(page.request, ID);
    expect(connected.connected).toBe(true);

    await expectFailedCallback(page, callback, /unknown, expired or was already used/);
    const after = await integrationState(page.request, ID);
    expect(after).toMatchObject({ connected: true, account: connected.account });
  });

  test("(d) another browser context's state", async ({ page, browser, baseURL }) => {
    await openHub(page);
    const callback = await consentCallbackUrl(page.request, ID, 'allow');

    const other = await browser.newContext({ baseURL });
    try {
      const otherPage = await other.newPage();
      await openHub(otherPage);
      await expectFailedCallback(otherPage, callback, /another browser session/);
      expect((await integrationState(otherPage.request, ID)).connected).toBe(false);
    } finally {
      await other.close();
    }
    // The flow's own session got nothing either: the state was spent on the foreign visit.
    expect((await integrationState(page.request, ID)).connected).toBe(false);
  });
});
