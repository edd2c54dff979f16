import { describe, expect, it } from 'vitest';
import { createIntegrationItem, firstNonBlank, safeUrl, toIsoTime } from '@/lib/shared/items';
import { integrationItemSchema } from '@/lib/contract';

describe('createIntegrationItem', () => {
  it('fills every contract field and falls back to a name', () => {
    const item = createIntegrationItem({ id: '1', type: 'contact', provider: 'x', name: '  ' }, 'Contact 1');
    expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({ name: 'Contact 1', visibility: true, directory: false, url: null, children: null, drive_id: null });
    expect(Object.keys(item).sort()).toEqual(
      ['children', 'creation_time', 'delta', 'directory', 'drive_id', 'id', 'last_modified_time', 'mime_type', 'name', 'parent_id', 'parent_path_or_name', 'provider', 'type', 'url', 'visibility'],
    );
  });
});

describe('toIsoTime', () => {
  it('normalises ISO strings and epoch milliseconds to UTC ISO', () => {
    expect(toIsoTime('2024-03-01T10:00:00+02:00')).toBe('2024-03-01T08:00:00.000Z');
    expect(toIsoTime('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
  });
  it('gives null for missing or invalid values', () => {
    expect(toIsoTime(null)).toBeNull();
    expect(toIsoTime('')).toBeNull();
    expect(toIsoTime('not a date')).toBeNull();
  });
});

describe('safeUrl', () => {
  it('keeps https and allowed origins only', () => {
    expect(safeUrl('https://app.hubspot.com/contacts/1')).toBe('https://app.hubspot.com/contacts/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('http://evil.example/')).toBeNull();
    expect(safeUrl('http://127.0.0.1:3000/sandbox/x', ['http://127.0.0.1:3000'])).toBe('http://127.0.0.1:3000/sandbox/x');
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://user:pass@app.example.com/x')).toBeNull();
    expect(safeUrl('/relative', ['http://127.0.0.1:3000'])).toBeNull();
  });
});

describe('firstNonBlank', () => {
  it('skips blanks and trims', () => {
    expect(firstNonBlank(null, ' ', ' a ', 'b')).toBe('a');
    expect(firstNonBlank(undefined, '')).toBeNull();
  });
});
