import { itemKey, type IntegrationItem } from '@/lib/contract';

/** Items by their row id (`provider:type:id`), the one key the table, the URL and merging share. */
export type ItemIndex = ReadonlyMap<string, IntegrationItem>;

export function indexItems(items: Iterable<IntegrationItem>): Map<string, IntegrationItem> {
  const index = new Map<string, IntegrationItem>();
  for (const item of items) index.set(itemKey(item), item);
  return index;
}

/**
 * A previous load with the changes since then applied: a changed record replaces its old copy,
 * a new one is added, an archived one stays with `visibility: false` as the server reports it.
 */
export function mergeItems(base: ItemIndex, changes: Iterable<IntegrationItem>): Map<string, IntegrationItem> {
  const merged = new Map(base);
  for (const item of changes) merged.set(itemKey(item), item);
  return merged;
}

/** One step up from a record: the loaded parent record when there is one, else only its name. */
export type ParentLink = { item: IntegrationItem } | { name: string };

/**
 * The chain of parents of a record, nearest first, as far as the loaded items reach. `parent_id`
 * names a record of the same provider; when ids repeat across types (a contact and a company
 * may share one), a container or a record of another type is the likelier parent.
 */
export function parentChain(item: IntegrationItem, items: Iterable<IntegrationItem>, maxDepth = 20): ParentLink[] {
  const byProviderId = new Map<string, IntegrationItem[]>();
  for (const candidate of items) {
    const key = `${candidate.provider}:${candidate.id}`;
    const list = byProviderId.get(key);
    if (list) list.push(candidate);
    else byProviderId.set(key, [candidate]);
  }
  const chain: ParentLink[] = [];
  const seen = new Set([itemKey(item)]);
  let current = item;
  while (chain.length < maxDepth && current.parent_id) {
    const candidates = (byProviderId.get(`${current.provider}:${current.parent_id}`) ?? []).filter(
      (candidate) => !seen.has(itemKey(candidate)),
    );
    const child = current;
    const parent =
      candidates.find((c) => c.directory) ?? candidates.find((c) => c.type !== child.type) ?? candidates[0];
    if (!parent) {
      if (current.parent_path_or_name) chain.push({ name: current.parent_path_or_name });
      break;
    }
    chain.push({ item: parent });
    seen.add(itemKey(parent));
    current = parent;
  }
  if (chain.length === 0 && item.parent_path_or_name) chain.push({ name: item.parent_path_or_name });
  return chain;
}
