/**
 * Colours for a provider's mark (a monogram), each with at least 4.5:1 contrast against white text
 * so the letter stays readable in both colour schemes. The app draws no provider's trademark.
 */
const MARK_COLOURS = ['#c2410c', '#1d4ed8', '#047857', '#7e22ce', '#be185d', '#0f766e', '#4338ca', '#b91c1c'];

/** A stable colour per provider id, so a provider keeps its colour across loads and pages. */
export function markColour(providerId: string): string {
  let hash = 0;
  for (const char of providerId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return MARK_COLOURS[hash % MARK_COLOURS.length];
}

/** The first letter or digit of a display name, upper-cased ("?" when there is none). */
export function monogram(name: string): string {
  const match = /[\p{L}\p{N}]/u.exec(name);
  return match ? match[0].toUpperCase() : '?';
}
