import 'server-only';
import { ALPHANUMERIC, SeededRandom } from './prng';

/** Deterministic provider-style identifiers derived from a seed. */

/** e.g. `app` + 14 characters (Airtable ids are 17 characters long). */
export function prefixedId(random: SeededRandom, prefix: string, length = 14): string {
  return `${prefix}${random.string(length, ALPHANUMERIC)}`;
}

/** Numeric ids that only grow, with small random gaps. */
export function increasingIds(random: SeededRandom, start: number, count: number, maxGap = 3): number[] {
  const ids: number[] = [];
  let next = start;
  for (let i = 0; i < count; i += 1) {
    ids.push(next);
    next += random.int(1, maxGap);
  }
  return ids;
}

/** ASCII slug for domains and e-mail local parts ("Zoë Brontë" → "zoe-bronte"). */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}
