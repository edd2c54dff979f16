import { describe, expect, it } from 'vitest';
import { integrationItemSchema } from '@/lib/contract';
import { baseToItem, tableToItem } from '@/lib/providers/airtable';

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
