import { expect, integrationState, openHub, selectIntegration, test, type ProviderId } from './fixtures';

const ID: ProviderId = 'airtable';

test('a blocked popup falls back to a full-page redirect and comes back connected', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await openHub(page);
  await selectIntegration(page, ID);

  await page.getByTestId('connect-button').click();
  await page.waitForURL((url) => url.pathname.startsWith(`/sandbox/${ID}/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('connect to your Airtable account');
  await page.getByRole('button', { name: 'Allow' }).click();

  await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/');
  await expect(page.getByTestId('status')).toHaveText(/^Connected as \S/);
  await expect(page.getByTestId('integration-select')).toContainText('Airtable');
  await expect(page.getByTestId('load-button')).toBeEnabled();
  // The result parameters are gone from the address bar (only the selection is kept). The server's
  // first HTML already shows the connection, so wait for the browser to have read and removed them.
  await expect.poll(() => [...new URL(page.url()).searchParams.keys()]).toEqual(['provider']);
  const url = new URL(page.url());
  expect(url.searchParams.get('provider')).toBe(ID);

  expect(await integrationState(page.request, ID)).toMatchObject({ connected: true, status: 'connected' });
});

test('the page opened on a loopback alias moves to the public origin, so the OAuth round trip keeps its session', async ({ page, baseURL }) => {
  const publicOrigin = new URL(baseURL ?? '');
  test.skip(publicOrigin.hostname !== '127.0.0.1', 'needs APP_URL on 127.0.0.1 (as npm test sets it)');
  const alias = `http://localhost:${publicOrigin.port}/?provider=notion`;
  await page.goto(alias);
  await page.waitForURL((url) => url.origin === publicOrigin.origin);
  expect(new URL(page.url()).searchParams.get('provider')).toBe('notion');
  await expect(page.getByTestId('integration-select')).toContainText('Notion');
});
