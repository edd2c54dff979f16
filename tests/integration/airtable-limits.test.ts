import { beforeEach, describe, expect, it } from 'vitest';
import { AIRTABLE_BASE_COUNT } from '@/lib/sandbox/airtable/data';
import { type Item, sandbox, TestBrowser } from './helpers';

const ITEMS = '/api/integrations/airtable/items';
const key = (item: Item) => `${item.type}:${item.id}`;

async function connected(): Promise<TestBrowser> {
  const browser = new TestBrowser();
  expect((await browser.connect('airtable')).status).toBe(200);
  return browser;
}

/**
 * Airtable as it really behaves: 5 requests/s per base on its own clock, a 30-second penalty
 * after a 429, and the previous access token dead the moment a refresh succeeds.
 */
describe('Airtable limits and rotation', () => {
  beforeEach(() => sandbox('airtable').reset());

  it('completes 10 concurrent loads right after the access token expired: one refresh, no reuse, no 429', async () => {
    const browser = await connected();
    const expected = (await browser.json<Item[]>(ITEMS)).body.map(key).sort();
    await sandbox('airtable').reset();
    await sandbox('airtable').faults({ expireAccessTokens: true });
    // Distinct modified_since values keep identical loads from sharing one traversal (Airtable lists
    // everything whatever the instant), so ten traversals really run at once.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => browser.json<Item[]>(`${ITEMS}?modified_since=2001-01-01T00:00:0${i}Z`)));
    const complete = answers.filter((answer) => answer.status === 200 && JSON.stringify(answer.body.map(key).sort()) === JSON.stringify(expected));
    const stats = await sandbox('airtable').stats();
    console.info(
      `Airtable, 10 concurrent loads after expiry: ${complete.length}/10 complete (statuses ${answers.map((answer) => answer.status).join(' ')}), ` +
        `${stats.rateLimited} 429s, ${stats.tokenRequests.refresh_token} refreshes, ${stats.revoked} chain revocations, ${stats.apiRequests} API requests`,
    );
    for (const answer of answers) if (answer.status !== 200) console.info(JSON.stringify(answer.body));
    expect(complete).toHaveLength(10);
    expect(stats.tokenRequests.refresh_token).toBe(1);
    expect(stats.revoked).toBe(0);
    expect(stats.rateLimited).toBe(0);
    expect(await browser.integration('airtable')).toMatchObject({ connected: true, status: 'connected' });
  });

  it('follows the bases offset through small pages and lists every base and table exactly once', async () => {
    const browser = await connected();
    const whole = (await browser.json<Item[]>(ITEMS)).body;
    await sandbox('airtable').reset();
    await sandbox('airtable').faults({ pageSize: 4 });
    const { status, body: paged } = await browser.json<Item[]>(ITEMS);
    expect(status).toBe(200);
    expect(paged.filter((item) => item.type === 'base')).toHaveLength(AIRTABLE_BASE_COUNT);
    expect(new Set(paged.map(key)).size).toBe(paged.length);
    expect(paged.map(key).sort()).toEqual(whole.map(key).sort());
    // Seven pages of bases, then one schema call per base.
    expect((await sandbox('airtable').stats()).apiRequests).toBe(Math.ceil(AIRTABLE_BASE_COUNT / 4) + AIRTABLE_BASE_COUNT);
  });
});
