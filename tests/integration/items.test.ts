import { beforeEach, describe, expect, it } from 'vitest';
import { getProvider } from '@/lib/providers';
import { APP, type Item, readNdjson, sandbox, TestBrowser } from './helpers';

const EXPECTED_MINIMUM: Record<string, Record<string, number>> = {
  hubspot: { contact: 1500, company: 300, deal: 600 },
  airtable: { base: 20, table: 40 },
  notion: { page: 350, data_source: 33, database: 27 },
};

const ITEM_FIELDS = ['children', 'creation_time', 'delta', 'directory', 'drive_id', 'id', 'last_modified_time', 'mime_type', 'name', 'parent_id', 'parent_path_or_name', 'provider', 'type', 'url', 'visibility'];

function countByType(items: Item[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.type] = (counts[item.type] ?? 0) + 1;
  return counts;
}

async function connected(providerId: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  expect((await browser.connect(providerId)).status).toBe(200);
  return browser;
}

describe.each(Object.keys(EXPECTED_MINIMUM))('%s items', (providerId) => {
  beforeEach(() => sandbox(providerId).reset());

  it('answers 401 not_connected before Connect', async () => {
    const { status, body } = await new TestBrowser().json<{ error: { code: string; message: string } }>(`/api/integrations/${providerId}/items`);
    expect(status).toBe(401);
    expect(body.error.code).toBe('not_connected');
    expect(body.error.message).toMatch(/Connect/);
  });

  it('loads every item as a JSON array that fits the contract', async () => {
    const browser = await connected(providerId);
    const { status, body: items, response } = await browser.json<Item[]>(`/api/integrations/${providerId}/items`);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const counts = countByType(items);
    expect(Object.keys(counts).sort()).toEqual([...getProvider(providerId).itemTypes].sort());
    for (const [type, minimum] of Object.entries(EXPECTED_MINIMUM[providerId])) expect(counts[type], type).toBeGreaterThanOrEqual(minimum);
    expect(new Set(items.map((item) => `${item.provider}:${item.type}:${item.id}`)).size).toBe(items.length);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_FIELDS);
      expect(item.provider).toBe(providerId);
      expect(item.name.trim().length).toBeGreaterThan(0);
      if (item.url) expect(item.url.startsWith('https://') || item.url.startsWith(`${APP}/sandbox/${providerId}/ui/`)).toBe(true);
      for (const time of [item.creation_time, item.last_modified_time]) if (time) expect(new Date(time).toISOString()).toBe(time);
    }
    // Every parent is named after the parent item itself (never a raw id or a fallback), for every child.
    const namesById = new Map<string, string[]>();
    for (const item of items) namesById.set(item.id, [...(namesById.get(item.id) ?? []), item.name]);
    const children = items.filter((item) => item.parent_id);
    expect(children.length).toBeGreaterThan(items.length / 4);
    const misnamed = children.filter((item) => !namesById.get(item.parent_id!)?.includes(item.parent_path_or_name ?? ''));
    expect(misnamed.map((item) => `${item.type} ${item.id}: ${item.parent_path_or_name} (parent ${item.parent_id})`)).toEqual([]);
  });

  it('streams the same items as NDJSON', async () => {
    const browser = await connected(providerId);
    const array = (await browser.json<Item[]>(`/api/integrations/${providerId}/items`)).body;
    const response = await browser.fetch(`/api/integrations/${providerId}/items`, { headers: { accept: 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await readNdjson(response)) as Item[];
    expect(lines.some((line) => 'error' in line)).toBe(false);
    // The last line says the list is complete, and how many items it had.
    expect(lines.at(-1)).toEqual({ done: { count: array.length } });
    const key = (item: Item) => `${item.type}:${item.id}`;
    expect(lines.slice(0, -1).map(key).sort()).toEqual(array.map(key).sort());
  });

  it('rides out 429s and 5xx answers', async () => {
    const browser = await connected(providerId);
    const expected = (await browser.json<Item[]>(`/api/integrations/${providerId}/items`)).body.length;
    await sandbox(providerId).reset();
    await sandbox(providerId).faults({ fail: [{ status: 429, count: 1 }, { status: 503, count: 2 }, { status: 500, count: 1 }] });
    const { status, body } = await browser.json<Item[]>(`/api/integrations/${providerId}/items`);
    expect(status).toBe(200);
    expect(body.length).toBe(expected);
    expect((await sandbox(providerId).stats()).rateLimited).toBeGreaterThanOrEqual(1);
  });

  it('refreshes an expired access token exactly once, even for concurrent loads', async () => {
    const browser = await connected(providerId);
    const before = await browser.integration(providerId);
    await sandbox(providerId).reset();
    await sandbox(providerId).faults({ expireAccessTokens: true });
    const answers = await Promise.all(Array.from({ length: 3 }, () => browser.json<Item[]>(`/api/integrations/${providerId}/items`)));
    for (const answer of answers) expect(answer.status).toBe(200);
    expect((await sandbox(providerId).stats()).tokenRequests.refresh_token).toBe(1);
    expect(await browser.integration(providerId)).toMatchObject({ connected: true, account: before.account });
    // The rotated tokens were stored: a later load works without another refresh.
    expect((await browser.json<Item[]>(`/api/integrations/${providerId}/items`)).status).toBe(200);
    expect((await sandbox(providerId).stats()).tokenRequests.refresh_token).toBe(1);
  });

  it('refreshes before expiry, without waiting for the provider to reject the token', async () => {
    // Tokens that live 2 minutes are inside the 5-minute refresh margin from the start.
    await sandbox(providerId).faults({ accessTokenTtlSeconds: 120 });
    const browser = await connected(providerId);
    await sandbox(providerId).reset();
    const { status } = await browser.json(`/api/integrations/${providerId}/items`);
    expect(status).toBe(200);
    const stats = await sandbox(providerId).stats();
    expect(stats.tokenRequests.refresh_token).toBe(1);
  });

  it('stays within a tight rate limit by waiting, and still returns everything', async () => {
    const browser = await connected(providerId);
    const expected = (await browser.json<Item[]>(`/api/integrations/${providerId}/items`)).body.length;
    await sandbox(providerId).reset();
    await sandbox(providerId).faults({ rateLimit: { requests: 4, intervalMs: 1000 } });
    const { status, body } = await browser.json<Item[]>(`/api/integrations/${providerId}/items`);
    expect(status).toBe(200);
    expect(body.length).toBe(expected);
  });

  it('keeps one session from seeing another session\'s connection', async () => {
    await connected(providerId);
    const stranger = new TestBrowser();
    expect((await stranger.json(`/api/integrations/${providerId}/items`)).status).toBe(401);
    expect((await stranger.integration(providerId)).connected).toBe(false);
  });
});

describe('provider failures', () => {
  beforeEach(() => sandbox('hubspot').reset());

  it('gives up on a provider that keeps failing with a 502 provider_error, never a 500', async () => {
    const browser = await connected('hubspot');
    await sandbox('hubspot').faults({ fail: [{ status: 503, count: 50 }] });
    const { status, body } = await browser.json<{ error: { code: string; message: string } }>('/api/integrations/hubspot/items');
    expect(status).toBe(502);
    expect(body.error.code).toBe('provider_error');
    expect(body.error.message).toMatch(/HubSpot answered with an error/);
  });
});

describe.each(Object.keys(EXPECTED_MINIMUM))('%s after the user revoked access at the provider', (providerId) => {
  beforeEach(() => sandbox(providerId).reset());

  it('answers 401 reconnect_required and the list says so, until the user reconnects', async () => {
    const browser = await connected(providerId);
    await sandbox(providerId).faults({ revokeAllGrants: true, expireAccessTokens: true });
    const { status, body } = await browser.json<{ error: { code: string; message: string } }>(`/api/integrations/${providerId}/items`);
    expect(status).toBe(401);
    expect(body.error.code).toBe('reconnect_required');
    expect(body.error.message).toMatch(/needs to be reconnected/);
    expect(await browser.integration(providerId)).toMatchObject({ connected: false, status: 'reconnect_required' });
    expect((await browser.connect(providerId)).status).toBe(200);
    expect((await browser.json(`/api/integrations/${providerId}/items`)).status).toBe(200);
  });
});

describe('a load that fails midway', () => {
  beforeEach(() => sandbox('notion').reset());

  it('ends the NDJSON stream with an error line after the items that arrived', async () => {
    const browser = await connected('notion');
    await sandbox('notion').faults({ pageSize: 10 });
    const response = await browser.fetch('/api/integrations/notion/items', { headers: { accept: 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The user removes the app at the provider while the load is still paging.
    await sandbox('notion').faults({ revokeAllGrants: true });
    let text = new TextDecoder().decode(first.value);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value);
    const lines = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id?: string; error?: { code: string; message: string } });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => typeof line.id === 'string')).toBe(true);
    expect(lines.at(-1)?.error?.code).toBe('reconnect_required');
    expect(await browser.integration('notion')).toMatchObject({ status: 'reconnect_required' });
  });
});
