import { describe, expect, it } from 'vitest';
import { NotConnectedError, ProviderError } from '@/lib/shared/errors';
import { createIntegrationItem } from '@/lib/shared/items';
import { type IntegrationItem } from '@/lib/contract';
import { itemsResponse } from '@/lib/server/items-response';
import { IncompleteLoadError, loadAllItems } from '@/lib/server/load-all-items';
import type { ProviderDefinition } from '@/lib/providers/types';
import { eventLoopTurns } from '../event-loop';

const item = (provider: string, id: number): IntegrationItem => createIntegrationItem({ provider, type: 't', id: String(id) }, `Item ${id}`);
const ndjsonRequest = () => new Request('http://app.test/items', { headers: { accept: 'application/x-ndjson' } });

function counted(pages: number, failAt?: number) {
  const state = { pulled: 0 };
  async function* batches(): AsyncGenerator<IntegrationItem[]> {
    for (let page = 0; page < pages; page++) {
      state.pulled++;
      if (page === failAt) throw new ProviderError('P', 'page failed');
      yield [item('p', page * 2), item('p', page * 2 + 1)];
    }
  }
  return { state, batches: batches() };
}

async function lines(response: Response): Promise<Array<Record<string, unknown>>> {
  return (await response.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

describe('itemsResponse', () => {
  it('ends a complete NDJSON stream with a done line holding the count', async () => {
    const { batches } = counted(3);
    const all = await lines(await itemsResponse(ndjsonRequest(), batches));
    expect(all).toHaveLength(7);
    expect(all.at(-1)).toEqual({ done: { count: 6 } });
  });

  it('says in the done line how many records the load left out, and only when there were some', async () => {
    const load = (skipped: number) =>
      (async function* () {
        yield [item('p', 1), item('p', 2)];
        return { skipped };
      })();
    const skipping = await itemsResponse(ndjsonRequest(), load(3));
    expect((await skipping.text()).split('\n').filter(Boolean).at(-1)).toBe('{"done":{"count":2,"skipped":3}}');
    const none = await itemsResponse(ndjsonRequest(), load(0));
    expect((await none.text()).split('\n').filter(Boolean).at(-1)).toBe('{"done":{"count":2}}');
  });

  it('answers the JSON array form as a plain array of items, skipped records or not', async () => {
    const batches = (async function* () {
      yield [item('p', 1)];
      return { skipped: 4 };
    })();
    const response = await itemsResponse(new Request('http://app.test/items'), batches);
    expect(await response.json()).toEqual([item('p', 1)]);
  });

  it('ends with an error line, never a done line, when the load fails midway', async () => {
    const { batches } = counted(3, 1);
    const all = await lines(await itemsResponse(ndjsonRequest(), batches));
    expect(all).toHaveLength(3);
    expect(all.at(-1)).toMatchObject({ error: { code: 'provider_error' } });
    expect(all.some((line) => 'done' in line)).toBe(false);
  });

  it('pulls the next page only when the reader asks for it', async () => {
    const { state, batches } = counted(50);
    const response = await itemsResponse(ndjsonRequest(), batches);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await eventLoopTurns();
    expect(state.pulled).toBeLessThanOrEqual(2);
    await reader.read();
    await eventLoopTurns();
    expect(state.pulled).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it('answers an error before the first item with its own status', async () => {
    async function* failing(): AsyncGenerator<IntegrationItem[]> {
      throw new NotConnectedError('P');
    }
    await expect(itemsResponse(ndjsonRequest(), failing())).rejects.toMatchObject({ code: 'not_connected', status: 401 });
  });
});

describe('loadAllItems', () => {
  const provider = (id: string) => ({ id, displayName: id.toUpperCase() }) as unknown as ProviderDefinition;

  it('keeps loading the other providers when one fails, then names the failure', async () => {
    const load = (p: ProviderDefinition) =>
      (async function* () {
        if (p.id === 'bad') throw new ProviderError('Bad', 'down');
        for (let i = 0; i < 3; i++) yield [item(p.id, i)];
      })();
    const seen: IntegrationItem[] = [];
    let failure: unknown;
    try {
      for await (const batch of loadAllItems([provider('a'), provider('bad'), provider('b')], load)) seen.push(...batch);
    } catch (error) {
      failure = error;
    }
    expect(seen).toHaveLength(6);
    expect(failure).toBeInstanceOf(IncompleteLoadError);
    expect((failure as IncompleteLoadError).details.providers).toEqual([{ provider: 'bad', code: 'provider_error', message: expect.stringContaining('Bad') }]);
    expect((failure as IncompleteLoadError).status).toBe(502);
  });

  it('puts the failed providers into the NDJSON end line', async () => {
    const load = (p: ProviderDefinition) =>
      (async function* () {
        if (p.id === 'bad') throw new NotConnectedError('Bad');
        yield [item(p.id, 1)];
      })();
    const all = await lines(await itemsResponse(ndjsonRequest(), loadAllItems([provider('a'), provider('bad')], load)));
    expect(all[0]).toMatchObject({ id: '1', provider: 'a' });
    expect(all.at(-1)).toMatchObject({ error: { code: 'not_connected', providers: [{ provider: 'bad', code: 'not_connected' }] } });
  });

  it('adds up the records every provider left out', async () => {
    const skippedBy: Record<string, number | undefined> = { a: 2, b: undefined, c: 0, d: 3 };
    const load = (p: ProviderDefinition) =>
      (async function* () {
        yield [item(p.id, 1)];
        const skipped = skippedBy[p.id];
        if (skipped !== undefined) return { skipped };
      })();
    const all = await lines(await itemsResponse(ndjsonRequest(), loadAllItems(['a', 'b', 'c', 'd'].map(provider), load)));
    expect(all.at(-1)).toEqual({ done: { count: 4, skipped: 5 } });
    const clean = await lines(await itemsResponse(ndjsonRequest(), loadAllItems(['b', 'c'].map(provider), load)));
    expect(clean.at(-1)).toEqual({ done: { count: 2 } });
  });

  it('refuses a session with nothing connected', async () => {
    await expect(loadAllItems([], () => (async function* () {})()).next()).rejects.toMatchObject({ code: 'not_connected', status: 401 });
  });
});
