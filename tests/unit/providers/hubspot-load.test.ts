import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { IntegrationItem } from '@/lib/contract';
import { loadChanges } from '@/lib/providers/hubspot-crm/changes';
import { loadEverything } from '@/lib/providers/hubspot-crm/full-load';
import { searchRangeStep } from '@/lib/providers/hubspot-crm/requests';
import type { ApiRequestInit, ListContext, ProviderApi } from '@/lib/providers/types';
import { call, jsonOf } from '../sandbox/helpers';
import { hubspotConnect } from '../sandbox/hubspot-helpers';

/** A ProviderApi that calls the in-process HubSpot emulator and counts what it asked for. */
function sandboxApi(token: string) {
  const calls = { list: 0, search: 0 };
  const api: ProviderApi = {
    async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined) query.set(name, String(value));
      if (path.endsWith('/search')) calls.search++;
      else calls.list++;
      const response = await call('hubspot', `${path.slice(1)}${query.size ? `?${query}` : ''}`, {
        method: init.method ?? 'GET',
        json: init.json,
        headers: { Authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return schema.parse(await response.json());
    },
  };
  return { api, calls };
}

const budgets = { list: { requests: 100, intervalMs: 10_000 }, search: { requests: 5, intervalMs: 1_000 } };
// The adapter has no rate limiter (the app's is tested elsewhere): lift the emulator's limits.
const unlimited = { rateLimit: { requests: 100_000, intervalMs: 1000 }, searchRateLimit: { requests: 100_000, intervalMs: 1000 } };
const keyOf = (item: { type: string; id: string }) => `${item.type}:${item.id}`;

async function connect() {
  const { accessToken, hubId } = await hubspotConnect();
  const { api, calls } = sandboxApi(accessToken);
  const ctx: ListContext = {
    api,
    account: { id: String(hubId), label: 'p', details: { portalId: String(hubId), uiDomain: 'app.hubspot.com' } },
    link: (url) => url ?? null,
    signal: new AbortController().signal,
    reportSkipped: () => undefined,
  };
  return { ctx, calls, hubId: String(hubId), token: accessToken };
}

/** Every record the portal has, by walking the list API plainly (active and archived). */
async function truth(token: string): Promise<Map<string, { archived: boolean; name: string | null }>> {
  const all = new Map<string, { archived: boolean; name: string | null }>();
  for (const [type, path] of [['contact', 'contacts'], ['company', 'companies'], ['deal', 'deals']]) {
    for (const archived of [false, true]) {
      for (let after = ''; ; ) {
        const page = (await jsonOf(
          await call('hubspot', `crm/v3/objects/${path}?limit=100&archived=${archived}&properties=name,dealname,firstname${after ? `&after=${after}` : ''}`, {
            headers: { Authorization: `Bearer ${token}` },
          }),
        )) as { results: Array<{ id: string; properties: Record<string, string | null> }>; paging?: { next: { after: string } } };
        for (const r of page.results) all.set(`${type}:${r.id}`, { archived, name: r.properties.name ?? r.properties.dealname ?? null });
        if (!page.paging) break;
        after = page.paging.next.after;
      }
    }
  }
  return all;
}

async function collect(pages: AsyncIterable<IntegrationItem[]>, during?: (count: number) => Promise<void>): Promise<IntegrationItem[]> {
  const items: IntegrationItem[] = [];
  for await (const page of pages) {
    items.push(...page);
    await during?.(items.length);
  }
  return items;
}

describe('HubSpot loader against the emulator', { timeout: 60_000 }, () => {
  afterEach(async () => {
    await call('hubspot', '_faults', { method: 'DELETE' });
  });

  it('delivers every record, active and archived, exactly once, with list and search together', async () => {
    await call('hubspot', '_faults', { json: { crmCounts: { contacts: 4000, companies: 700, deals: 1500 }, ...unlimited } });
    const { ctx, calls, token } = await connect();
    const items = await collect(loadEverything(ctx, budgets));
    const expected = await truth(token);
    const keys = items.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...expected.keys()].sort());
    for (const item of items) expect(item.visibility).toBe(!expected.get(keyOf(item))?.archived);
    expect(calls.search).toBeGreaterThan(3);
    expect(calls.list).toBeGreaterThan(3);
    // Companies come first, so every parent has its real name.
    const companies = new Map(items.filter((i) => i.type === 'company').map((i) => [i.id, i.name]));
    const children = items.filter((i) => i.parent_id);
    expect(children.length).toBeGreaterThan(1000);
    for (const child of children) expect(child.parent_path_or_name).toBe(companies.get(child.parent_id as string) ?? `Company ${child.parent_id}`);
  });

  it('stays exactly-once when records are created, renamed and archived during the load', async () => {
    await call('hubspot', '_faults', { json: { crmCounts: { contacts: 3000, companies: 300, deals: 600 }, ...unlimited } });
    const { ctx, hubId, token } = await connect();
    const before = await truth(token);
    const activeContacts = [...before].filter(([key, v]) => key.startsWith('contact:') && !v.archived).map(([key]) => key.slice(8));
    const toArchive = activeContacts.filter((_, i) => i % 97 === 5);
    const toRename = activeContacts.filter((_, i) => i % 89 === 7);
    let created: string[] = [];
    const items = await collect(loadEverything(ctx, budgets), async (count) => {
      if (created.length || count === 0) return;
      const answer = await jsonOf(
        await call('hubspot', '_crm', {
          json: {
            portalId: hubId,
            create: [{ type: 'contacts', properties: { firstname: 'New', lastname: 'Person' } }],
            update: toRename.map((id) => ({ type: 'contacts', id, properties: { firstname: 'Renamed' } })),
            archive: toArchive.map((id) => ({ type: 'contacts', id })),
          },
        }),
      );
      created = (answer.created as Array<{ id: string }>).map((c) => `contact:${c.id}`);
    });
    const all = items.map(keyOf);
    // Only a record archived during the load may come twice (active, then archived); loadItems keeps the first.
    const repeated = all.filter((key, i) => all.indexOf(key) !== i);
    for (const key of repeated) expect(toArchive).toContain(key.slice(8));
    const keys = [...new Set(all)];
    // Everything that existed at the start is there, whatever happened to it meanwhile.
    for (const key of before.keys()) expect(keys).toContain(key);
    expect(created).toHaveLength(1);
    // A record created during the load has an id above the old top: the open range at the top catches it.
    expect(keys).toContain(created[0]);
    expect(keys.length).toBe(before.size + 1);
  });

  it('walks a search window of more than 10,000 records by moving the id filter, never paging past 10,000', async () => {
    await call('hubspot', '_faults', { json: { crmCounts: { contacts: 10_500, companies: 10, deals: 10 }, searchRateLimit: { requests: 10_000, intervalMs: 1000 } } });
    const { ctx } = await connect();
    const ids = new Set<string>();
    let steps = 0;
    for (let cursor = 0, exhausted = false; !exhausted; steps++) {
      const step = await searchRangeStep(ctx.api, 'contact', cursor, Infinity);
      for (const object of step.objects) {
        expect(ids.has(object.id)).toBe(false);
        ids.add(object.id);
      }
      ({ nextCursor: cursor, exhausted } = step);
    }
    expect(ids.size).toBe(10_500);
    expect(steps).toBe(Math.ceil(10_500 / 200));
  });

  it('reloads only what changed: an unchanged account costs 3 calls; 65 changes cost at most 6 and bring the new names', async () => {
    const { ctx, calls, hubId, token } = await connect();
    const since = new Date();
    expect(await collect(loadChanges(ctx, since))).toEqual([]);
    expect(calls.search + calls.list).toBeLessThanOrEqual(3);

    const all = [...(await truth(token))].filter(([, v]) => !v.archived).map(([key]) => key.split(':') as [string, string]);
    const pick = (type: string, n: number) => all.filter(([t]) => t === type).slice(10, 10 + n).map(([, id]) => id);
    const update = [
      ...pick('contact', 40).map((id) => ({ type: 'contacts', id, properties: { firstname: 'Changed', lastname: id } })),
      ...pick('company', 10).map((id) => ({ type: 'companies', id, properties: { name: `Changed company ${id}` } })),
      ...pick('deal', 15).map((id) => ({ type: 'deals', id, properties: { dealname: `Changed deal ${id}` } })),
    ];
    await call('hubspot', '_crm', { json: { portalId: hubId, update } });
    await call('hubspot', '_faults', { json: { searchRateLimit: { requests: 1000, intervalMs: 1000 } } });
    calls.search = calls.list = 0;
    const changed = await collect(loadChanges(ctx, since));
    expect(changed).toHaveLength(65);
    expect(calls.search + calls.list).toBeLessThanOrEqual(6);
    for (const item of changed) expect(item.name).toMatch(/^Changed/);
    expect(changed.filter((i) => i.parent_id).every((i) => i.parent_path_or_name && !i.parent_path_or_name.startsWith('Company '))).toBe(true);
  });
});
