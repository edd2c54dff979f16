import { countByType } from './format';

export interface TypeGroup {
  provider: string;
  types: Array<{ type: string; count: number }>;
}

/** The key of one type chip: a type belongs to its provider (two providers may both have "page"). */
export const typeKey = (provider: string, type: string) => `${provider}:${type}`;

/**
 * Item counts per type, grouped by provider in `providerOrder` (providers not listed come last,
 * by name); within a provider, types in its declared order (`typeOrder`), then by name.
 */
export function groupTypes(
  items: ReadonlyArray<{ provider: string; type: string }>,
  providerOrder: readonly string[],
  typeOrder: (provider: string) => readonly string[],
): TypeGroup[] {
  const byProvider = new Map<string, Array<{ type: string }>>();
  for (const item of items) {
    const list = byProvider.get(item.provider);
    if (list) list.push(item);
    else byProvider.set(item.provider, [item]);
  }
  const rank = (provider: string) => {
    const i = providerOrder.indexOf(provider);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...byProvider.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([provider, list]) => ({ provider, types: countByType(list, typeOrder(provider)) }));
}
