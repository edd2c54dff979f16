import 'server-only';

export interface PageSlice<T> {
  items: T[];
  /** Index of the first item of the next page, or null on the last page. */
  nextIndex: number | null;
}

/** One page of a list, starting at an index. */
export function slicePage<T>(all: readonly T[], startIndex: number, pageSize: number): PageSlice<T> {
  const end = startIndex + pageSize;
  return { items: all.slice(startIndex, end), nextIndex: end < all.length ? end : null };
}
