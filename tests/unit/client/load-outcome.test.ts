import { describe, expect, it } from 'vitest';
import { announceLoads, describeLoad, nextStep } from '@/lib/client/load-outcome';

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
