import { describe, expect, it } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import type { IntegrationItem } from '@/lib/contract';
import { displayValue, extraFields } from '@/lib/client/field-display';

describe('displayValue', () => {
  it('reads nothing as a dash, booleans as words, lists as a list and keeps the ISO time', () => {
    expect(displayValue('url', null)).toBe('—');
    expect(displayValue('directory', true)).toBe('Yes');
    expect(displayValue('children', ['a', 'b'])).toBe('a, b');
    expect(displayValue('creation_time', '2026-01-02T03:04:05.000Z')).toMatch(/\(2026-01-02T03:04:05\.000Z\)$/);
    expect(displayValue('name', '<b>x</b>')).toBe('<b>x</b>');
  });
});

describe('extraFields', () => {
  it('lists only what an item carries beyond the contract, opening objects one level', () => {
    const base = createIntegrationItem({ id: '1', type: 'contact', provider: 'p' }, 'n');
    expect(extraFields(base)).toEqual([]);
    const extended = { ...base, properties: { email: 'a@b.c', lifecyclestage: 'lead' }, score: 3 } as IntegrationItem;
    expect(extraFields(extended)).toEqual([
      { name: 'properties.email', value: 'a@b.c' },
      { name: 'properties.lifecyclestage', value: 'lead' },
      { name: 'score', value: 3 },
    ]);
  });
});
