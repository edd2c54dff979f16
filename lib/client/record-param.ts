/** The query parameter that keeps the open record in the URL, so the view can be shared within the session. */
export const RECORD_PARAM = 'record';

export function readRecordParam(search: string): string | null {
  const value = new URLSearchParams(search).get(RECORD_PARAM);
  return value && value.length <= 512 ? value : null;
}

/** The same URL with the record parameter set to `rowId`, or removed for null. */
export function withRecordParam(href: string, rowId: string | null): string {
  const url = new URL(href);
  if (rowId) url.searchParams.set(RECORD_PARAM, rowId);
  else url.searchParams.delete(RECORD_PARAM);
  return url.toString();
}
