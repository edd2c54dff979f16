/**
 * An instant no later than when the server started answering, on the server's clock (its `Date`
 * header minus the time the answer took to come), so a browser with a wrong clock still asks for
 * the right changes next time. `Date` has whole seconds: one second is taken off for that, one more
 * as a margin. Without the header, the browser's own time at the request is used.
 */
export function serverInstantBefore(dateHeader: string | null, elapsedMs: number, requestedAtMs: number): string {
  const serverNow = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  const start = Number.isNaN(serverNow) ? requestedAtMs : serverNow - Math.max(0, elapsedMs);
  return new Date(start - 2000).toISOString();
}
