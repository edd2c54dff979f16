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
    await Promise.allSettled([...pending.keys()].map((index) => iterators[index].return?.()));
  }
}

/**
 * Walks a cursor-paged list: `fetchPage(cursor)` returns the page's values and the next cursor
 * (null on the last page). Stops if a provider ever repeats a cursor, instead of looping forever.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | null) => Promise<{ values: T[]; next: string | null }>,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { values: T[]; next: string | null } = await fetchPage(cursor);
    yield page.values;
    cursor = page.next;
    if (cursor !== null) {
      if (seen.has(cursor)) throw new Error(`the provider returned the cursor "${cursor}" twice`);
      seen.add(cursor);
    }
  } while (cursor !== null);
}
