import type { IntegrationItem } from '@/lib/contract';
import { csvChunks } from './csv';
import { chunksToBlob, EXPORT_MIME, exportFileName, saveBlob, type ExportFormat } from './download';
import { jsonChunks } from './json';

/** Writes the items (already searched, filtered and sorted by the caller) to a downloaded file. */
export async function exportItems(
  items: readonly IntegrationItem[],
  format: ExportFormat,
  scope: string,
): Promise<{ fileName: string; bytes: number }> {
  const chunks = format === 'csv' ? csvChunks(items) : jsonChunks(items);
  const blob = await chunksToBlob(chunks, EXPORT_MIME[format]);
  const fileName = exportFileName(scope, format);
  saveBlob(blob, fileName);
  return { fileName, bytes: blob.size };
}
