import {
  PROVIDERS,
  SCREENSHOT_DIR,
  accountLabel,
  collectPageErrors,
  connect,
  expect,
  integrationState,
  loadData,
  openHub,
  selectIntegration,
  test,
} from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

for (const { id, name, minItems, types } of PROVIDERS) {
  test(`${name}: connect in the popup, load the data, render names as text with safe links`, async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const errors = collectPageErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await openHub(page);
    await selectIntegration(page, id);
    await expect(page.getByTestId('status')).toHaveText('Not connected');
    await expect(page.getByTestId('load-button')).toBeDisabled();
    await expect(page.getByTestId('items-empty')).toBeVisible();

    await connect(page, id, 'allow');
    const label = await accountLabel(page);
    const server = await integrationState(page.request, id);
    expect(server).toMatchObject({ connected: true, status: 'connected', mode: 'sandbox' });
    expect(server.account?.label).toBe(label);
    await expect(page.getByTestId('disconnect-button')).toBeVisible();
    await expect(page.getByTestId('connect-button')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${id}-connected.png` });

    const count = await loadData(page);
    expect(count).toBeGreaterThanOrEqual(minItems);
    await expect(page.getByTestId('items-empty')).toHaveCount(0);
    await expect(page.getByTestId('type-filters')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${id}-loaded.png` });
    // Every record type the integration declares is in the data (one filter chip per type present).
    await expect(page.getByText(`Record types: ${types.join(', ')}`, { exact: true })).toBeVisible();
    for (const type of types) {
      await expect(page.getByTestId(`type-filter-${type}`), `items of type "${type}"`).toHaveText(new RegExp(`^${type} [\\d,]+$`), {
        timeout: 2_000,
      });
    }

    // Names are links to the sandbox record page, opened safely in a new tab.
    const grid = page.getByTestId('items-table');
    const firstLink = grid.getByRole('row').nth(1).getByRole('link').first();
    await expect(firstLink).toBeVisible();
    expect((await firstLink.textContent())?.trim().length).toBeGreaterThan(0);
    const href = (await firstLink.getAttribute('href')) ?? '';
    expect(href.startsWith(`${baseURL}/sandbox/${id}/ui/`), href).toBe(true);
    await expect(firstLink).toHaveAttribute('target', '_blank');
    await expect(firstLink).toHaveAttribute('rel', /\bnoopener\b/);

    // The record page the link points at exists (same session not needed: it is the emulator's UI).
    const record = await page.request.get(href);
    expect(record.status()).toBe(200);

    if (id === 'hubspot') {
      // The sandbox seeds names with markup: they must show as literal text, never as elements.
      await page.getByTestId('quick-search').fill('<b>Bold</b>');
      // A contact ("First Last") and a company whose names are raw markup, shown verbatim.
      for (const literal of [`<b>Bold</b> & <script>alert(1)</script> "Quote" O'Hara`, '<b>Bold</b> & Co <script>alert(1)</script>']) {
        await expect(grid.getByRole('link', { name: literal, exact: true })).toHaveText(literal);
      }
      await expect(grid.locator('b')).toHaveCount(0);
      await expect(grid.locator('[role="gridcell"] script')).toHaveCount(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${id}-markup-names.png` });
    }

    expect(dialogs, 'no script from item names ran').toEqual([]);
    expect(errors, 'console errors during connect and load').toEqual([]);
  });
}
