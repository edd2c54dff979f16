import { describe, expect, it } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import { integrationItemSchema, type IntegrationItem } from '@/lib/contract';
import { csvChunks, csvField, neutraliseFormula, UTF8_BOM } from '@/lib/client/export/csv';
import { ITEM_FIELDS } from '@/lib/client/export/item-fields';
import { parseCsv } from '@/tests/support/parse-csv';

function item(overrides: Partial<IntegrationItem> = {}): IntegrationItem {
  return { ...createIntegrationItem({ id: '1', type: 'contact', provider: 'hubspot' }, 'Contact 1'), ...overrides };
}

const csvText = (items: IntegrationItem[], rowsPerChunk?: number) => [...csvChunks(items, rowsPerChunk)].join('');

describe('neutraliseFormula', () => {
  it.each(['=SUM(A1:A2)', '+1', '-2+3', '@cmd', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(['Acme', '', ' =not first', "'quoted", '1-2', 'a=b'])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('csvField', () => {
  it('quotes fields holding commas, quotes, CR or LF and doubles inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes null as empty, booleans as words and lists as JSON', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(['a', 'b'])).toBe('"[""a"",""b""]"');
  });

  it('neutralises before quoting, so a formula with a comma stays one inert field', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe('csvChunks', () => {
  it('starts with a BOM and a header row of every IntegrationItem field, CRLF-terminated', () => {
    const text = csvText([]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(ITEM_FIELDS).toEqual(Object.keys(integrationItemSchema.shape));
    expect(text).toBe(`${UTF8_BOM}${ITEM_FIELDS.join(',')}\r\n`);
  });

  it('round-trips hostile values through a strict RFC 4180 reader', () => {
    const hostile = [
      item({ id: 'a', name: 'Comma, Inc.' }),
      item({ id: 'b', name: 'Quote "the" name', parent_path_or_name: 'multi\nline' }),
      item({ id: 'c', name: '=cmd|\' /C calc\'!A0', url: null, children: ['x', 'y'], visibility: false }),
      item({ id: 'd', name: 'Ünïcødé 🚀 名前' }),
      item({ id: 'e', name: '@SUM(1)', parent_path_or_name: '-1+1' }),
    ];
    const rows = parseCsv(csvText(hostile).slice(UTF8_BOM.length));
    expect(rows[0]).toEqual([...ITEM_FIELDS]);
    const at = (row: number, field: keyof IntegrationItem) => rows[row][ITEM_FIELDS.indexOf(field)];
    expect(rows).toHaveLength(hostile.length + 1);
    expect(at(1, 'name')).toBe('Comma, Inc.');
    expect(at(2, 'name')).toBe('Quote "the" name');
    expect(at(2, 'parent_path_or_name')).toBe('multi\nline');
    expect(at(3, 'name')).toBe("'=cmd|' /C calc'!A0");
    expect(at(3, 'url')).toBe('');
    expect(at(3, 'children')).toBe('["x","y"]');
    expect(at(3, 'visibility')).toBe('false');
    expect(at(4, 'name')).toBe('Ünïcødé 🚀 名前');
    expect(at(5, 'name')).toBe("'@SUM(1)");
    expect(at(5, 'parent_path_or_name')).toBe("'-1+1");
    // No cell of the file can start a formula.
    for (const row of rows.slice(1)) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
  });

  it('splits the rows into chunks of the asked size without changing the text', () => {
    const items = Array.from({ length: 7 }, (_, i) => item({ id: String(i), name: `Item ${i}` }));
    const chunks = [...csvChunks(items, 3)];
    expect(chunks).toHaveLength(1 + 3);
    expect(chunks.join('')).toBe(csvText(items, 100));
  });

  it('leaves out properties an item carries beyond the contract fields', () => {
    const extended = { ...item(), properties: { secret: 'x' } } as IntegrationItem;
    expect(csvText([extended])).not.toContain('secret');
  });
});
