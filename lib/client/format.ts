const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** "1 item" / "2,412 items". */
export function formatItemCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'item' : 'items'}`;
}

/** Local date-time for an ISO timestamp; empty for null/invalid. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** ISO string → Date for sorting/filtering; null for missing or invalid values. */
export function parseIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Counts items per type, ordered by `preferredOrder` first (e.g. the integration's itemTypes), then by name. */
export function countByType(
  items: ReadonlyArray<{ type: string }>,
  preferredOrder: readonly string[] = [],
): Array<{ type: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  const rank = (type: string) => {
    const i = preferredOrder.indexOf(type);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...counts.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => rank(a.type) - rank(b.type) || a.type.localeCompare(b.type));
}

/** "contact 1,512 · company 300 · deal 600". */
export function describeTypeCounts(counts: ReadonlyArray<{ type: string; count: number }>): string {
  return counts.map(({ type, count }) => `${type} ${formatCount(count)}`).join(' · ');
}
