import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntegrationItem } from '@/lib/contract';
import type { ListContext, ProviderDefinition } from '@/lib/providers/types';
import { loadItems } from '@/lib/server/load-items';
import { createIntegrationItem } from '@/lib/shared/items';
import { eventLoopTurns } from '../event-loop';

vi.mock('@/lib/server/connections', () => ({
  openConnection: async (_provider: unknown, _session: unknown, options: { signal: AbortSignal }) => ({ signal: options.signal }),
}));

const item = (id: string, type = 't') => createIntegrationItem({ provider: 'p', type, id }, 'x');

function providerListing(listItems: (ctx: ListContext) => AsyncIterable<IntegrationItem[]>): ProviderDefinition {
  return { id: 'p', displayName: 'P', listItems } as unknown as ProviderDefinition;
}

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe('loadItems', () => {
  it('lets a load keep dozens of requests listening for its abort without a leak warning', async () => {
    process.on('warning', onWarning);
    const provider = providerListing(async function* (ctx) {
      const listeners = Array.from({ length: 64 }, () => () => undefined);
      for (const listener of listeners) ctx.signal.addEventListener('abort', listener);
      yield [item('1')];
      for (const listener of listeners) ctx.signal.removeEventListener('abort', listener);
    });
    const batches: IntegrationItem[][] = [];
    for await (const batch of loadItems(provider, 'session', { signal: new AbortController().signal })) batches.push(batch);
    await eventLoopTurns();
    expect(batches).toHaveLength(1);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('passes each item once, however often the provider repeats it', async () => {
    const provider = providerListing(async function* () {
      yield [item('1'), item('2')];
      yield [item('2'), item('1', 'other')];
    });
    const ids: string[] = [];
    for await (const batch of loadItems(provider, 'session')) ids.push(...batch.map((entry) => `${entry.type}:${entry.id}`));
    expect(ids).toEqual(['t:1', 't:2', 'other:1']);
  });

  it('returns the records the provider reported it left out, added up over the listing', async () => {
    const provider = providerListing(async function* (ctx) {
      ctx.reportSkipped(2);
      yield [item('1'), item('2')];
      ctx.reportSkipped(0);
      yield [item('3')];
      ctx.reportSkipped(1);
    });
    expect(await drain(loadItems(provider, 'session'))).toEqual({ ids: ['1', '2', '3'], summary: { skipped: 3 } });
  });

  it('returns nothing skipped for a provider that reports nothing', async () => {
    const provider = providerListing(async function* () {
      yield [item('1')];
    });
    expect((await drain(loadItems(provider, 'session'))).summary).toEqual({ skipped: 0 });
  });

  it('refuses a count that is not a number of records', async () => {
    for (const count of [-1, 1.5, Number.NaN]) {
      const provider = providerListing(async function* (ctx) {
        ctx.reportSkipped(count);
        yield [item('1')];
      });
      await expect(drain(loadItems(provider, 'session'))).rejects.toThrow(/reportSkipped/);
    }
  });
});

/** The ids a load gave out, and what it returned at the end. */
async function drain(load: AsyncGenerator<IntegrationItem[], unknown>) {
  const ids: string[] = [];
  for (;;) {
    const next = await load.next();
    if (next.done) return { ids, summary: next.value };
    ids.push(...next.value.map((entry) => entry.id));
  }
}
