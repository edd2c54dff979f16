import { describe, expect, it } from 'vitest';
import { parseModifiedSince } from '@/lib/shared/modified-since';

const parse = (value: string) => parseModifiedSince(new URLSearchParams({ modified_since: value })) as Date;

describe('parseModifiedSince', () => {
  it('reads ISO 8601 instants with Z, offsets and fractions, and a date alone as midnight UTC', () => {
    expect(parse('2026-11-30T12:00:00Z').toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(parse('2026-11-30T12:00:00.250+02:00').toISOString()).toBe('2026-11-30T10:00:00.250Z');
    expect(parse('2026-11-30T12:00-0130').toISOString()).toBe('2026-11-30T13:30:00.000Z');
    expect(parse('2026-11-30').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(parseModifiedSince(new URLSearchParams())).toBeUndefined();
  });

  it.each(['', 'yesterday', '1700000000000', '2026-11-30T12:00:00', '2026-02-30T00:00:00Z', '2026-13-01', '2026-11-30T24:00:00Z', '2026-11-30 12:00:00Z'])(
    'rejects %j with 400 invalid_request',
    (value) => {
      expect(() => parse(value)).toThrow(expect.objectContaining({ code: 'invalid_request', status: 400 }));
    },
  );

  it('rejects the parameter given twice', () => {
    const params = new URLSearchParams([['modified_since', '2026-11-30'], ['modified_since', '2026-11-29']]);
    expect(() => parseModifiedSince(params)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
});
