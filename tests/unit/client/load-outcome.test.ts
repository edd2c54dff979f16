import { describe, expect, it } from 'vitest';
import { announceLoads, describeLoad, leftRecordsOut, nextStep } from '@/lib/client/load-outcome';

describe('nextStep', () => {
  it('says what to do about each outcome', () => {
    expect(nextStep({ phase: 'error', count: 0, code: 'reconnect_required', message: 'm' })).toBe('reconnect');
    expect(nextStep({ phase: 'error', count: 0, code: 'not_connected', message: 'm' })).toBe('connect');
    expect(nextStep({ phase: 'error', count: 3, code: 'rate_limited', message: 'm' })).toBe('retry');
    expect(nextStep({ phase: 'incomplete', count: 3 })).toBe('resume');
    expect(nextStep({ phase: 'cancelled', count: 3 })).toBe('retry');
    expect(nextStep({ phase: 'done', count: 3 })).toBeNull();
  });
});

describe('announceLoads', () => {
  it('counts while loading and names every outcome at the end', () => {
    expect(
      announceLoads([
        { name: 'A', load: { phase: 'loading', count: 1000 } },
        { name: 'B', load: { phase: 'done', count: 234 } },
      ]),
    ).toBe('Loading items from A, B…');
    expect(
      announceLoads([
        { name: 'A', load: { phase: 'done', count: 1 } },
        { name: 'B', load: { phase: 'error', count: 0, code: 'x', message: 'Reconnect B.' } },
      ]),
    ).toBe('A: 1 item. B: Reconnect B.');
  });

  it('says a cut list is incomplete', () => {
    expect(describeLoad({ phase: 'incomplete', count: 5 })).toMatch(/^Incomplete/);
  });

  it('says how many records could not be read and were left out, and nothing when none were', () => {
    expect(describeLoad({ phase: 'done', count: 117, skipped: 3 })).toBe('117 items. 3 records could not be read and were left out.');
    expect(describeLoad({ phase: 'done', count: 1, skipped: 1 })).toBe('1 item. 1 record could not be read and was left out.');
    expect(describeLoad({ phase: 'done', count: 20, changed: 2, skipped: 1200 })).toBe(
      '20 items (2 changed since the last load). 1,200 records could not be read and were left out.',
    );
    expect(describeLoad({ phase: 'done', count: 5, skipped: 0 })).toBe('5 items');
    expect(leftRecordsOut({ phase: 'done', count: 5, skipped: 2 })).toBe(true);
    expect(leftRecordsOut({ phase: 'done', count: 5, skipped: 0 })).toBe(false);
    expect(leftRecordsOut({ phase: 'done', count: 5 })).toBe(false);
    expect(
      announceLoads([
        { name: 'A', load: { phase: 'done', count: 117, skipped: 3 } },
        { name: 'B', load: { phase: 'done', count: 2 } },
      ]),
    ).toBe('A: 117 items. 3 records could not be read and were left out. B: 2 items.');
  });
});

describe('providersToLoad', async () => {
  const { ALL_CONNECTED, providersToLoad } = await import('@/lib/client/sources');
  const integration = (provider: string, status: 'connected' | 'not_connected' | 'reconnect_required') => ({
    provider,
    name: provider,
    description: '',
    mode: 'sandbox' as const,
    connected: status === 'connected',
    status,
    account: null,
    itemTypes: [],
  });
  const list = [integration('a', 'connected'), integration('b', 'reconnect_required'), integration('c', 'connected')];
  it('covers every connected provider for All connected, else the one picked', () => {
    expect(providersToLoad(ALL_CONNECTED, list)).toEqual(['a', 'c']);
    expect(providersToLoad('b', list)).toEqual(['b']);
    expect(providersToLoad('zzz', list)).toEqual([]);
  });
});
