import 'server-only';
import { deriveRing, type RingKey } from '@/lib/server/crypto';
import { getEnv } from '@/lib/server/env';

const rings = new Map<string, RingKey[]>();

/**
 * The keys for one purpose: derived from SECRET_KEY (writes and reads) and, while a rotation is
 * under way, from SECRET_KEY_PREVIOUS (reads only).
 */
export function keyRing(purpose: string): RingKey[] {
  let ring = rings.get(purpose);
  if (!ring) {
    const env = getEnv();
    ring = deriveRing(env.previousSecretKey ? [env.secretKey, env.previousSecretKey] : [env.secretKey], purpose);
    rings.set(purpose, ring);
  }
  return ring;
}
