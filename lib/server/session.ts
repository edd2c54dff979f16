import 'server-only';
import { headers } from 'next/headers';
import { randomToken, sha256Base64Url, signWithRing, verifyWithRing } from '@/lib/server/crypto';
import { getEnv } from '@/lib/server/env';
import { IntegrationError } from '@/lib/shared/errors';
import { keyRing } from '@/lib/server/key-ring';

/** Set by proxy.ts on every request (any value sent by the browser is overwritten). */
export const SESSION_HEADER = 'x-session-id';
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function onHttps(): boolean {
  return getEnv().publicOrigin.startsWith('https:');
}

/**
 * On https the cookie is `__Host-` prefixed: the browser then takes it only from this exact host,
 * Secure and without a Domain, so a sibling subdomain cannot plant a session of its choosing.
 */
export function sessionCookieName(): string {
  return onHttps() ? '__Host-ih_session' : 'ih_session';
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: onHttps(), path: '/', maxAge: SESSION_MAX_AGE_SECONDS };
}

/** A whole Set-Cookie header for a session cookie value (for responses built outside the proxy). */
export function sessionSetCookieHeader(cookie: string): string {
  const options = sessionCookieOptions();
  return [
    `${sessionCookieName()}=${cookie}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function signSessionId(sessionId: string): string {
  return signWithRing(keyRing('session-cookie'), sessionId);
}

export function createSessionCookieValue(): { sessionId: string; cookie: string } {
  const sessionId = randomToken(32);
  return { sessionId, cookie: signSessionId(sessionId) };
}

/**
 * The session id inside a signed cookie value, or null when it is missing or forged. `stale` when
 * it was signed with SECRET_KEY_PREVIOUS: still valid, and worth signing again with the current key.
 */
export function verifySessionCookieValue(value: string | undefined): { sessionId: string; stale: boolean } | null {
  if (!value) return null;
  const verified = verifyWithRing(keyRing('session-cookie'), value);
  return verified ? { sessionId: verified.value, stale: verified.stale } : null;
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
