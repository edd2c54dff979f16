import { safeUrl } from '@/lib/shared/items';

/**
 * Decides whether an item's URL may be rendered as a clickable link: https, or the page's own
 * origin (e.g. the sandbox emulator). Anything else (javascript:, data:, http: elsewhere,
 * garbage) is shown as plain text.
 */
export function safeLinkHref(url: string | null | undefined, pageOrigin: string | null | undefined): string | null {
  return safeUrl(url, pageOrigin && pageOrigin !== 'null' ? [pageOrigin] : []);
}
