export type ExportFormat = 'csv' | 'json';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** "items-all-connected-2026-12-01T23-04-05Z.csv": sortable, and free of characters file systems refuse. */
export function exportFileName(scope: string, format: ExportFormat, at: Date = new Date()): string {
  const safeScope = scope.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'items';
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  return `items-${safeScope}-${stamp}.${format}`;
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Collects text chunks into a Blob, handing control back between chunks so a page stays
 * responsive while 100,000 rows are written. The Blob keeps the chunks as UTF-8 bytes.
 */
export async function chunksToBlob(chunks: Iterable<string>, type: string): Promise<Blob> {
  const parts: BlobPart[] = [];
  for (const chunk of chunks) {
    parts.push(chunk);
    await yieldToBrowser();
  }
  return new Blob(parts, { type });
}

/** Hands a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; a later revoke frees it without cutting it off.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
