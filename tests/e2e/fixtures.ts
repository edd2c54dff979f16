import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

/** The three integrations, with the least number of items each sandbox account must yield. */
export const PROVIDERS = [
  { id: 'hubspot', name: 'HubSpot', minItems: 2400, types: ['contact', 'company', 'deal'] },
  { id: 'airtable', name: 'Airtable', minItems: 60, types: ['base', 'table'] },
  { id: 'notion', name: 'Notion', minItems: 440, types: ['page', 'data_source', 'database'] },
] as const;

export type ProviderId = (typeof PROVIDERS)[number]['id'];

export function provider(id: ProviderId) {
  const found = PROVIDERS.find((p) => p.id === id);
  if (!found) throw new Error(`unknown provider ${id}`);
  return found;
}

export const SCREENSHOT_DIR = '.test-artifacts/screenshots';

/** Long waits: a HubSpot load streams ~2,400 items through several pages of the sandbox API. */
export const LOAD_TIMEOUT = 30_000;

export interface IntegrationEntry {
  provider: string;
  name: string;
  mode: string;
  connected: boolean;
  status: string;
  account: { id: string; label: string } | null;
}

/** This browser context's view of one integration (`page.request` shares the context's cookies). */
export async function integrationState(request: APIRequestContext, id: ProviderId): Promise<IntegrationEntry> {
  const response = await request.get('/api/integrations');
  expect(response.status()).toBe(200);
  const list = (await response.json()) as IntegrationEntry[];
  const found = list.find((entry) => entry.provider === id);
  if (!found) throw new Error(`/api/integrations has no ${id}`);
  return found;
}

/** Opens the hub and waits until the integration list has rendered. */
export async function openHub(page: Page, path = '/') {
  const response = await page.goto(path);
  await expect(page.getByTestId('integration-select')).toBeVisible();
  return response;
}

/** Picks an integration in the dropdown and waits until the card shows it. */
export async function selectIntegration(page: Page, id: ProviderId) {
  const { name } = provider(id);
  await page.getByTestId('integration-select').click();
  await page.getByRole('option', { name, exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByTestId('integration-select')).toContainText(name);
  await expect(page.getByTestId('mode-chip')).toHaveText('Sandbox');
}

/**
 * Clicks Connect, answers the sandbox consent page in the popup and returns the popup.
 * On Allow the popup closes itself and the status shows the account; on Deny it stays open.
 */
export async function connect(page: Page, id: ProviderId, decision: 'allow' | 'deny' = 'allow') {
  const { name } = provider(id);
  const connectButton = page.getByTestId('connect-button');
  await expect(connectButton).toHaveText(`Connect to ${name}`);
  const [popup] = await Promise.all([page.waitForEvent('popup'), connectButton.click()]);
  await popup.waitForLoadState('domcontentloaded');
  await expect(popup).toHaveURL(new RegExp(`/sandbox/${id}/`));
  await expect(popup.getByRole('heading', { level: 1 })).toContainText(`connect to your ${name} account`);
  await expect(page.getByTestId('status')).toHaveText('Connecting… Approve access in the popup');
  if (decision === 'allow') {
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Allow' }).click()]);
    await expect(page.getByTestId('status')).toHaveText(/^Connected as \S/);
  } else {
    await popup.getByRole('button', { name: 'Deny' }).click();
  }
  return popup;
}

/** Opens the hub, selects the integration and connects it through the popup. */
export async function openAndConnect(page: Page, id: ProviderId) {
  await openHub(page);
  await selectIntegration(page, id);
  await connect(page, id, 'allow');
}

/** The status's account label, after "Connected as ". */
export async function accountLabel(page: Page): Promise<string> {
  const text = (await page.getByTestId('status').textContent()) ?? '';
  return text.replace(/^Connected as /, '');
}

/** Clicks Load Data and waits for the table; checks that progress or the count showed up along the way. */
export async function loadData(page: Page): Promise<number> {
  await expect(page.getByTestId('load-button')).toBeEnabled();
  await page.getByTestId('load-button').click();
  // The progress panel can be too short-lived to catch for small accounts: either one is fine.
  await expect(page.getByTestId('load-progress').or(page.getByTestId('items-count'))).toBeVisible();
  await expect(page.getByTestId('items-count')).toBeVisible({ timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('load-progress')).toBeHidden();
  await expect(page.getByTestId('items-table').getByRole('row').nth(1)).toBeVisible();
  return itemsCount(page);
}

/** The number shown in the items-count chip ("2,412 items" → 2412). */
export async function itemsCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('items-count').textContent()) ?? '';
  const match = /^([\d,]+) items?$/.exec(text.trim());
  if (!match) throw new Error(`unexpected items-count text: ${JSON.stringify(text)}`);
  return Number(match[1].replace(/,/g, ''));
}

/**
 * Runs the consent step outside the UI with the context's own cookies: starts the flow
 * (`/authorize`), submits the consent form and returns the callback URL the provider
 * sends the browser back to — without visiting it.
 */
export async function consentCallbackUrl(
  request: APIRequestContext,
  id: ProviderId,
  decision: 'allow' | 'deny' = 'allow',
): Promise<string> {
  const authorize = await request.get(`/api/integrations/${id}/authorize`, { maxRedirects: 0 });
  expect(authorize.status()).toBe(302);
  const consentUrl = new URL(authorize.headers()['location'] ?? '');
  const consentPage = await request.get(consentUrl.toString(), { maxRedirects: 0 });
  expect(consentPage.status()).toBe(200);
  const form = Object.fromEntries(consentUrl.searchParams);
  const answer = await request.post(new URL(consentUrl.pathname, consentUrl).toString(), {
    form: { ...form, decision },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(302);
  const callback = answer.headers()['location'] ?? '';
  expect(callback).toContain(`/api/integrations/${id}/oauth2callback?`);
  return callback;
}

/** The sandbox emulator's test switches (global, not per session). */
function sandbox(request: APIRequestContext, id: ProviderId) {
  return {
    async faults(faults: Record<string, unknown>) {
      const response = await request.post(`/sandbox/${id}/_faults`, { data: faults });
      expect(response.status(), await response.text()).toBe(200);
    },
    async reset() {
      await request.delete(`/sandbox/${id}/_faults`);
      await request.post(`/sandbox/${id}/_stats/reset`);
    },
    async stats(): Promise<{
      tokenRequests: { authorization_code: number; refresh_token: number };
      apiRequests: number;
      rateLimited: number;
      revoked: number;
    }> {
      const response = await request.get(`/sandbox/${id}/_stats`);
      expect(response.status()).toBe(200);
      return response.json();
    },
  };
}

type SandboxControls = ReturnType<typeof sandbox>;

/** Console errors and uncaught exceptions of one page (favicon 404s ignored). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    if (/favicon/i.test(message.text()) || /favicon/i.test(where)) return;
    errors.push(`console: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

export const test = base.extend<{ cleanSandbox: (id: ProviderId) => Promise<SandboxControls> }>({
  /**
   * `cleanSandbox(id)` resets a provider's sandbox switches and hands them over; they are reset
   * again when the test ends, pass or fail, since faults are global and would leak into the next test.
   */
  // Playwright's `use` under another name: the React hooks lint rule claims every call named `use`.
  cleanSandbox: async ({ request }, provide) => {
    const touched = new Set<SandboxControls>();
    await provide(async (id) => {
      const controls = sandbox(request, id);
      await controls.reset();
      touched.add(controls);
      return controls;
    });
    for (const controls of touched) await controls.reset();
  },
});
export { expect };
