import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { integrationItemSchema } from '@/lib/contract';
import { airtable } from '@/lib/providers/airtable';
import type { ApiRequestInit, ListContext } from '@/lib/providers/types';

interface Call {
  path: string;
  init: ApiRequestInit;
}

const bases = [
  { id: 'appAAAAAAAAAAAAAA', name: 'Sales', permissionLevel: 'create' },
  { id: 'appBBBBBBBBBBBBBB', name: '', permissionLevel: 'read' },
  { id: 'appCCCCCCCCCCCCCC', name: 'Ops', permissionLevel: 'edit' },
];
const tables: Record<string, Array<{ id: string; name: string }>> = {
  appAAAAAAAAAAAAAA: [{ id: 'tblA1', name: 'Leads' }, { id: 'tblA2', name: 'Deals' }],
  appBBBBBBBBBBBBBB: [{ id: 'tblB1', name: 'Notes' }],
  appCCCCCCCCCCCCCC: [],
};

/** A fake Airtable behind the ProviderApi: bases in pages of two, each base's tables. */
function fakeContext(calls: Call[]): ListContext {
  return {
    account: { id: 'usr1', label: 'me', details: {} },
    link: (url) => url ?? null,
    signal: new AbortController().signal,
    reportSkipped: () => undefined,
    api: {
      async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
        calls.push({ path, init });
        if (path === '/v0/meta/bases') {
          const start = init.query?.offset ? Number(String(init.query.offset).slice(3)) : 0;
          const next = start + 2 < bases.length ? `itr${start + 2}` : undefined;
          return schema.parse({ bases: bases.slice(start, start + 2), offset: next });
        }
        const baseId = /^\/v0\/meta\/bases\/([^/]+)\/tables$/.exec(path)?.[1] ?? '';
        return schema.parse({ tables: tables[decodeURIComponent(baseId)] });
      },
    },
  };
}

describe('Airtable listItems', () => {
  it('follows the offset through every page and lists each base and table once, under its base', async () => {
    const calls: Call[] = [];
    const items = [];
    for await (const batch of airtable.listItems(fakeContext(calls))) items.push(...batch);
    for (const item of items) expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(items.map((item) => `${item.type}:${item.id}`).sort()).toEqual(
      ['base:appAAAAAAAAAAAAAA', 'base:appBBBBBBBBBBBBBB', 'base:appCCCCCCCCCCCCCC', 'table:tblA1', 'table:tblA2', 'table:tblB1'].sort(),
    );
    expect(items.find((item) => item.id === 'tblA2')).toMatchObject({ parent_id: 'appAAAAAAAAAAAAAA', parent_path_or_name: 'Sales', name: 'Deals' });
    expect(items.find((item) => item.id === 'tblB1')).toMatchObject({ parent_path_or_name: 'Base appBBBBBBBBBBBBBB' });
    expect(items.find((item) => item.id === 'appBBBBBBBBBBBBBB')).toMatchObject({ name: 'Base appBBBBBBBBBBBBBB', directory: true });

    const basePages = calls.filter((call) => call.path === '/v0/meta/bases');
    expect(basePages.map((call) => call.init.query?.offset)).toEqual([undefined, 'itr2']);
    // Every call is counted in a bucket: the base's own for its schema, the account's for the list.
    expect(basePages.every((call) => call.init.bucket === 'meta')).toBe(true);
    for (const call of calls.filter((entry) => entry.path.endsWith('/tables'))) {
      expect(call.path).toBe(`/v0/meta/bases/${call.init.bucket}/tables`);
    }
  });
});
