// `npm run bench:export`: what exporting 100,000 rows costs (time and memory), CSV and JSON.
// Runs the same code the browser runs (lib/client/export) under Node, through vitest so TypeScript
// and the `@/` imports resolve; it prints figures and asserts only that the files are whole.
import { it, expect } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import type { IntegrationItem } from '@/lib/contract';
import { csvChunks } from '@/lib/client/export/csv';
import { chunksToBlob, EXPORT_MIME } from '@/lib/client/export/download';
import { jsonChunks } from '@/lib/client/export/json';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const names = ['Acme, Inc.', 'Say "hi"', '=SUM(A1:A9)', 'Ünïcødé 🚀', 'Plain name', 'multi\nline', '@mention', 'Globex'];

function sampleItems(count: number): IntegrationItem[] {
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) =>
    createIntegrationItem(
      {
        id: String(100_000_000 + i),
        type: ['contact', 'company', 'deal', 'page', 'table'][i % 5],
        provider: ['hubspot', 'notion', 'airtable'][i % 3],
        name: `${names[i % names.length]} ${i}`,
        creation_time: new Date(base + i * 60_000).toISOString(),
        last_modified_time: new Date(base + i * 90_000).toISOString(),
        url: `https://app.hubspot.com/contacts/123456/record/0-1/${100_000_000 + i}`,
        parent_id: i % 4 === 0 ? null : String(i % 997),
        parent_path_or_name: i % 4 === 0 ? null : `Parent, ${i % 997}`,
        directory: i % 11 === 0,
      },
      'x',
    ),
  );
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function measure(label: string, chunks: () => Iterable<string>, type: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  let chunkCount = 0;
  function* sampled() {
    for (const chunk of chunks()) {
      chunkCount++;
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
      yield chunk;
    }
  }
  const started = performance.now();
  const blob = await chunksToBlob(sampled(), type);
  const elapsed = performance.now() - started;
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  console.log(
    `${label}: ${ROWS.toLocaleString('en-US')} rows in ${elapsed.toFixed(0)} ms ` +
      `(${Math.round(ROWS / (elapsed / 1000)).toLocaleString('en-US')} rows/s), file ${mb(blob.size)} MB in ${chunkCount} chunks, ` +
      `peak heap +${mb(peakHeap - before.heapUsed)} MB, peak RSS +${mb(peakRss - before.rss)} MB`,
  );
  return blob;
}

it(`exports ${ROWS} rows as CSV and JSON`, { timeout: 600_000 }, async () => {
  const items = sampleItems(ROWS);
  console.log(`sample: ${ROWS.toLocaleString('en-US')} items held in memory before the export (the table's rows)`);
  const csv = await measure('CSV ', () => csvChunks(items), EXPORT_MIME.csv);
  const json = await measure('JSON', () => jsonChunks(items), EXPORT_MIME.json);
  // Whole files: the header plus one CRLF per row (names with a newline add one more each), and an array of every item.
  const crlfs = (await csv.text()).split('\r\n').length - 1;
  expect(crlfs).toBe(ROWS + 1);
  expect((JSON.parse(await json.text()) as unknown[]).length).toBe(ROWS);
});
