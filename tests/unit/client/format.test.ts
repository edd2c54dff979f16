import { describe, it, expect } from 'vitest';
import { countByType, describeTypeCounts, formatItemCount, parseIsoDate } from '@/lib/client/format';
import { pickInitialProvider } from '@/lib/client/storage';

describe('format helpers', () => {
  it('formats counts', () => {
    expect(formatItemCount(2412)).toBe('2,412 items');
    expect(formatItemCount(1)).toBe('1 item');
    expect(formatItemCount(0)).toBe('0 items');
  });

  it('counts per type in the preferred order', () => {
    const items = [{ type: 'deal' }, { type: 'contact' }, { type: 'deal' }, { type: 'zeta' }, { type: 'company' }];
    const counts = countByType(items, ['contact', 'company', 'deal']);
    expect(counts.map((c) => c.type)).toEqual(['contact', 'company', 'deal', 'zeta']);
    expect(describeTypeCounts(counts)).toBe('contact 1 · company 1 · deal 2 · zeta 1');
  });

  it('parses ISO dates and rejects junk', () => {
    expect(parseIsoDate('2024-01-02T03:04:05.000Z')?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(parseIsoDate(null)).toBeNull();
    expect(parseIsoDate('not a date')).toBeNull();
  });
});

describe('pickInitialProvider', () => {
  it('prefers the URL, then the remembered choice, then the first', () => {
    expect(pickInitialProvider(['a', 'b', 'c'], 'c', 'b')).toBe('c');
    expect(pickInitialProvider(['a', 'b', 'c'], 'zzz', 'b')).toBe('b');
    expect(pickInitialProvider(['a', 'b', 'c'], null, 'gone')).toBe('a');
    expect(pickInitialProvider([], 'a', 'a')).toBeNull();
  });
});
