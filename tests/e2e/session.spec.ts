import {
  LOAD_TIMEOUT,
  SCREENSHOT_DIR,
  expect,
  integrationState,
  loadData,
  openAndConnect,
  openHub,
  provider,
  selectIntegration,
  test,
} from './fixtures';

test('another browser context sees nothing of the first one', async ({ page, browser, baseURL }) => {
  await openAndConnect(page, 'hubspot');
  expect((await integrationState(page.request, 'hubspot')).connected).toBe(true);

  const other = await browser.newContext({ baseURL });
  try {
    const otherPage = await other.newPage();
    await openHub(otherPage);
    await selectIntegration(otherPage, 'hubspot');
    await expect(otherPage.getByTestId('status')).toHaveText('Not connected');
    await expect(otherPage.getByTestId('load-button')).toBeDisabled();
    expect((await integrationState(otherPage.request, 'hubspot')).connected).toBe(false);

    const items = await otherPage.request.get('/api/integrations/hubspot/items');
    expect(items.status()).toBe(401);
    expect((await items.json()).error.code).toBe('not_connected');

    const cookiesA = await page.context().cookies();
    const cookiesB = await other.cookies();
    expect(cookiesB.map((c) => c.value)).not.toContain(cookiesA.find((c) => c.name === 'ih_session')?.value);
  } finally {
    await other.close();
  }
  // The first context is still connected.
  expect((await integrationState(page.request, 'hubspot')).connected).toBe(true);
});

test('Disconnect forgets the connection and clears the table', async ({ page }) => {
  await openAndConnect(page, 'airtable');
  expect(await loadData(page)).toBeGreaterThanOrEqual(provider('airtable').minItems);

  await page.getByTestId('disconnect-button').click();
  await expect(page.getByTestId('status')).toHaveText('Not connected');
  await expect(page.getByTestId('load-button')).toBeDisabled();
  await expect(page.getByTestId('connect-button')).toBeEnabled();
  await expect(page.getByTestId('disconnect-button')).toHaveCount(0);
  await expect(page.getByTestId('items-table')).toHaveCount(0);
  await expect(page.getByTestId('items-empty')).toBeVisible();

  expect(await integrationState(page.request, 'airtable')).toMatchObject({ connected: false, account: null });
  expect((await page.request.get('/api/integrations/airtable/items')).status()).toBe(401);
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('Not connected');
});

test.describe('expired access tokens', () => {
  test('Load Data still works after the access token expired (silent refresh)', async ({ page, cleanSandbox }) => {
    const hubspot = await cleanSandbox('hubspot');
    await openAndConnect(page, 'hubspot');

    await hubspot.faults({ expireAccessTokens: true });
    const before = await hubspot.stats();
    const count = await loadData(page);
    expect(count).toBeGreaterThanOrEqual(provider('hubspot').minItems);
    await expect(page.getByTestId('error-alert')).toHaveCount(0);
    await expect(page.getByTestId('status')).toHaveText(/^Connected as /, { timeout: LOAD_TIMEOUT });
    expect((await hubspot.stats()).tokenRequests.refresh_token).toBeGreaterThan(before.tokenRequests.refresh_token);
  });
});

test.describe('access revoked at the provider', () => {
  test('Load Data shows "needs reconnect", and Reconnect brings the table back', async ({ page, cleanSandbox }) => {
    const hubspot = await cleanSandbox('hubspot');
    await openAndConnect(page, 'hubspot');
    await hubspot.faults({ revokeAllGrants: true });

    await page.getByTestId('load-button').click();
    await expect(page.getByTestId('status')).toHaveText(/needs reconnect/i, { timeout: LOAD_TIMEOUT });
    await expect(page.getByTestId('reconnect-button')).toBeVisible();
    expect((await integrationState(page.request, 'hubspot')).status).toBe('reconnect_required');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/hubspot-needs-reconnect.png` });

    const popupPromise = page.waitForEvent('popup');
    await page.getByTestId('reconnect-button').click();
    const popup = await popupPromise;
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByTestId('status')).toHaveText(/^Connected as /, { timeout: LOAD_TIMEOUT });
    expect(await loadData(page)).toBeGreaterThanOrEqual(provider('hubspot').minItems);
  });
});
