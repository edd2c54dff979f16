import { z } from 'zod';
import { errorBodySchema } from './error';
import { integrationItemSchema } from './item';

/** The last line of a complete NDJSON list. */
export const doneLineSchema = z.object({ done: z.object({ count: z.number().int().min(0) }) }).meta({ id: 'DoneLine' });
export type DoneLine = z.infer<typeof doneLineSchema>;

/**
 * One line of an `application/x-ndjson` items answer: an item, then exactly one end line,
 * `{"done": {"count": N}}` or `{"error": {...}}` (a stream without either was cut off).
 */
export const itemsStreamLineSchema = z.union([integrationItemSchema, doneLineSchema, errorBodySchema]).meta({ id: 'ItemsStreamLine' });
export type ItemsStreamLine = z.infer<typeof itemsStreamLineSchema>;

export function doneLine(count: number): DoneLine {
  return { done: { count } };
}
