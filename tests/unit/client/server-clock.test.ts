import { describe, expect, it } from 'vitest';
import { serverInstantBefore } from '@/lib/client/server-clock';

describe('serverInstantBefore', () => {
  it('takes the server clock, less the answer time and two seconds', () => {
    const browserNow = Date.parse('2030-01-01T00:00:00Z');
    expect(serverInstantBefore('Tue, 01 Dec 2026 23:30:10 GMT', 3000, browserNow)).toBe('2026-12-01T23:30:05.000Z');
  });

  it('falls back to the browser clock without a usable Date header', () => {
    const at = Date.parse('2026-12-01T23:30:10Z');
    expect(serverInstantBefore(null, 500, at)).toBe('2026-12-01T23:30:08.000Z');
    expect(serverInstantBefore('garbage', 500, at)).toBe('2026-12-01T23:30:08.000Z');
  });
});
