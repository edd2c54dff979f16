import 'server-only';
import { createHash } from 'node:crypto';
import { secretsEqual } from '../random';

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function isValidCodeChallenge(value: string): boolean {
  return CHALLENGE.test(value);
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Whether a token request's code_verifier answers the challenge given at authorize time. */
export function verifierMatches(challenge: string, verifier: string | undefined): boolean {
  if (!verifier || !VERIFIER.test(verifier)) return false;
  return secretsEqual(s256Challenge(verifier), challenge);
}
