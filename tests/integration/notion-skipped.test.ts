import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extraPort, type Item, readNdjson, sandbox, startApp, startSiblingApp, TestBrowser } from './helpers';

/**
 * Notion search results the app cannot read are left out of the list, and the NDJSON done line
 * says how many (`skipped`); a load that left nothing out ends with exactly `{"done":{"count":N}}`.
 */

const notion = sandbox('notion');
const MALFORMED = 3;
const NDJSON = { headers: { accept: 'application/x-ndjson' } };

type DoneLine = { done: { count: number; skipped?: number } };
const key = (item: Item) => `${item.provider}:${item.type}:${item.id}`;

/** A new browser session with Notion connected (a session of its own, so no load joins another test's). */
async function connected(...providers: string[]): Promise<TestBrowser> {
  const browser = new TestBrowser();
  for (const provider of providers) expect((await browser.connect(provider)).status).toBe(200);
  return browser;
}

/** An NDJSON load: its items, its done line as parsed, and that line exactly as sent. */
async function loadNdjson(browser: TestBrowser, path: string): Promise<{ items: Item[]; done: DoneLine; raw: string }> {
  const response = await browser.fetch(path, NDJSON);
  expect(response.status).toBe(200);
  const text = await response.clone().text();
  const lines = await readNdjson(response);
  const last = lines.at(-1) as DoneLine;
  expect(last, 'the stream ends with its done line').toHaveProperty('done');
  return { items: lines.slice(0, -1) as Item[], done: last, raw: text.trimEnd().split('\n').at(-1) ?? '' };
}

describe('Notion results the app cannot read', () => {
  let everything: Item[] = [];

  beforeAll(async () => {
    await notion.reset();
    everything = (await (await connected('notion')).json<Item[]>('/api/integrations/notion/items')).body;
    expect(everything.length).toBeGreaterThan(100);
  });

  beforeEach(() => notion.reset());

  it('without the fault, the done line is exactly {"done":{"count":N}}, with no skipped key', async () => {
    const { items, done, raw } = await loadNdjson(await connected('notion'), '/api/integrations/notion/items');
    expect(items).toHaveLength(everything.length);
    expect(raw).toBe(`{"done":{"count":${everything.length}}}`);
    expect(done.done).not.toHaveProperty('skipped');
  });

  it('with malformedSearchResults, leaves those results out and says how many in the done line', async () => {
    await notion.faults({ malformedSearchResults: MALFORMED });
    const { items, done, raw } = await loadNdjson(await connected('notion'), '/api/integrations/notion/items');
    expect(done).toEqual({ done: { count: everything.length - MALFORMED, skipped: MALFORMED } });
    expect(raw).toBe(`{"done":{"count":${everything.length - MALFORMED},"skipped":${MALFORMED}}}`);
    expect(items).toHaveLength(everything.length - MALFORMED);
    const loaded = new Set(items.map(key));
    const missing = everything.filter((item) => !loaded.has(key(item)));
    expect(missing.map((item) => item.type)).toEqual(Array(MALFORMED).fill('page'));
  });

  it('keeps the JSON array form a plain array of the items it could read', async () => {
    await notion.faults({ malformedSearchResults: MALFORMED });
    const { status, body } = await (await connected('notion')).json<Item[]>('/api/integrations/notion/items');
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(everything.length - MALFORMED);
  });

  it('GET /api/items adds the skipped records of every provider up', async () => {
    await sandbox('airtable').reset();
    await notion.faults({ malformedSearchResults: MALFORMED });
    const browser = await connected('airtable', 'notion');
    const airtable = (await browser.json<Item[]>('/api/integrations/airtable/items')).body;
    const { items, done } = await loadNdjson(browser, '/api/items');
    expect(done).toEqual({ done: { count: airtable.length + everything.length - MALFORMED, skipped: MALFORMED } });
    expect(items).toHaveLength(done.done.count);
  });
});

describe('Notion results the app cannot read, in loads shared across two instances', () => {
  let second: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    second = await startSiblingApp(extraPort(97));
  });
  afterAll(() => second?.stop());
  beforeEach(() => notion.reset());

  it('tells every reader of one shared traversal how many were left out, and logs the count', async () => {
    await notion.faults({ malformedSearchResults: MALFORMED, latencyMs: 40 });
    const browser = await connected('notion');
    // One load alone, on the second instance: what it costs, and what its log says.
    const alone = await loadNdjson(browser.at(second.url), '/api/integrations/notion/items');
    expect(alone.done.done.skipped).toBe(MALFORMED);
    const callsOfOne = (await notion.stats()).apiRequests;
    expect(second.log()).toContain(`Notion: ${MALFORMED} search result(s) were not a page or data source of the expected shape`);

    await notion.reset();
    await notion.faults({ malformedSearchResults: MALFORMED, latencyMs: 40 });
    // Latency keeps the loads overlapping, as double clicks and several tabs do.
    const loads = await Promise.all(
      Array.from({ length: 4 }, (_, i) => loadNdjson(i % 2 ? browser.at(second.url) : browser, '/api/integrations/notion/items')),
    );
    for (const { items, done } of loads) {
      expect(done).toEqual(alone.done);
      expect(items).toHaveLength(alone.items.length);
    }
    // Fewer calls than two loads' worth: the four shared one traversal, so the count came to them through the shared log.
    expect((await notion.stats()).apiRequests).toBeLessThan(callsOfOne * 2);
  });
});
