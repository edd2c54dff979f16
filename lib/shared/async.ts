import { ProviderError } from '@/lib/shared/errors';

/**
 * Interleaves several async iterables, yielding each value as soon as any source produces it.
 * If one source throws, the merged iterable throws and the others are closed.
 */
export async function* mergeAsync<T>(...sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => pending.set(index, iterators[index].next().then((result) => ({ index, result })));
  iterators.forEach((_, index) => pull(index));
  try {
    while (pending.size) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(index);
        continue;
      }
      pull(index);
      yield result.value;
    }
  } finally {
    await Promise.allSettled([...pending.keys()].map(async (index) => iterators[index].return?.()));
  }
}

/**
 * Walks a cursor-paged list: `fetchPage(cursor)` returns the page's values and the next cursor
 * (null on the last page). Stops if a provider ever repeats a cursor, instead of looping forever:
 * that is the provider's fault, so it ends the load as a 502 provider_error naming it, never a 500.
 */
export async function* paginate<T>(
  providerName: string,
  fetchPage: (cursor: string | null) => Promise<{ values: T[]; next: string | null }>,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { values: T[]; next: string | null } = await fetchPage(cursor);
    yield page.values;
    cursor = page.next;
    if (cursor !== null) {
      if (seen.has(cursor)) throw new ProviderError(providerName, 'it returned the same page cursor twice, so its list would never end');
      seen.add(cursor);
    }
  } while (cursor !== null);
}

/**
 * Starts consuming `source` at once and buffers what it yields until the caller gets to it,
 * so independent requests run while the caller is busy with something else.
 */
export function prefetch<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const buffer: T[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  void (async () => {
    try {
      for await (const value of source) {
        buffer.push(value);
        notify();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      notify();
    }
  })();
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (buffer.length) {
          yield buffer.shift() as T;
          continue;
        }
        if (failure) throw failure.error;
        if (finished) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
