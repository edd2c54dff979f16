import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ProviderError } from '@/lib/shared/errors';
import { integrationItemSchema, type IntegrationItem } from '@/lib/contract';
import { notion, NOTION_VERSION } from '@/lib/providers/notion';
import { toEntry, toIntegrationItem } from '@/lib/providers/notion-objects';
import type { ApiRequestInit, ListContext } from '@/lib/providers/types';

/** A Notion workspace in the 2025-09-03 shapes, served by a fake API that records every call. */

const text = (content: string) => (content ? [{ type: 'text', plain_text: content }] : []);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute)).toISOString();

function page(id: string, title: string, edited: number, parent: Record<string, unknown>, extra: object = {}) {
  return {
    object: 'page',
    id,
    created_time: at(0),
    last_edited_time: at(edited),
    url: `https://www.notion.so/${id}`,
    in_trash: false,
    archived: false,
    parent,
    properties: { Status: { type: 'select' }, Name: { type: 'title', title: text(title) } },
    ...extra,
  };
}
const inSource = (source: string) => ({ type: 'data_source_id', data_source_id: source, database_id: 'db-1' });
const underPage = (id: string) => ({ type: 'page_id', page_id: id });
const container = (id: string, title: string, edited: number, extra: object = {}) => ({
  id,
  created_time: at(0),
  last_edited_time: at(edited),
  url: `https://www.notion.so/${id}`,
  in_trash: false,
  title: text(title),
  ...extra,
});

const SEARCH = [
  page('row-1', 'Write the spec', 59, inSource('ds-1')),
  page('row-2', 'Old ticket', 58, inSource('ds-2')),
  { object: 'data_source', ...container('ds-1', 'Sprint tasks', 50, { parent: { type: 'database_id', database_id: 'db-1' } }) },
  { object: 'data_source', ...container('ds-2', 'Archive', 45, { parent: { type: 'database_id', database_id: 'db-1' } }) },
  page('orphan', 'Shared alone', 40, underPage('not-shared')),
  page('child-of-trash', 'Rescued', 35, underPage('trashed-page')),
  page('restricted-child', 'Behind a wall', 33, underPage('restricted')),
  page('in-block', 'Column item', 30, { type: 'block_id', block_id: 'block-9' }),
  page('trashed-page', 'Binned', 28, { type: 'workspace', workspace: true }, { in_trash: true, archived: true }),
  { object: 'page', last_edited_time: at(27) },
  { object: 'database', ...container('legacy-db', 'Old shape', 26, { parent: { type: 'workspace', workspace: true } }) },
  page('home', 'Home', 20, { type: 'workspace', workspace: true }),
  page('untitled', '', 10, underPage('home')),
];
const OBJECTS: Record<string, unknown> = {
  '/v1/databases/db-1': { object: 'database', ...container('db-1', 'Tasks', 55, { parent: underPage('home'), data_sources: [] }) },
  '/v1/pages/trashed-page': SEARCH.find((result) => 'id' in result && result.id === 'trashed-page'),
  '/v1/data_sources/ds-2': SEARCH.find((result) => 'id' in result && result.id === 'ds-2'),
};

function fakeApi(pageSize = 3) {
  const calls: Array<{ path: string; init: ApiRequestInit }> = [];
  const api = {
    async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
      calls.push({ path, init });
      if (path === '/v1/search') {
        const body = init.json as { start_cursor?: string };
        const start = body.start_cursor ? Number(body.start_cursor) : 0;
        const end = start + pageSize;
        const more = end < SEARCH.length;
        return schema.parse({ object: 'list', results: SEARCH.slice(start, end), next_cursor: more ? String(end) : null, has_more: more });
      }
      if (path === '/v1/pages/restricted') throw new ProviderError('Notion', 'Insufficient permissions (HTTP 403).', 403);
      if (!(path in OBJECTS)) throw new ProviderError('Notion', 'Could not find the object (HTTP 404).', 404);
      return schema.parse(OBJECTS[path]);
    },
  };
  return { api, calls };
}

async function listAll(modifiedSince?: Date) {
  const { api, calls } = fakeApi();
  const skipped: number[] = [];
  const ctx: ListContext = {
    api,
    account: { id: 'bot', label: 'Workspace', details: {} },
    link: (url) => url ?? null,
    signal: new AbortController().signal,
    modifiedSince,
    reportSkipped: (count) => skipped.push(count),
  };
  const items: IntegrationItem[] = [];
  for await (const batch of notion.listItems(ctx)) items.push(...batch);
  return { items, calls, skipped, byId: new Map(items.map((item) => [item.id, item])) };
}

afterEach(() => vi.restoreAllMocks());

describe('Notion listItems (Notion-Version 2025-09-03)', () => {
  it('sends 2025-09-03 on every call and declares page, data_source and database', () => {
    expect(NOTION_VERSION).toBe('2025-09-03');
    expect(notion.api.headers['Notion-Version']).toBe('2025-09-03');
    expect(notion.itemTypes).toEqual(['page', 'data_source', 'database']);
  });

  it('lists pages, data sources and their database once each, with resolved parent names', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { items, calls, skipped, byId } = await listAll();
    for (const item of items) expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(new Set(items.map((item) => `${item.type}:${item.id}`)).size).toBe(items.length);
    expect(items.map((item) => item.type).sort()).toEqual(['data_source', 'data_source', 'database', ...Array(8).fill('page')]);

    expect(byId.get('row-1')).toMatchObject({ type: 'page', name: 'Write the spec', parent_id: 'ds-1', parent_path_or_name: 'Sprint tasks', directory: false });
    expect(byId.get('row-2')).toMatchObject({ parent_id: 'ds-2', parent_path_or_name: 'Archive' });
    expect(byId.get('ds-1')).toMatchObject({ type: 'data_source', name: 'Sprint tasks', parent_id: 'db-1', parent_path_or_name: 'Tasks', directory: true });
    expect(byId.get('db-1')).toMatchObject({
      type: 'database',
      name: 'Tasks',
      parent_id: 'home',
      parent_path_or_name: 'Home',
      directory: true,
      url: 'https://www.notion.so/db-1',
      last_modified_time: at(55),
    });
    expect(byId.get('untitled')).toMatchObject({ name: 'Untitled', parent_path_or_name: 'Home' });
    expect(byId.get('home')).toMatchObject({ parent_id: null, parent_path_or_name: null, visibility: true });

    // Parents outside the listing: read by id (a trashed page still has a name), or no name at all.
    expect(byId.get('child-of-trash')).toMatchObject({ parent_id: 'trashed-page', parent_path_or_name: 'Binned' });
    expect(byId.get('orphan')).toMatchObject({ parent_id: 'not-shared', parent_path_or_name: null });
    expect(byId.get('restricted-child')).toMatchObject({ parent_id: 'restricted', parent_path_or_name: null });
    expect(byId.get('in-block')).toMatchObject({ parent_id: 'block-9', parent_path_or_name: null });
    const ids = new Set(items.map((item) => item.id));
    expect(items.filter((item) => item.parent_path_or_name && ids.has(item.parent_path_or_name))).toEqual([]);

    expect(byId.has('trashed-page')).toBe(false);
    expect(byId.has('legacy-db')).toBe(false);
    expect(calls.filter((call) => call.path === '/v1/databases/db-1')).toHaveLength(1);
    const searches = calls.filter((call) => call.path === '/v1/search');
    expect(searches).toHaveLength(5);
    expect(searches[0].init.json).toEqual({ page_size: 100, sort: { timestamp: 'last_edited_time', direction: 'descending' } });
    expect(searches[1].init.json).toMatchObject({ start_cursor: '3' });

    // The two results of the wrong shape are not dropped silently: the load's outcome counts them
    // (reported with the page of search they came in), and the log says how many, and nothing about them.
    expect(skipped).toEqual([2]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/Notion: 2 search result\(s\)/);
    expect(String(warn.mock.calls[0][0])).not.toMatch(/legacy-db|Old shape/);
  });

  it('with modifiedSince, stops at the first older result and keeps edits in the same minute', async () => {
    const since = new Date(Date.parse(at(45)) + 30_000);
    const { items, calls, skipped, byId } = await listAll(since);
    expect([...byId.keys()].sort()).toEqual(['db-1', 'ds-1', 'ds-2', 'row-1', 'row-2']);
    // Nothing unreadable came before the cut-off, so nothing counts as skipped.
    expect(skipped).toEqual([]);
    expect(calls.filter((call) => call.path === '/v1/search')).toHaveLength(2);
    expect(items.every((item) => Date.parse(item.last_modified_time ?? '') >= Date.parse(at(45)))).toBe(true);
    expect(byId.get('row-2')).toMatchObject({ parent_path_or_name: 'Archive' });
  });

  it('names an unchanged parent by reading it, and leaves an unchanged database out', async () => {
    const { calls, byId } = await listAll(new Date(at(57)));
    expect([...byId.keys()].sort()).toEqual(['row-1', 'row-2']);
    expect(byId.get('row-2')).toMatchObject({ parent_id: 'ds-2', parent_path_or_name: 'Archive' });
    expect(calls.map((call) => call.path)).toEqual(['/v1/search', '/v1/data_sources/ds-1', '/v1/data_sources/ds-2']);
    expect(byId.get('row-1')).toMatchObject({ parent_path_or_name: null });
  });

  it('maps one object without a title to Untitled and a trashed one as not visible', () => {
    const entry = toEntry({ object: 'data_source', id: 'x', title: [], in_trash: true, parent: { type: 'database_id', database_id: 'd' } });
    expect(toIntegrationItem(entry, 'Tasks', { link: () => null })).toMatchObject({
      type: 'data_source',
      name: 'Untitled',
      visibility: false,
      directory: true,
      parent_id: 'd',
      parent_path_or_name: 'Tasks',
    });
  });
});
