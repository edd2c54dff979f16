import { beforeEach, describe, expect, it } from 'vitest';
import { type Item, readNdjson, sandbox, TestBrowser } from './helpers';

type Line = Item & { done?: { count: number }; error?: { code: string; message: string; providers?: Array<{ provider: string; code: string }> } };

describe('GET /api/items', () => {
  beforeEach(async () => {
    await sandbox('airtable').reset();
    await sandbox('notion').reset();
  });

  it('answers 401 not_connected when nothing is connected', async () => {
    const { status, body } = await new TestBrowser().json<{ error: { code: string } }>('/api/items');
    expect(status).toBe(401);
    expect(body.error.code).toBe('not_connected');
  });

  it('merges the items of every connected provider, as JSON and as NDJSON with a done line', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    expect((await browser.connect('notion')).status).toBe(200);
    const single = async (provider: string) => (await browser.json<Item[]>(`/api/integrations/${provider}/items`)).body;
    const expected = [...(await single('airtable')), ...(await single('notion'))].map((item) => `${item.provider}:${item.type}:${item.id}`).sort();

    const { status, body } = await browser.json<Item[]>('/api/items');
    expect(status).toBe(200);
    expect(body.map((item) => `${item.provider}:${item.type}:${item.id}`).sort()).toEqual(expected);

    const lines = (await readNdjson(await browser.fetch('/api/items', { headers: { accept: 'application/x-ndjson' } }))) as Line[];
    expect(lines.at(-1)).toEqual({ done: { count: expected.length } });
    expect(lines.slice(0, -1).map((item) => `${item.provider}:${item.type}:${item.id}`).sort()).toEqual(expected);
  });

  it('keeps streaming the other providers when one fails, and names it in the last line', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    expect((await browser.connect('notion')).status).toBe(200);
    const airtableCount = (await browser.json<Item[]>('/api/integrations/airtable/items')).body.length;
    await sandbox('notion').faults({ revokeAllGrants: true, expireAccessTokens: true });
    const response = await browser.fetch('/api/items', { headers: { accept: 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    const lines = (await readNdjson(response)) as Line[];
    const last = lines.at(-1);
    expect(last?.error?.code).toBe('reconnect_required');
    expect(last?.error?.providers).toEqual([expect.objectContaining({ provider: 'notion', code: 'reconnect_required' })]);
    const items = lines.slice(0, -1);
    expect(items.every((item) => item.provider === 'airtable')).toBe(true);
    expect(items).toHaveLength(airtableCount);
  });

  it('rejects a malformed modified_since with 400 invalid_request, on both routes', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    for (const path of ['/api/items', '/api/integrations/airtable/items']) {
      const { status, body } = await browser.json<{ error: { code: string } }>(`${path}?modified_since=last-tuesday`);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('invalid_request');
    }
  });

  it('lists everything for Airtable, which has no modification times, whatever modified_since says', async () => {
    const browser = new TestBrowser();
    expect((await browser.connect('airtable')).status).toBe(200);
    const all = (await browser.json<Item[]>('/api/integrations/airtable/items')).body;
    const since = (await browser.json<Item[]>(`/api/integrations/airtable/items?modified_since=${new Date().toISOString()}`)).body;
    expect(since.length).toBe(all.length);
  });
});
