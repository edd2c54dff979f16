import { z } from 'zod';
import { errorBodySchema } from './error';
import { integrationItemSchema } from './item';

/**
 * The last line of a complete NDJSON list. `skipped` is there only when the provider had records
 * it could not read and left out of the list (never 0: a load that skipped nothing says `{"count": N}`).
 */
export const doneLineSchema = z
  .object({ done: z.object({ count: z.number().int().min(0), skipped: z.number().int().min(1).optional() }) })
  .meta({ id: 'DoneLine' });
export type DoneLine = z.infer<typeof doneLineSchema>;

/**
 * One line of an `application/x-ndjson` items answer: an item, then exactly one end line,
 * `{"done": {"count": N}}` (with `"skipped": K` when K records were left out) or `{"error": {...}}`
 * (a stream without either was cut off).
 */
export const itemsStreamLineSchema = z.union([integrationItemSchema, doneLineSchema, errorBodySchema]).meta({ id: 'ItemsStreamLine' });
export type ItemsStreamLine = z.infer<typeof itemsStreamLineSchema>;

/** The done line of a list of `count` items; it names `skipped` only when something was left out. */
export function doneLine(count: number, skipped = 0): DoneLine {
  return skipped > 0 ? { done: { count, skipped } } : { done: { count } };
}
