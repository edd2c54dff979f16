import { describe, expect, it } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import { integrationItemSchema, type IntegrationItem } from '@/lib/contract';
import { itemAsJson, jsonChunks } from '@/lib/client/export/json';
import { chunksToBlob, exportFileName } from '@/lib/client/export/download';

function item(id: string, name = `Item ${id}`): IntegrationItem {
  return createIntegrationItem({ id, type: 'page', provider: 'notion', name }, 'x');
}

describe('jsonChunks', () => {
  it('is one JSON array of every item with every contract field, whatever the chunk size', () => {
    const items = [item('1', 'Line\nbreak "quoted"'), item('2', '=1+1'), item('3', '🚀')];
    for (const size of [1, 2, 10]) {
      const parsed: unknown = JSON.parse([...jsonChunks(items, size)].join(''));
      expect(parsed).toEqual(items);
      for (const entry of parsed as unknown[]) expect(integrationItemSchema.safeParse(entry).success).toBe(true);
    }
  });

  it('writes an empty array for no items', () => {
    expect(JSON.parse([...jsonChunks([])].join(''))).toEqual([]);
  });

  it('yields the items in chunks, not as one string', () => {
    const items = Array.from({ length: 5 }, (_, i) => item(String(i)));
    expect([...jsonChunks(items, 2)]).toHaveLength(3);
  });
});

describe('itemAsJson', () => {
  it('is the item with exactly the contract fields, indented', () => {
    const extended = { ...item('9'), properties: { email: 'a@b.c' } } as IntegrationItem;
    const text = itemAsJson(extended);
    expect(text).toContain('\n  "id": "9"');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(integrationItemSchema.shape));
  });
});

describe('exportFileName', () => {
  it('names the scope, a UTC time stamp and the format', () => {
    const at = new Date('2026-12-01T23:04:05.678Z');
    expect(exportFileName('HubSpot', 'csv', at)).toBe('items-hubspot-2026-12-01T23-04-05Z.csv');
    expect(exportFileName('All connected', 'json', at)).toBe('items-all-connected-2026-12-01T23-04-05Z.json');
    expect(exportFileName('../..', 'csv', at)).toBe('items-items-2026-12-01T23-04-05Z.csv');
  });
});

describe('chunksToBlob', () => {
  it('keeps every chunk, in order, as UTF-8', async () => {
    const blob = await chunksToBlob(['a,', 'é🚀', '\r\n'], 'text/csv;charset=utf-8');
    expect(await blob.text()).toBe('a,é🚀\r\n');
    expect(blob.size).toBe(Buffer.byteLength('a,é🚀\r\n'));
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });
});
