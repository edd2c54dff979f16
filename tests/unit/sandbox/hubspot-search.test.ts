import { afterEach, describe, expect, it } from 'vitest';
import { call, jsonOf } from './helpers';
import { hubspotConnect, hubspotGet } from './hubspot-helpers';

interface SearchPage {
  total: number;
  results: Array<{ id: string; properties: Record<string, string | null>; archived: boolean }>;
  paging?: { next: { after: string } };
}

const setFaults = (faults: unknown) => call('hubspot', '_faults', { json: faults });
const search = (token: string, type: string, body: unknown) =>
  call('hubspot', `crm/v3/objects/${type}/search`, { json: body, headers: { Authorization: `Bearer ${token}` } });
const idRange = (low: string | number, high: string | number) => ({ filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'BETWEEN', value: String(low), highValue: String(high) }] }] });

async function page(token: string, type: string, body: unknown): Promise<SearchPage> {
  const response = await search(token, type, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SearchPage;
}

describe('HubSpot emulator: CRM Search', { timeout: 30_000 }, () => {
  afterEach(async () => {
    await call('hubspot', '_faults', { method: 'DELETE' });
  });

  it('filters on hs_object_id with GTE/LTE/BETWEEN/EQ/IN, sorts by it, pages by after, and never returns archived records', async () => {
    await setFaults({ searchRateLimit: { requests: 1000, intervalMs: 1000 } });
    const { accessToken } = await hubspotConnect();
    const everything = await page(accessToken, 'contacts', { limit: 200, sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    expect(everything.total).toBeGreaterThanOrEqual(1500);
    expect(everything.results).toHaveLength(200);
    expect(everything.paging?.next.after).toBe('200');
    const ids = everything.results.map((r) => Number(r.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(everything.results.every((r) => !r.archived)).toBe(true);

    const [low, high] = [ids[10], ids[19]];
    const between = await page(accessToken, 'contacts', { ...idRange(low, high), limit: 200 });
    expect(between.results.map((r) => Number(r.id))).toEqual(ids.slice(10, 20));
    const gteLte = await page(accessToken, 'contacts', {
      filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GTE', value: low }, { propertyName: 'hs_object_id', operator: 'LTE', value: high }] }],
      limit: 200,
    });
    expect(gteLte.total).toBe(10);
    const eq = await page(accessToken, 'contacts', { filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: String(low) }] }] });
    expect(eq.results.map((r) => r.id)).toEqual([String(low)]);
    const inList = await page(accessToken, 'contacts', { filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'IN', values: [String(low), String(high)] }] }] });
    expect(inList.results.map((r) => Number(r.id))).toEqual([low, high]);
    const descending = await page(accessToken, 'contacts', { limit: 1, sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }] });
    expect(Number(descending.results[0].id)).toBeGreaterThan(ids.at(-1) as number);

    // Archived contacts exist in the list API but never in Search.
    const archivedList = (await jsonOf(await hubspotGet('crm/v3/objects/contacts?archived=true&limit=100', accessToken))) as unknown as SearchPage;
    const archivedId = archivedList.results[0].id;
    expect((await page(accessToken, 'contacts', { filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'EQ', value: archivedId }] }] })).total).toBe(0);
  });

  it('filters on lastmodifieddate (contacts) and hs_lastmodifieddate (deals) with epoch milliseconds, and sorts by them', async () => {
    const { accessToken } = await hubspotConnect();
    const since = Date.UTC(2026, 8, 1);
    const contacts = await page(accessToken, 'contacts', {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(since) }] }],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'DESCENDING' }],
      properties: ['firstname', 'lastmodifieddate'],
      limit: 200,
    });
    expect(contacts.total).toBeGreaterThan(0);
    const times = contacts.results.map((r) => Date.parse(r.properties.lastmodifieddate ?? ''));
    expect(times.every((time) => time >= since)).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const deals = await page(accessToken, 'deals', { filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'LT', value: String(since) }] }], limit: 5 });
    expect(deals.results.every((r) => Date.parse(r.properties.hs_lastmodifieddate ?? '') < since)).toBe(true);
  });

  it('answers 400 with HubSpot bodies for a limit over 200, paging past 10,000, a body over 3,000 characters, too many filters or sorts', async () => {
    await setFaults({ searchRateLimit: { requests: 1000, intervalMs: 1000 } });
    const { accessToken } = await hubspotConnect();
    const expect400 = async (body: unknown) => {
      const response = await search(accessToken, 'contacts', body);
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    };
    await expect400({ limit: 201 });
    await expect400({ limit: 10, after: '10000' });
    await expect400({ query: 'x'.repeat(3001) });
    const filter = { propertyName: 'hs_object_id', operator: 'GTE', value: '1' };
    await expect400({ filterGroups: [{ filters: Array(7).fill(filter) }] });
    await expect400({ filterGroups: Array(4).fill({ filters: Array(5).fill(filter) }) });
    await expect400({ filterGroups: Array(6).fill({ filters: [filter] }) });
    await expect400({ sorts: [{ propertyName: 'createdate' }, { propertyName: 'hs_object_id' }] });
  });

  it('stops at 10,000 results per query: the page that reaches it has no next link', async () => {
    await setFaults({ crmCounts: { contacts: 10_300, companies: 10, deals: 10 } });
    const { accessToken } = await hubspotConnect();
    const last = await page(accessToken, 'contacts', { limit: 200, after: '9900' });
    expect(last.total).toBeGreaterThan(10_000);
    expect(last.results).toHaveLength(100);
    expect(last.paging).toBeUndefined();
  });

  it('a test switch narrows the window (searchMaxResults), and queries matching more than it are counted', async () => {
    await setFaults({ searchMaxResults: 300, searchRateLimit: { requests: 1000, intervalMs: 1000 } });
    await call('hubspot', '_stats/reset', { method: 'POST' });
    const { accessToken } = await hubspotConnect();
    const last = await page(accessToken, 'contacts', { limit: 200, after: '200' });
    expect(last.total).toBeGreaterThan(300);
    expect(last.results).toHaveLength(100);
    expect(last.paging).toBeUndefined();
    expect((await search(accessToken, 'contacts', { limit: 10, after: '300' })).status).toBe(400);
    await page(accessToken, 'contacts', { limit: 1, ...idRange(1, 2) });
    expect(await jsonOf(await call('hubspot', '_stats'))).toMatchObject({ searchesOverWindow: 1 });
  });

  it('has its own 5 requests/s budget with HubSpot\'s secondly 429 body, apart from the list budget', async () => {
    const { accessToken } = await hubspotConnect();
    for (let i = 0; i < 5; i++) expect((await search(accessToken, 'companies', { limit: 1 })).status).toBe(200);
    const limited = await search(accessToken, 'companies', { limit: 1 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    expect(await jsonOf(limited)).toMatchObject({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
    const list = await hubspotGet('crm/v3/objects/companies?limit=1', accessToken);
    expect(list.status).toBe(200);
    expect(list.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
  });

  it('shows changes made through _crm to that portal only, and to Search after the index lag', async () => {
    const { accessToken, hubId } = await hubspotConnect();
    const other = await hubspotConnect();
    const first = (await page(accessToken, 'companies', { limit: 2 })).results;
    await setFaults({ searchIndexLagMs: 60_000 });
    const changed = await jsonOf(
      await call('hubspot', '_crm', {
        json: {
          portalId: String(hubId),
          update: [{ type: 'companies', id: first[0].id, properties: { name: 'Renamed Ltd' } }],
          create: [{ type: 'companies', properties: { name: 'Brand New Inc' } }],
          archive: [{ type: 'companies', id: first[1].id }],
        },
      }),
    );
    expect(changed).toMatchObject({ updated: 1, archived: 1 });
    const read = (id: string, token = accessToken) => hubspotGet(`crm/v3/objects/companies/${id}?properties=name`, token).then(jsonOf);
    expect(await read(first[0].id)).toMatchObject({ properties: { name: 'Renamed Ltd' } });
    expect((await read(first[0].id, other.accessToken)).properties).not.toMatchObject({ name: 'Renamed Ltd' });
    // Search still sees the old name, and not the new record, until the index catches up.
    const searched = await page(accessToken, 'companies', { ...idRange(first[0].id, first[0].id), properties: ['name'] });
    expect(searched.results[0].properties.name).not.toBe('Renamed Ltd');
    const createdId = (changed.created as Array<{ id: string }>)[0].id;
    expect((await page(accessToken, 'companies', idRange(createdId, createdId))).total).toBe(0);
    await setFaults({ searchIndexLagMs: 0 });
    const archived = (await jsonOf(await hubspotGet(`crm/v3/objects/companies/${first[1].id}?archived=true`, accessToken))) as { archived: boolean };
    expect(archived.archived).toBe(true);
  });
});
