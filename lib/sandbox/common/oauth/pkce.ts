import 'server-only';
import { constantTimeEqual, sha256Base64Url } from '@/lib/server/crypto';

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidCodeChallenge(value: string): boolean {
  return CHALLENGE.test(value);
}

/** Whether a token request's code_verifier answers the challenge given at authorize time. */
export function verifierMatches(challenge: string, verifier: string | undefined): boolean {
  if (!verifier || !VERIFIER.test(verifier)) return false;
  return constantTimeEqual(sha256Base64Url(verifier), challenge);
}
