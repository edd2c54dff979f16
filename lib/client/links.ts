/**
 * Decides whether an item's URL may be rendered as a clickable link.
 * Only https: URLs, or URLs on the page's own origin (e.g. the sandbox emulator), qualify;
 * anything else (javascript:, data:, http: elsewhere, garbage) is shown as plain text.
 */
export function safeLinkHref(url: string | null | undefined, pageOrigin: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let parsed: URL;
  try {
    // No base URL: relative or malformed strings are rejected rather than resolved.
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol === 'https:') return parsed.href;
  if (pageOrigin && pageOrigin !== 'null' && parsed.origin === pageOrigin && /^https?:$/.test(parsed.protocol)) {
    return parsed.href;
  }
  return null;
}
