import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LOAD_TIMEOUT, SCREENSHOT_DIR, connect, expect, openHub, provider, selectIntegration, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 900 } });

/**
 * Waits until no finite CSS transition or animation is running: axe judges colour contrast from
 * computed styles, so a button mid-way from disabled to enabled or a notice mid-fade reads as a
 * violation. Endless animations (spinners) are left out, they never finish.
 */
async function untilStill(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
            .length,
      ),
    )
    .toBe(0);
}

/** Serious and critical axe-core violations on the page once it is still, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await untilStill(page);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations before and after loading (${scheme})`, async ({ page }) => {
    // Four full-page axe scans: each takes several seconds, and far more while the whole suite loads the machine.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: scheme });
    await openHub(page);
    await selectIntegration(page, 'airtable');
    expect(await seriousViolations(page), 'before connecting').toEqual([]);
    await connect(page, 'airtable', 'allow');
    // The "Connected" notice stays while the pointer rests on it (MUI pauses its auto-hide), so it
    // cannot start fading out in the middle of a scan.
    const notice = page.locator('.MuiSnackbar-root .MuiAlert-root');
    await notice.locator('.MuiAlert-message').hover();
    expect(await seriousViolations(page), 'with the connected notice').toEqual([]);
    await page.mouse.move(0, 0);
    await page.getByTestId('load-button').click();
    await expect(page.getByTestId('items-count')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(notice).toHaveCount(0, { timeout: 10_000 });
    expect(await seriousViolations(page), 'after loading').toEqual([]);
    await page.locator('.MuiDataGrid-row').first().locator('[data-field="type"]').click();
    await expect(page.getByTestId('record-drawer')).toBeVisible();
    expect(await seriousViolations(page), 'with the details open').toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/details-${scheme}.png` });
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element shows a focus ring (an outline or MUI's focus-visible state). */
async function expectVisibleFocus(page: Page) {
  const visible = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return ring || el.matches(':focus-visible') || el.classList.contains('Mui-focusVisible') || Boolean(el.closest('.Mui-focusVisible, .Mui-focused'));
  });
  expect(visible, 'the focused element shows focus').toBe(true);
}

test('the whole flow works with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  const { name } = provider('notion');
  await openHub(page);
  await page.locator('body').focus();

  // Pick an integration.
  await tabTo(page, '[data-testid="integration-select"]');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const option = page.getByRole('option', { name, exact: true });
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < 6 && !(await option.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('integration-select')).toContainText(name);

  // Connect: the consent page in the popup is answered with the keyboard too.
  await tabTo(page, '[data-testid="connect-button"]');
  await expectVisibleFocus(page);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await popup.waitForLoadState('domcontentloaded');
  await popup.getByRole('button', { name: 'Allow' }).focus();
  await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Enter')]);
  await expect(page.getByTestId('status')).toHaveText(/^Connected as /);

  // Load Data, and hear the result.
  await tabTo(page, '[data-testid="load-button"]');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('items-count')).toBeVisible({ timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('live-announcer')).toContainText(/Notion: [\d,]+ items/);

  // Into the table: arrows move between cells, Enter opens the record, Escape closes it.
  await tabTo(page, '.MuiDataGrid-columnHeader, .MuiDataGrid-cell');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('record-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused().catch(async () => {
    // Focus moves into the panel (MUI's focus trap puts it on the panel itself).
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/keyboard-table-focus.png` });

  // Export from the keyboard: the toolbar is above the cells, so back up to it.
  await tabTo(page, '[data-testid="export-button"]', 'Shift+Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-csv')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});
