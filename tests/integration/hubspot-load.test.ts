import { beforeEach, describe, expect, it } from 'vitest';
import { APP, type Item, readNdjson, sandbox, TestBrowser } from './helpers';

type Line = Item & { done?: { count: number }; error?: { code: string } };
const keyOf = (item: { type: string; id: string }) => `${item.type}:${item.id}`;
const hubspot = sandbox('hubspot');

async function connected(): Promise<{ browser: TestBrowser; portalId: string }> {
  const browser = new TestBrowser();
  expect((await browser.connect('hubspot')).status).toBe(200);
  return { browser, portalId: (await browser.integration('hubspot')).account?.id ?? '' };
}

async function changeCrm(changes: Record<string, unknown>): Promise<{ created: Array<{ id: string }>; updated: number; archived: number }> {
  const response = await fetch(`${APP}/sandbox/hubspot/_crm`, { method: 'POST', body: JSON.stringify(changes), headers: { 'content-type': 'application/json' } });
  expect(response.status).toBe(200);
  return response.json();
}

describe('HubSpot loading with list and search together', () => {
  beforeEach(() => hubspot.reset());

  it('delivers every record exactly once while records are created, renamed and archived during the load', async () => {
    await hubspot.faults({ crmCounts: { contacts: 6000, companies: 400, deals: 1200 } });
    const { browser, portalId } = await connected();
    const first = await browser.json<Item[]>('/api/integrations/hubspot/items');
    expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(200);
    const before = first.body;
    const contacts = before.filter((item) => item.type === 'contact' && item.visibility);
    const toArchive = contacts.filter((_, i) => i % 101 === 3).map((item) => item.id);
    const toRename = contacts.filter((_, i) => i % 89 === 5).map((item) => item.id);

    const response = await browser.fetch('/api/integrations/hubspot/items', { headers: { accept: 'application/x-ndjson' } });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    // The load waits for this reader (backpressure), so the changes land while it is under way.
    const { created } = await changeCrm({
      portalId,
      create: [{ type: 'contacts', properties: { firstname: 'Created', lastname: 'Meanwhile' } }],
      update: toRename.map((id) => ({ type: 'contacts', id, properties: { firstname: 'Renamed' } })),
      archive: toArchive.map((id) => ({ type: 'contacts', id })),
    });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value, { stream: true });
    const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
    expect(lines.at(-1)?.done?.count).toBe(lines.length - 1);
    const keys = lines.slice(0, -1).map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...before.map(keyOf), `contact:${created[0].id}`].sort());
  });

  it('walks search windows far larger than one query may page, each record once (keyset by id, never paging past the limit)', async () => {
    await hubspot.faults({ crmCounts: { contacts: 4000, companies: 300, deals: 800 } });
    const { browser } = await connected();
    const expected = (await browser.json<Item[]>('/api/integrations/hubspot/items')).body.map(keyOf).sort();
    // HubSpot stops one query at 10,000 results; here at 200 (one page), so every search range of
    // more than 200 records is such a window, and paging past it answers 400 (which would end the load).
    await hubspot.faults({ searchMaxResults: 200 });
    await hubspot.resetStats();
    const response = await browser.fetch('/api/integrations/hubspot/items', { headers: { accept: 'application/x-ndjson' } });
    const lines = (await readNdjson(response)) as Line[];
    expect(lines.at(-1)).toEqual({ done: { count: expected.length } });
    const keys = lines.slice(0, -1).map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(expected);
    // The loader did query ranges holding more than the window, and still delivered each record once.
    expect((await hubspot.stats()).searchesOverWindow).toBeGreaterThan(0);
  });

  it('reloads only what changed: 3 calls when nothing did, at most 6 for 65 changes, with their new names', async () => {
    const { browser, portalId } = await connected();
    const all = (await browser.json<Item[]>('/api/integrations/hubspot/items')).body.filter((item) => item.visibility);
    const since = new Date().toISOString();
    await hubspot.reset();
    const unchanged = await browser.json<Item[]>(`/api/integrations/hubspot/items?modified_since=${since}`);
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual([]);
    expect((await hubspot.stats()).apiRequests).toBeLessThanOrEqual(3);

    const pick = (type: string, n: number) => all.filter((item) => item.type === type).slice(20, 20 + n);
    const update = [
      ...pick('contact', 40).map((item) => ({ type: 'contacts', id: item.id, properties: { firstname: 'Changed', lastname: item.id } })),
      ...pick('company', 10).map((item) => ({ type: 'companies', id: item.id, properties: { name: `Changed company ${item.id}` } })),
      ...pick('deal', 15).map((item) => ({ type: 'deals', id: item.id, properties: { dealname: `Changed deal ${item.id}` } })),
    ];
    expect((await changeCrm({ portalId, update })).updated).toBe(65);
    await hubspot.reset();
    const response = await browser.fetch(`/api/integrations/hubspot/items?modified_since=${encodeURIComponent(since)}`, { headers: { accept: 'application/x-ndjson' } });
    const lines = (await readNdjson(response)) as Line[];
    expect(lines.at(-1)).toEqual({ done: { count: 65 } });
    const items = lines.slice(0, -1);
    expect(items.map(keyOf).sort()).toEqual(update.map((u) => `${u.type === 'contacts' ? 'contact' : u.type === 'companies' ? 'company' : 'deal'}:${u.id}`).sort());
    for (const item of items) expect(item.name).toMatch(/^Changed/);
    expect((await hubspot.stats()).apiRequests).toBeLessThanOrEqual(6);
    expect((await browser.json<Item[]>(`/api/items?modified_since=${encodeURIComponent(since)}`)).body).toHaveLength(65);
  });
});
