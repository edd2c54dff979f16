import { beforeAll, describe, expect, it } from 'vitest';
import { call, jsonOf } from './helpers';
import { notionApi, notionConnect } from './notion-helpers';

/** Notion-Version 2025-09-03: databases are containers of data sources; search lists pages and data sources. */

const V2025 = '2025-09-03';

type NotionObject = Record<string, unknown> & { id: string; object: string; in_trash: boolean; parent: Record<string, string> };
interface SearchPage {
  results: NotionObject[];
  next_cursor: string | null;
  has_more: boolean;
  type: string;
}

let token = '';

async function searchAll(body: Record<string, unknown> = {}, version = V2025): Promise<NotionObject[]> {
  const all: NotionObject[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const response = await notionApi('v1/search', token, { page_size: 100, ...body, ...(cursor ? { start_cursor: cursor } : {}) }, version);
    expect(response.status).toBe(200);
    const page = (await response.json()) as SearchPage;
    expect(page.type).toBe(version === V2025 ? 'page_or_data_source' : 'page_or_database');
    all.push(...page.results);
    if (!page.has_more) return all;
    cursor = page.next_cursor;
  }
  throw new Error('search did not end');
}

beforeAll(async () => {
  await call('notion', '_faults', { method: 'DELETE' });
  await call('notion', '_faults', { json: { rateLimit: { requests: 1000, intervalMs: 1000 } } });
  token = String((await notionConnect()).access_token);
});

describe('Notion emulator: Notion-Version 2025-09-03', () => {
  it('searches pages and data sources (36 for 30 databases), rows naming their data source and database, trashed ones left out', async () => {
    const all = await searchAll();
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    const pages = all.filter((item) => item.object === 'page');
    const sources = all.filter((item) => item.object === 'data_source');
    expect(all.filter((item) => item.object === 'database')).toHaveLength(0);
    expect(sources).toHaveLength(36);
    expect(all.every((item) => !item.in_trash)).toBe(true);
    const legacy = await searchAll({}, '2022-06-28');
    expect(pages).toHaveLength(legacy.filter((item) => item.object === 'page').length);

    const sourceIds = new Set(sources.map((source) => source.id));
    const databaseIds = new Set(legacy.filter((item) => item.object === 'database').map((item) => item.id));
    const perDatabase = new Map<string, number>();
    for (const source of sources) {
      expect(source.parent.type).toBe('database_id');
      expect(databaseIds.has(source.parent.database_id)).toBe(true);
      expect(source).toHaveProperty('database_parent');
      expect(source).toHaveProperty('properties');
      perDatabase.set(source.parent.database_id, (perDatabase.get(source.parent.database_id) ?? 0) + 1);
    }
    expect(perDatabase.size).toBe(30);
    expect([...perDatabase.values()].filter((count) => count === 2)).toHaveLength(6);

    const rows = pages.filter((page) => page.parent.type === 'data_source_id');
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(sourceIds.has(row.parent.data_source_id)).toBe(true);
      expect(databaseIds.has(row.parent.database_id)).toBe(true);
    }
    expect(pages.some((page) => page.parent.type === 'database_id')).toBe(false);
  });

  it('filters on page or data_source (database is a 2022-06-28 value) and finds trashed pages only when asked', async () => {
    expect((await searchAll({ filter: { property: 'object', value: 'data_source' } })).every((item) => item.object === 'data_source')).toBe(true);
    const database = await notionApi('v1/search', token, { filter: { property: 'object', value: 'database' } }, V2025);
    expect(database.status).toBe(400);
    expect(await jsonOf(database)).toMatchObject({ object: 'error', status: 400, code: 'validation_error' });
    const legacySource = await notionApi('v1/search', token, { filter: { property: 'object', value: 'data_source' } }, '2022-06-28');
    expect(legacySource.status).toBe(400);
    const trashed = await searchAll({ filter: { in_trash: true } });
    expect(trashed.length).toBeGreaterThan(0);
    expect(trashed.every((item) => item.in_trash && item.object === 'page')).toBe(true);
  });

  it('sorts by last_edited_time both ways and pages with start_cursor', async () => {
    const sort = (direction: string) => ({ sort: { timestamp: 'last_edited_time', direction } });
    const descending = await searchAll(sort('descending'));
    const times = descending.map((item) => String(item.last_edited_time));
    expect([...times].sort().reverse()).toEqual(times);
    const first = (await (await notionApi('v1/search', token, { page_size: 7, ...sort('ascending') }, V2025)).json()) as SearchPage;
    expect(first.results.map((item) => item.id)).toEqual(descending.slice(-7).reverse().map((item) => item.id));
    expect(first.has_more).toBe(true);
  });

  it('retrieves a database as a container of data sources, and each data source', async () => {
    const sources = await searchAll({ filter: { property: 'object', value: 'data_source' } });
    const siblings = (source: NotionObject) => sources.filter((other) => other.parent.database_id === source.parent.database_id).length;
    const twoSourceDatabase = sources.find((source) => siblings(source) === 2);
    const databaseId = String(twoSourceDatabase?.parent.database_id);
    const database = await jsonOf(await notionApi(`v1/databases/${databaseId}`, token, undefined, V2025));
    expect(database).toMatchObject({ object: 'database', id: databaseId, in_trash: false, is_locked: false });
    expect(database).not.toHaveProperty('properties');
    const listed = database.data_sources as Array<{ id: string; name: string }>;
    expect(listed).toHaveLength(2);
    for (const entry of listed) {
      const source = await jsonOf(await notionApi(`v1/data_sources/${entry.id.replace(/-/g, '')}`, token, undefined, V2025));
      expect(source).toMatchObject({ object: 'data_source', id: entry.id, parent: { type: 'database_id', database_id: databaseId } });
      expect((source.title as Array<{ plain_text: string }>).map((part) => part.plain_text).join('')).toBe(entry.name);
    }
    const legacy = await notionApi(`v1/databases/${databaseId}`, token, undefined, '2022-06-28');
    expect(legacy.status).toBe(400);
    expect(await jsonOf(legacy)).toMatchObject({ code: 'validation_error' });
    const oneSource = sources.find((source) => siblings(source) === 1);
    const legacyOne = await jsonOf(await notionApi(`v1/databases/${oneSource?.parent.database_id}`, token, undefined, '2022-06-28'));
    expect(legacyOne).toHaveProperty('properties');
    expect(legacyOne).not.toHaveProperty('data_sources');
    expect(await jsonOf(await notionApi(`v1/data_sources/${listed[0].id}`, token, undefined, '2022-06-28'))).toMatchObject({ code: 'invalid_request_url' });
    const viewerPath = (url: unknown) => `ui${new URL(String(url)).pathname}`;
    const sourceView = await call('notion', viewerPath(sources.find((source) => source.id === listed[1].id)?.url));
    expect(sourceView.status).toBe(200);
    expect(await sourceView.text()).toContain('Rows');
    const databaseView = await call('notion', viewerPath(database.url));
    expect(await databaseView.text()).toContain(listed[1].name.replace(/&/g, '&amp;'));
    const missing = await notionApi(`v1/data_sources/${databaseId}`, token, undefined, V2025);
    expect(missing.status).toBe(404);
    expect(await jsonOf(missing)).toMatchObject({ object: 'error', code: 'object_not_found' });
  });

  it('with the malformedSearchResults fault, takes the id off the first N pages of the search order, and only off them', async () => {
    const clean = await searchAll();
    expect(clean.every((item) => typeof item.id === 'string')).toBe(true);
    await call('notion', '_faults', { json: { malformedSearchResults: 4, pageSize: 50 } });
    try {
      expect(await jsonOf(await call('notion', '_faults'))).toMatchObject({ faults: { malformedSearchResults: 4 } });
      const faulty = await searchAll();
      expect(faulty).toHaveLength(clean.length);
      const idless = faulty.flatMap((item, index) => (item.id === undefined ? [index] : []));
      expect(idless).toHaveLength(4);
      const firstPages = clean.flatMap((item, index) => (item.object === 'page' ? [index] : [])).slice(0, 4);
      expect(idless).toEqual(firstPages);
      for (const index of idless) expect(faulty[index]).toEqual(Object.fromEntries(Object.entries(clean[index]).filter(([key]) => key !== 'id')));
    } finally {
      await call('notion', '_faults', { json: { malformedSearchResults: 0, pageSize: 100 } });
    }
    expect((await searchAll()).every((item) => typeof item.id === 'string')).toBe(true);
  });

  it('answers an unknown version with validation_error, a missing one with missing_version, and drops `archived` from 2026-03-11', async () => {
    for (const version of ['2024-01-01', 'latest']) {
      const response = await notionApi('v1/users/me', token, undefined, version);
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ object: 'error', status: 400, code: 'validation_error' });
    }
    const missing = await notionApi('v1/users/me', token, undefined, null);
    expect(await jsonOf(missing)).toMatchObject({ object: 'error', status: 400, code: 'missing_version' });
    const newest = (await (await notionApi('v1/search', token, { page_size: 3 }, '2026-03-11')).json()) as SearchPage;
    expect(newest.results[0]).not.toHaveProperty('archived');
    expect(newest.results[0]).toHaveProperty('in_trash');
  });
});
