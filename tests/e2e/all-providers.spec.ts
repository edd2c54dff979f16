import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { ITEM_FIELDS } from '@/lib/client/export/item-fields';
import { parseCsv } from '../support/parse-csv';
import {
  LOAD_TIMEOUT,
  PROVIDERS,
  SCREENSHOT_DIR,
  collectPageErrors,
  connect,
  expect,
  itemsCount,
  openAndConnect,
  openHub,
  provider,
  selectIntegration,
  test,
} from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

/** Picks "All connected" in the integration picker. */
async function selectAll(page: Page) {
  await page.getByTestId('integration-select').click();
  await page.getByRole('option', { name: 'All connected' }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByTestId('integration-select')).toContainText('All connected');
}

/** Connects every provider through its popup. */
async function connectAll(page: Page) {
  await openHub(page);
  for (const { id } of PROVIDERS) {
    await selectIntegration(page, id);
    await connect(page, id, 'allow');
  }
}

/** Clicks a load button and waits until every provider of the load has an outcome. */
async function loadAndSettle(page: Page, button = 'load-button') {
  await page.getByTestId(button).click();
  await expect(page.getByTestId('load-progress')).toBeHidden({ timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('items-count')).toBeVisible();
}

async function downloadText(page: Page, format: 'csv' | 'json'): Promise<{ name: string; text: string }> {
  await page.getByTestId('export-button').click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const grid = (page: Page) => page.getByTestId('items-table');

test.describe.configure({ mode: 'serial' });

test('All connected: one table with every provider, per-provider chips and one search box', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await connectAll(page);
  await selectAll(page);
  await expect(page.getByTestId('status')).toHaveText('3 of 3 connected');
  await loadAndSettle(page);

  const minimum = PROVIDERS.reduce((sum, p) => sum + p.minItems, 0);
  expect(await itemsCount(page)).toBeGreaterThanOrEqual(minimum);
  for (const { id, name, types } of PROVIDERS) {
    await expect(page.getByTestId(`load-status-${id}`)).toHaveAttribute('data-phase', 'done');
    await expect(page.getByTestId(`load-status-${id}`)).toContainText(name);
    for (const type of types) await expect(page.getByTestId(`type-filter-${id}-${type}`)).toBeVisible();
  }
  await expect(grid(page).getByRole('columnheader', { name: 'Provider' })).toBeVisible();
  await expect(page.getByTestId('last-loaded')).toContainText('full load');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/all-providers-loaded.png` });

  // One search box across providers: a HubSpot company with an emoji, then a type.
  await page.getByTestId('quick-search').fill('Rocket Labs');
  const rocket = grid(page).getByRole('row').filter({ hasText: '🚀 Rocket Labs' }).first();
  await expect(rocket).toBeVisible();
  await expect(rocket).toContainText('HubSpot');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/all-providers-search-emoji.png` });

  // A provider's type chip narrows the table to that provider's records of that type.
  await page.getByTestId('quick-search').fill('');
  await page.getByTestId('type-filter-notion-database').click();
  const rows = grid(page).locator('.MuiDataGrid-row');
  await expect(rows.first()).toContainText('Notion');
  await expect(rows.first()).toContainText('database');
  expect(errors).toEqual([]);
});

test('Load Data again asks only for changes and merges them; Full reload stays available', async ({ page }) => {
  test.setTimeout(120_000);
  await connectAll(page);
  await selectAll(page);
  await loadAndSettle(page);
  const before = await itemsCount(page);

  const asked: string[] = [];
  page.on('request', (request) => {
    if (/\/items(\?|$)/.test(request.url())) asked.push(request.url());
  });
  await loadAndSettle(page);
  expect(asked).toHaveLength(3);
  for (const url of asked) expect(url).toMatch(/modified_since=\d{4}-\d\d-\d\dT/);
  await expect(page.getByTestId('last-loaded')).toContainText('changes since the previous load');
  expect(await itemsCount(page)).toBe(before);

  asked.length = 0;
  await loadAndSettle(page, 'full-reload-button');
  expect(asked).toHaveLength(3);
  for (const url of asked) expect(url).not.toContain('modified_since');
  await expect(page.getByTestId('last-loaded')).toContainText('full load');
});

test('a failing provider keeps the others in the table and says what to do', async ({ page, cleanSandbox }) => {
  test.setTimeout(120_000);
  const hubspot = await cleanSandbox('hubspot');
  await connectAll(page);
  await hubspot.faults({ revokeAllGrants: true });
  await selectAll(page);
  await loadAndSettle(page);
  await expect(page.getByTestId('load-status-hubspot')).toHaveAttribute('data-phase', 'error');
  await expect(page.getByTestId('load-action-hubspot')).toHaveText('Reconnect');
  for (const id of ['airtable', 'notion'] as const) {
    await expect(page.getByTestId(`load-status-${id}`)).toHaveAttribute('data-phase', 'done');
  }
  expect(await itemsCount(page)).toBeGreaterThanOrEqual(provider('airtable').minItems + provider('notion').minItems);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/all-providers-one-failed.png` });
});

test('a stream cut before its end line is reported incomplete, and Resume completes it', async ({ page }) => {
  test.setTimeout(90_000);
  await openAndConnect(page, 'airtable');
  // A proxy that cuts the answer: the items arrive, the done line never does.
  await page.route('**/api/integrations/airtable/items*', async (route) => {
    const response = await route.fetch();
    const lines = (await response.text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toHaveProperty('done');
    await route.fulfill({ response, body: `${lines.slice(0, 10).join('\n')}\n` });
  });
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('load-status-airtable')).toHaveAttribute('data-phase', 'incomplete', { timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('load-status-airtable')).toContainText('Incomplete');
  await expect(page.getByTestId('live-announcer')).toContainText('Incomplete');
  expect(await itemsCount(page)).toBe(10);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/incomplete-stream.png` });

  await page.unroute('**/api/integrations/airtable/items*');
  await page.getByTestId('load-action-airtable').click();
  await expect(page.getByTestId('load-status-airtable')).toHaveCount(0, { timeout: LOAD_TIMEOUT });
  expect(await itemsCount(page)).toBeGreaterThanOrEqual(provider('airtable').minItems);
});

test('export the current view as CSV and JSON; formula names are neutralised', async ({ page }) => {
  test.setTimeout(90_000);
  await openAndConnect(page, 'hubspot');
  await loadAndSettle(page);

  await page.getByTestId('quick-search').fill('HYPERLINK');
  await expect(grid(page).locator('.MuiDataGrid-row').first()).toContainText('=HYPERLINK(');
  const shown = await grid(page).locator('.MuiDataGrid-row').count();

  const csv = await downloadText(page, 'csv');
  expect(csv.name).toMatch(/^items-hubspot-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(csv.text.slice(1));
  expect(rows[0]).toEqual([...ITEM_FIELDS]);
  const body = rows.slice(1);
  expect(body.length).toBe(shown);
  const nameAt = ITEM_FIELDS.indexOf('name');
  expect(body.some((row) => row[nameAt].startsWith(`'=HYPERLINK("https://evil.example/`))).toBe(true);
  for (const row of body) {
    expect(row).toHaveLength(ITEM_FIELDS.length);
    for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), `cell ${cell}`).toBe(false);
  }
  // The export follows the table's order: its first row is the table's first row.
  const firstName = (await grid(page).locator('.MuiDataGrid-row').first().locator('[data-field="name"]').textContent())?.trim();
  expect(body[0][nameAt].replace(/^'/, '')).toBe(firstName);

  const json = await downloadText(page, 'json');
  const parsed = JSON.parse(json.text) as Array<Record<string, unknown>>;
  expect(parsed).toHaveLength(shown);
  expect(Object.keys(parsed[0])).toEqual([...ITEM_FIELDS]);
  expect(parsed.some((item) => String(item.name).startsWith('=HYPERLINK('))).toBe(true);
});

test('a row opens its details; Escape closes them; the URL keeps the open record', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAndConnect(page, 'hubspot');
  await loadAndSettle(page);

  // A deal with a company: its parent chain leads to the company's own details.
  await page.getByTestId('type-filter-deal').click();
  const row = grid(page).locator('.MuiDataGrid-row').filter({ has: page.locator('[data-field="parent_path_or_name"]:not(:empty)') }).first();
  const dealName = (await row.locator('[data-field="name"]').textContent())?.trim() ?? '';
  const companyName = (await row.locator('[data-field="parent_path_or_name"]').textContent())?.trim() ?? '';
  await row.locator('[data-field="type"]').click();
  const drawer = page.getByTestId('record-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: dealName })).toBeVisible();
  for (const field of ITEM_FIELDS) await expect(drawer.locator(`dd[data-field="${field}"]`)).toHaveCount(1);
  await expect(drawer.getByTestId('record-deep-link')).toHaveAttribute('href', /\/sandbox\/hubspot\/ui\//);
  await expect(drawer.getByTestId('parent-chain')).toContainText(companyName);
  expect(new URL(page.url()).searchParams.get('record')).toMatch(/^hubspot:deal:\d+$/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/record-details.png` });
  // Opening a record reads what is loaded: it starts no load.
  await expect(page.getByTestId('last-loaded')).toContainText('full load');

  await drawer.getByTestId('record-copy-json').click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
  expect(copied).toMatchObject({ name: dealName, type: 'deal', provider: 'hubspot' });

  await drawer.getByTestId('parent-chain').getByRole('button', { name: companyName }).click();
  await expect(drawer.getByRole('heading', { name: companyName })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('record')).toMatch(/^hubspot:company:\d+$/);

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  expect(new URL(page.url()).searchParams.get('record')).toBeNull();

  // The address of an open record works in another tab of the same session: it loads and opens it.
  await row.locator('[data-field="type"]').click();
  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByTestId('record-drawer').getByRole('heading', { name: dealName })).toBeVisible({ timeout: LOAD_TIMEOUT });
  await other.close();
});

test('copy one row as JSON from its menu', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openAndConnect(page, 'notion');
  await loadAndSettle(page);
  const row = grid(page).locator('.MuiDataGrid-row').first();
  const name = (await row.locator('[data-field="name"]').textContent())?.trim();
  await row.getByRole('menuitem', { name: 'more' }).or(row.locator('[data-field="actions"] button')).first().click();
  await page.getByRole('menuitem', { name: 'Copy as JSON' }).click();
  await expect.poll(async () => (JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { name?: string }).name).toBe(name);
  await expect(page.getByText('Copied the record as JSON')).toBeVisible();
});
