import { expect, openAndConnect, test } from './fixtures';

test('the first HTML already shows the integrations and this session\'s connection, with no skeleton', async ({ page }) => {
  await openAndConnect(page, 'notion');
  const label = (await page.getByTestId('status').textContent()) ?? '';
  expect(label).toMatch(/^Connected as /);

  // The server's HTML alone (the app's scripts blocked), for the integration picked last.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByTestId('integration-select')).toContainText('Notion');
  await expect(page.getByTestId('status')).toHaveText(label);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

  // And the same for another integration named in the address.
  await page.goto('/?provider=airtable');
  await expect(page.getByTestId('integration-select')).toContainText('Airtable');
  await expect(page.getByTestId('status')).toHaveText('Not connected');
});
