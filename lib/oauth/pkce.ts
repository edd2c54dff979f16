import 'server-only';
import { randomToken, sha256Base64Url } from '@/lib/server/crypto';

/** RFC 7636: a 43-character verifier (32 random bytes) and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomToken(32);
  return { verifier, challenge: sha256Base64Url(verifier) };
}
