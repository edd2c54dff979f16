import 'server-only';
import { getEnv } from '@/lib/server/env';

/** The redirect URI registered for the app's own client of an emulator, as a provider's app settings would hold it. */
export function registeredRedirectUri(providerId: string): string {
  return `${getEnv().publicOrigin}/api/integrations/${providerId}/oauth2callback`;
}

/**
 * Exact string match, as the real providers do, with RFC 8252 §7.3's one exception: for a
 * registered http URI on a loopback IP literal the port may differ (so a second local
 * instance, e.g. one the tests configure as a live client, may use the same registration).
 */
export function redirectUriMatches(registered: string, candidate: string): boolean {
  if (candidate === registered) return true;
  const loopback = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::\d{1,5})?(\/.*)$/;
  const expected = loopback.exec(registered);
  const actual = loopback.exec(candidate);
  // Textual, like the exact match: the same host literal and the same path and query, character for character.
  return Boolean(expected && actual && actual[1] === expected[1] && actual[2] === expected[2]);
}

/** Whether the emulator may send the browser to this URI; anything else gets an error page, never a redirect. */
export function isRegisteredRedirectUri(providerId: string, value: string | null | undefined): value is string {
  return typeof value === 'string' && redirectUriMatches(registeredRedirectUri(providerId), value);
}

export function withQueryParams(uri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
