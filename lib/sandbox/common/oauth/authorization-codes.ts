import 'server-only';
import { randomToken } from '@/lib/crypto';
import type { AuthorizationCodeRecord, OAuthState } from './records';

export const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;

export function issueAuthorizationCode(
  oauth: OAuthState,
  fields: Omit<AuthorizationCodeRecord, 'code' | 'expiresAt'>,
  now = Date.now(),
): string {
  for (const [code, record] of oauth.codes) {
    if (record.expiresAt <= now) oauth.codes.delete(code);
  }
  const code = randomToken(24);
  oauth.codes.set(code, { ...fields, code, expiresAt: now + AUTHORIZATION_CODE_TTL_MS });
  return code;
}

/** Takes a code out of the store (single use): the record if it was valid and unexpired, else null. */
export function consumeAuthorizationCode(oauth: OAuthState, code: string, now = Date.now()): AuthorizationCodeRecord | null {
  const record = oauth.codes.get(code);
  if (!record) return null;
  oauth.codes.delete(code);
  return record.expiresAt > now ? record : null;
}
