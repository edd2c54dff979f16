import type { IntegrationItem } from '@/lib/contract';
import { ITEM_FIELDS } from './item-fields';

/** The item with exactly the contract's fields, in contract order (extra properties left out). */
export function exportedItem(item: IntegrationItem): Record<string, unknown> {
  return Object.fromEntries(ITEM_FIELDS.map((field) => [field, item[field] ?? null]));
}

/** One record as readable JSON, for "Copy as JSON". */
export function itemAsJson(item: IntegrationItem): string {
  return JSON.stringify(exportedItem(item), null, 2);
}

/**
 * A JSON array of the items as text chunks, one item per line, `itemsPerChunk` items a chunk;
 * the concatenation is one valid JSON document.
 */
export function* jsonChunks(items: Iterable<IntegrationItem>, itemsPerChunk = 2000): Generator<string, void, undefined> {
  let chunk = '[';
  let count = 0;
  let inChunk = 0;
  for (const item of items) {
    chunk += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(exportedItem(item))}`;
    count++;
    if (++inChunk === itemsPerChunk) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  yield `${chunk}${count === 0 ? ']' : '\n]'}\n`;
}
