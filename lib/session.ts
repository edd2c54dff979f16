import 'server-only';
import { headers } from 'next/headers';
import { constantTimeEqual, deriveKey, hmacBase64Url, randomToken, sha256Base64Url } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { IntegrationError } from '@/lib/errors';

export const SESSION_COOKIE = 'ih_session';
/** Set by proxy.ts on every request (any value sent by the browser is overwritten). */
export const SESSION_HEADER = 'x-session-id';
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function signingKey(): Buffer {
  return deriveKey(getEnv().secretKey, 'session-cookie');
}

export function createSessionCookieValue(): { sessionId: string; cookie: string } {
  const sessionId = randomToken(32);
  return { sessionId, cookie: `${sessionId}.${hmacBase64Url(signingKey(), sessionId)}` };
}

/** The session id inside a signed cookie value, or null when it is missing or forged. */
export function verifySessionCookieValue(value: string | undefined): string | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const sessionId = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  return constantTimeEqual(signature, hmacBase64Url(signingKey(), sessionId)) ? sessionId : null;
}

/**
 * The opaque id used in store keys: a hash of the cookie's session id, so a dump of
 * Redis holds nothing that could be replayed as a cookie.
 */
export function sessionKeyOf(sessionId: string): string {
  return sha256Base64Url(`session:${sessionId}`).slice(0, 32);
}

export async function currentSessionKey(): Promise<string> {
  const sessionId = (await headers()).get(SESSION_HEADER);
  if (!sessionId) {
    throw new IntegrationError('no_session', 'No session: enable cookies for this site and reload the page.', 400);
  }
  return sessionKeyOf(sessionId);
}
