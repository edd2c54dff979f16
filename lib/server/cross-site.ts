/**
 * True when a browser sent this request from another site (CSRF): the browser's own
 * Sec-Fetch-Site says so, or, from browsers without it, an Origin that is not the app's.
 * Requests without either header (scripts, curl) come from no page and pass.
 */
export function isCrossSiteRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('origin');
  if (origin === null) return false;
  return !allowedOrigins.includes(origin);
}
