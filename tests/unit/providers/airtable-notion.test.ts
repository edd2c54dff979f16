import { describe, expect, it } from 'vitest';
import { integrationItemSchema } from '@/lib/items';
import { baseToItem, tableToItem } from '@/lib/providers/airtable';
import { titleOf, toIntegrationItem } from '@/lib/providers/notion';

const ctx = { link: (url: string | null | undefined) => url ?? null };

describe('Airtable mapping', () => {
  const base = { id: 'appABCDEFGHIJKLMN', name: 'Marketing 🚀', permissionLevel: 'create' };
  it('maps a base as a directory with its deep link', () => {
    const item = baseToItem(base, ctx);
    expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({ type: 'base', directory: true, name: 'Marketing 🚀', url: 'https://airtable.com/appABCDEFGHIJKLMN', provider: 'airtable' });
  });
  it('maps a table under its base', () => {
    const item = tableToItem({ id: 'tblX', name: 'Leads' }, base, ctx);
    expect(item).toMatchObject({ type: 'table', directory: false, parent_id: base.id, parent_path_or_name: 'Marketing 🚀', url: 'https://airtable.com/appABCDEFGHIJKLMN/tblX' });
    expect(tableToItem({ id: 'tblY', name: '' }, { ...base, name: '' }, ctx)).toMatchObject({ name: 'Table tblY', parent_path_or_name: `Base ${base.id}` });
  });
});

describe('Notion mapping', () => {
  const text = (content: string) => [{ plain_text: content }];
  const page = {
    object: 'page' as const,
    id: 'p1',
    created_time: '2024-05-01T00:00:00.000Z',
    last_edited_time: '2024-06-01T00:00:00.000Z',
    url: 'https://www.notion.so/Plan-p1',
    archived: false,
    in_trash: false,
    parent: { type: 'page_id', page_id: 'p0' },
    properties: { Name: { type: 'title', title: text('📅 Plan') }, Other: { type: 'rich_text' } },
  };

  it('reads the title property and resolves the parent name', () => {
    const item = toIntegrationItem(page, new Map([['p0', 'Home']]), ctx);
    expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({ type: 'page', name: '📅 Plan', parent_id: 'p0', parent_path_or_name: 'Home', directory: false, visibility: true });
  });

  it('falls back to Untitled, hides trashed items and marks databases as directories', () => {
    expect(titleOf({ ...page, properties: { title: { type: 'title', title: [] } } })).toBe('');
    expect(toIntegrationItem({ ...page, properties: {}, in_trash: true }, new Map(), ctx)).toMatchObject({ name: 'Untitled', visibility: false, parent_path_or_name: null });
    const database = { ...page, object: 'database' as const, title: text('Tasks'), properties: undefined, parent: { type: 'workspace' } };
    expect(toIntegrationItem(database, new Map(), ctx)).toMatchObject({ type: 'database', name: 'Tasks', directory: true, parent_id: null });
  });
});
