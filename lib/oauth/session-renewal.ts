import 'server-only';
import { moveConnections } from '@/lib/oauth/connection-store';
import { providers } from '@/lib/providers';
import { createSessionCookieValue, sessionKeyOf, sessionSetCookieHeader } from '@/lib/server/session';

/**
 * Replaces the session once a connection completes (session fixation): the connections move to a
 * new session id, so a cookie planted or seen before sign-in now finds nothing. Returns the
 * Set-Cookie header that hands the new session to the browser.
 */
export async function renewSession(oldSessionKey: string): Promise<string> {
  const { sessionId, cookie } = createSessionCookieValue();
  await moveConnections(oldSessionKey, sessionKeyOf(sessionId), providers.map((provider) => provider.id));
  return sessionSetCookieHeader(cookie);
}
