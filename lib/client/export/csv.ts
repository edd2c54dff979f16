import type { IntegrationItem } from '@/lib/contract';
import { ITEM_FIELDS } from './item-fields';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Provider data is untrusted: a cell a spreadsheet would run as a formula gets a leading `'`. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** The text of one value: empty for null, `true`/`false`, JSON for lists and objects. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One RFC 4180 field: quoted (inner quotes doubled) when it holds a quote, comma, CR or LF. */
export function csvField(value: unknown): string {
  const text = neutraliseFormula(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Byte order mark: tells spreadsheet apps the file is UTF-8 (without it Excel garbles accents and emoji). */
export const UTF8_BOM = '\uFEFF';

/**
 * The CSV file as a sequence of text chunks of `rowsPerChunk` records each: a BOM and the header
 * row of every IntegrationItem field first, so nothing ever holds the whole file as one string.
 */
export function* csvChunks(items: Iterable<IntegrationItem>, rowsPerChunk = 2000): Generator<string, void, undefined> {
  yield UTF8_BOM + csvLine(ITEM_FIELDS);
  let chunk = '';
  let rows = 0;
  for (const item of items) {
    chunk += csvLine(ITEM_FIELDS.map((field) => item[field]));
    if (++rows === rowsPerChunk) {
      yield chunk;
      chunk = '';
      rows = 0;
    }
  }
  if (chunk) yield chunk;
}
