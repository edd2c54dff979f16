import { beforeEach, describe, expect, it } from 'vitest';
import { type Item, sandbox, TestBrowser } from './helpers';

/** Notion through the app: the 2025-09-03 data-source model end to end, and modified_since. */

const byKey = (items: Item[]) => new Map(items.map((item) => [`${item.type}:${item.id}`, item]));

describe('Notion items (Notion-Version 2025-09-03)', () => {
  let browser: TestBrowser;

  beforeEach(async () => {
    await sandbox('notion').reset();
    browser = new TestBrowser();
    expect((await browser.connect('notion')).status).toBe(200);
  });

  it('lists pages under their data source, data sources under their database, each database once', async () => {
    const { status, body: items } = await browser.json<Item[]>('/api/integrations/notion/items');
    expect(status).toBe(200);
    const all = byKey(items);
    expect(all.size).toBe(items.length);
    const databases = items.filter((item) => item.type === 'database');
    const sources = items.filter((item) => item.type === 'data_source');
    expect(databases).toHaveLength(30);
    expect(sources).toHaveLength(36);
    for (const source of sources) {
      const database = all.get(`database:${source.parent_id}`);
      expect(database, source.name).toBeDefined();
      expect(source).toMatchObject({ directory: true, parent_path_or_name: database?.name });
    }
    const rows = items.filter((item) => item.type === 'page' && all.has(`data_source:${item.parent_id}`));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.parent_path_or_name).toBe(all.get(`data_source:${row.parent_id}`)?.name);
    const ids = new Set(items.map((item) => item.id));
    expect(items.filter((item) => item.parent_path_or_name !== null && ids.has(item.parent_path_or_name))).toEqual([]);
    expect(items.every((item) => item.visibility)).toBe(true);
    // Search plus one read per database: 5 pages of search and 30 databases.
    expect((await sandbox('notion').stats()).apiRequests).toBe(35);
  });

  it('with modified_since, lists only what changed since, with the same parent names, in a few requests', async () => {
    const full = (await browser.json<Item[]>('/api/integrations/notion/items')).body;
    const times = full.map((item) => item.last_modified_time ?? '').sort().reverse();
    const since = times[24];
    await sandbox('notion').reset();
    const { status, body: changed } = await browser.json<Item[]>(`/api/integrations/notion/items?modified_since=${encodeURIComponent(since)}`);
    expect(status).toBe(200);
    const expected = full.filter((item) => (item.last_modified_time ?? '') >= since);
    expect([...byKey(changed).keys()].sort()).toEqual([...byKey(expected).keys()].sort());
    const fullByKey = byKey(full);
    for (const item of changed) expect(item.parent_path_or_name).toBe(fullByKey.get(`${item.type}:${item.id}`)?.parent_path_or_name);
    // One search page, then at most one read per changed item (a data source's database, or a parent outside the list).
    expect(changed.length).toBeLessThan(40);
    expect((await sandbox('notion').stats()).apiRequests).toBeLessThanOrEqual(1 + changed.length);
  });
});
