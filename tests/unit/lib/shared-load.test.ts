import { describe, expect, it } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import type { IntegrationItem } from '@/lib/contract';
import type { LoadSummary } from '@/lib/server/load-summary';
import { sharedLoad } from '@/lib/server/shared-load';
import { eventLoopTurns } from '../event-loop';

const page = (from: number) => Array.from({ length: 10 }, (_, i) => createIntegrationItem({ provider: 'p', type: 't', id: String(from + i) }, 'x'));

function source(pages: number, failAt?: number, skipped?: number) {
  const state = { starts: 0, pulled: 0 };
  const start = () =>
    (async function* (): AsyncGenerator<IntegrationItem[], LoadSummary | void> {
      state.starts++;
      for (let i = 0; i < pages; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (i === failAt) throw Object.assign(new Error('boom'), {});
        state.pulled++;
        yield page(i * 10);
      }
      if (skipped !== undefined) return { skipped };
    })();
  return { state, start };
}

async function drain(pages: AsyncIterable<IntegrationItem[]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of pages) ids.push(...batch.map((item) => item.id));
  return ids;
}

/** The ids a reader got, and what it returned at the end. */
async function drainWithSummary(pages: AsyncGenerator<IntegrationItem[], LoadSummary | void>) {
  const ids: string[] = [];
  for (;;) {
    const next = await pages.next();
    if (next.done) return { ids, summary: next.value };
    ids.push(...next.value.map((item) => item.id));
  }
}

describe('sharedLoad', () => {
  it('runs one traversal for overlapping identical loads, and a new one after it finished', async () => {
    const { state, start } = source(20);
    const results = await Promise.all(Array.from({ length: 5 }, () => drain(sharedLoad('same', start))));
    expect(state.starts).toBe(1);
    for (const ids of results) expect(ids).toHaveLength(200);
    await drain(sharedLoad('same', start));
    expect(state.starts).toBe(2);
  });

  it('keeps different loads apart', async () => {
    const a = source(3);
    const b = source(4);
    const [idsA, idsB] = await Promise.all([drain(sharedLoad('a', a.start)), drain(sharedLoad('b', b.start))]);
    expect([idsA.length, idsB.length]).toEqual([30, 40]);
  });

  it('stays only a few pages ahead of a reader that does not read', async () => {
    const { state, start } = source(100);
    const reader = sharedLoad('slow', start);
    await reader.next();
    await eventLoopTurns(300);
    expect(state.pulled).toBeLessThan(15);
    await reader.return(undefined);
  });

  it('ends with the abort, never as if complete, when the reader is aborted midway', async () => {
    const { start } = source(50);
    const aborted = new AbortController();
    const reader = sharedLoad('aborted', start, aborted.signal);
    expect((await reader.next()).done).toBe(false);
    aborted.abort(new Error('reader went away'));
    await expect(drain(reader)).rejects.toThrow('reader went away');
  });

  it("gives every reader of a shared traversal its count of records left out", async () => {
    const { state, start } = source(12, undefined, 3);
    const results = await Promise.all(Array.from({ length: 4 }, () => drainWithSummary(sharedLoad('skipping', start))));
    expect(state.starts).toBe(1);
    for (const { ids, summary } of results) {
      expect(ids).toHaveLength(120);
      expect(summary).toEqual({ skipped: 3 });
    }
    const clean = source(2, undefined, 0);
    expect((await drainWithSummary(sharedLoad('clean', clean.start))).summary).toEqual({ skipped: 0 });
    const silent = source(2);
    expect((await drainWithSummary(sharedLoad('silent', silent.start))).summary).toEqual({ skipped: 0 });
  });

  it('passes a failure on to every reader', async () => {
    const { start } = source(5, 2);
    await expect(drain(sharedLoad('failing', start))).rejects.toMatchObject({ code: 'internal_error' });
  });
});
