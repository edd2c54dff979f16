import { describe, expect, it } from 'vitest';
import { groupTypes } from '@/lib/client/type-groups';

describe('groupTypes', () => {
  it('groups counts by provider in the given order, types in each provider declared order', () => {
    const items = [
      { provider: 'b', type: 'page' },
      { provider: 'a', type: 'deal' },
      { provider: 'a', type: 'contact' },
      { provider: 'a', type: 'contact' },
      { provider: 'c', type: 'x' },
      { provider: 'b', type: 'page' },
    ];
    const order: Record<string, string[]> = { a: ['contact', 'deal'] };
    expect(groupTypes(items, ['b', 'a'], (p) => order[p] ?? [])).toEqual([
      { provider: 'b', types: [{ type: 'page', count: 2 }] },
      { provider: 'a', types: [{ type: 'contact', count: 2 }, { type: 'deal', count: 1 }] },
      { provider: 'c', types: [{ type: 'x', count: 1 }] },
    ]);
  });
});
