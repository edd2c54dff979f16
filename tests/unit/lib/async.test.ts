import { describe, expect, it, vi } from 'vitest';
import { mergeAsync, paginate, prefetch } from '@/lib/shared/async';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

describe('paginate', () => {
  it('follows cursors until the last page', async () => {
    const pages: Record<string, { values: number[]; next: string | null }> = {
      start: { values: [1, 2], next: 'a' },
      a: { values: [3], next: 'b' },
      b: { values: [4], next: null },
    };
    expect(await collect(paginate('Test', async (cursor) => pages[cursor ?? 'start']))).toEqual([[1, 2], [3], [4]]);
  });

  it('stops with an error when a cursor repeats instead of looping forever', async () => {
    await expect(collect(paginate('Test', async () => ({ values: [1], next: 'same' })))).rejects.toMatchObject({
      code: 'provider_error',
      status: 502,
      message: expect.stringMatching(/^Test answered with an error: .*twice/),
    });
  });
});

describe('mergeAsync', () => {
  it('yields every value of every source as it arrives', async () => {
    const delayed = async function* (values: number[], ms: number) {
      for (const value of values) {
        await new Promise((resolve) => setTimeout(resolve, ms));
        yield value;
      }
    };
    const merged = await collect(mergeAsync(delayed([1, 2, 3], 5), delayed([10, 20], 1)));
    expect([...merged].sort((a, b) => a - b)).toEqual([1, 2, 3, 10, 20]);
    expect(merged.indexOf(10)).toBeLessThan(merged.indexOf(3));
  });

  it('propagates a failure of one source', async () => {
    const failing = async function* () {
      yield 1;
      throw new Error('boom');
    };
    const endless = async function* () {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield 2;
      }
    };
    await expect(collect(mergeAsync(failing(), endless()))).rejects.toThrow('boom');
  });
});

describe('prefetch', () => {
  it('runs the source before anyone reads it, then yields everything in order', async () => {
    const produced: number[] = [];
    const source = async function* () {
      for (const value of [1, 2, 3]) {
        produced.push(value);
        yield value;
      }
    };
    const buffered = prefetch(source());
    await vi.waitFor(() => expect(produced).toEqual([1, 2, 3]));
    expect(await collect(buffered)).toEqual([1, 2, 3]);
  });

  it('rethrows the source failure after the values before it', async () => {
    const source = async function* () {
      yield 1;
      throw new Error('late failure');
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of prefetch(source())) seen.push(value);
      })(),
    ).rejects.toThrow('late failure');
    expect(seen).toEqual([1]);
  });
});
