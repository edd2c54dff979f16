import { describe, expect, it } from 'vitest';
import { createIntegrationItem, type IntegrationItemInput } from '@/lib/shared/items';
import type { IntegrationItem } from '@/lib/contract';
import { indexItems, mergeItems, parentChain } from '@/lib/client/item-index';
import { readRecordParam, withRecordParam } from '@/lib/client/record-param';

const item = (input: Partial<IntegrationItemInput> & Pick<IntegrationItemInput, 'id' | 'type'>): IntegrationItem =>
  createIntegrationItem({ provider: 'p1', ...input }, `Item ${input.id}`);

describe('mergeItems', () => {
  it('replaces changed records, adds new ones, keeps the rest and archived ones', () => {
    const base = indexItems([item({ id: '1', type: 'a', name: 'old' }), item({ id: '2', type: 'a' })]);
    const merged = mergeItems(base, [
      item({ id: '1', type: 'a', name: 'new' }),
      item({ id: '3', type: 'a' }),
      item({ id: '2', type: 'a', visibility: false }),
    ]);
    expect([...merged.keys()]).toEqual(['p1:a:1', 'p1:a:2', 'p1:a:3']);
    expect(merged.get('p1:a:1')?.name).toBe('new');
    expect(merged.get('p1:a:2')?.visibility).toBe(false);
    expect(base.get('p1:a:1')?.name).toBe('old');
  });
});

describe('parentChain', () => {
  it('walks loaded parents nearest first and ends with a name-only parent', () => {
    const base = item({ id: 'b', type: 'base', directory: true, parent_path_or_name: 'Workspace', parent_id: 'w' });
    const table = item({ id: 't', type: 'table', directory: true, parent_id: 'b', parent_path_or_name: 'Base' });
    const row = item({ id: 'r', type: 'page', parent_id: 't', parent_path_or_name: 'Table' });
    expect(parentChain(row, [row, table, base])).toEqual([{ item: table }, { item: base }, { name: 'Workspace' }]);
  });

  it('prefers a parent of another type when ids repeat across types', () => {
    const company = item({ id: '7', type: 'company' });
    const contact7 = item({ id: '7', type: 'contact' });
    const contact = item({ id: '9', type: 'contact', parent_id: '7', parent_path_or_name: 'Co' });
    expect(parentChain(contact, [contact7, company, contact])).toEqual([{ item: company }]);
  });

  it('never loops and never crosses providers', () => {
    const a = item({ id: 'a', type: 'page', parent_id: 'b' });
    const b = item({ id: 'b', type: 'page', parent_id: 'a' });
    const foreign = createIntegrationItem({ id: 'x', type: 'page', provider: 'p2' }, 'X');
    const orphan = item({ id: 'o', type: 'page', parent_id: 'x', parent_path_or_name: 'X elsewhere' });
    expect(parentChain(a, [a, b])).toEqual([{ item: b }]);
    expect(parentChain(orphan, [orphan, foreign])).toEqual([{ name: 'X elsewhere' }]);
  });

  it('is empty for a top-level record', () => {
    expect(parentChain(item({ id: 'top', type: 'base' }), [])).toEqual([]);
  });
});

describe('record parameter', () => {
  it('round-trips a row id through the URL and keeps other parameters', () => {
    const href = withRecordParam('http://h/?provider=all', 'p1:contact:12');
    expect(href).toBe('http://h/?provider=all&record=p1%3Acontact%3A12');
    expect(readRecordParam(new URL(href).search)).toBe('p1:contact:12');
    expect(withRecordParam(href, null)).toBe('http://h/?provider=all');
    expect(readRecordParam('?record=' + 'x'.repeat(600))).toBeNull();
  });
});
