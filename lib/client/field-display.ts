import type { IntegrationItem } from '@/lib/contract';
import { ITEM_FIELDS } from './export/item-fields';
import { formatDateTime } from './format';

const TIME_FIELDS = new Set<string>(['creation_time', 'last_modified_time']);

/** How a field's value reads in the details panel ("—" for nothing). */
export function displayValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (TIME_FIELDS.has(field) && typeof value === 'string') return `${formatDateTime(value)} (${value})`;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? value.join(', ') : '—';
  return JSON.stringify(value);
}

/**
 * What a record carries beyond the contract's fields (e.g. provider properties a load asked for),
 * as name/value pairs; an object is opened one level so each property gets its own line.
 */
export function extraFields(item: IntegrationItem): Array<{ name: string; value: unknown }> {
  const known = new Set<string>(ITEM_FIELDS);
  const extras: Array<{ name: string; value: unknown }> = [];
  for (const [name, value] of Object.entries(item)) {
    if (known.has(name)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) extras.push({ name: `${name}.${inner}`, value: innerValue });
    } else {
      extras.push({ name, value });
    }
  }
  return extras;
}
