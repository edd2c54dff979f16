import 'server-only';
import { randomToken, sha256Base64Url } from '@/lib/server/crypto';
import { getStore } from '@/lib/store';
import { parseJson, sandboxKey, type EmulatorState } from '../state';
import type { AuthorizationCodeRecord } from './records';
import { rememberIssuedSecret } from '../issued-secrets';

export const AUTHORIZATION_CODE_TTL_MS = 5 * 60 * 1000;
/** Unused codes kept per emulator; a consent flood pushes out the oldest. */
export const AUTHORIZATION_CODE_CAP = 1000;

const codeKey = (state: EmulatorState, codeHash: string) => sandboxKey(state, 'code', codeHash);

export async function issueAuthorizationCode(
  state: EmulatorState,
  fields: Omit<AuthorizationCodeRecord, 'expiresAt'>,
  now = Date.now(),
): Promise<string> {
  const store = getStore();
  const code = randomToken(24);
  rememberIssuedSecret(code);
  const hash = sha256Base64Url(code);
  const ttlSeconds = AUTHORIZATION_CODE_TTL_MS / 1000;
  const record: AuthorizationCodeRecord = { ...fields, expiresAt: now + AUTHORIZATION_CODE_TTL_MS };
  await store.set(codeKey(state, hash), JSON.stringify(record), ttlSeconds);
  const evicted = await store.pushCapped(sandboxKey(state, 'codes'), hash, AUTHORIZATION_CODE_CAP, ttlSeconds);
  await Promise.all(evicted.map((old) => store.del(codeKey(state, old))));
  return code;
}

/** Takes a code out of the store (single use, also across instances): the record if it was valid and unexpired, else null. */
export async function consumeAuthorizationCode(state: EmulatorState, code: string, now = Date.now()): Promise<AuthorizationCodeRecord | null> {
  const record = parseJson<AuthorizationCodeRecord>(await getStore().getDel(codeKey(state, sha256Base64Url(code))));
  return record && record.expiresAt > now ? record : null;
}
