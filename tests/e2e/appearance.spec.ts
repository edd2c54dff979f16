import { pageBackground } from '@/lib/shared/theme-colors';
import { SCREENSHOT_DIR, expect, openHub, test } from './fixtures';

/** "#0b1020" → "rgb(11, 16, 32)", as getComputedStyle reports it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const bodyBackground = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.use({ viewport: { width: 1366, height: 900 } });

for (const scheme of ['dark', 'light'] as const) {
  test(`follows the system's ${scheme} colour scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openHub(page);
    expect(await bodyBackground(page)).toBe(rgb(pageBackground[scheme]));
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/scheme-${scheme}.png` });
  });
}

test('the dark scheme applies before any app script runs (no flash of the light one)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // Without the app's bundles React never renders on the client: what shows is the first HTML alone.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.goto('/');
  expect(await bodyBackground(page)).toBe(rgb(pageBackground.dark));
});

test('switches scheme when the system setting changes, without a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openHub(page);
  expect(await bodyBackground(page)).toBe(rgb(pageBackground.light));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bodyBackground(page)).toBe(rgb(pageBackground.dark));
});
