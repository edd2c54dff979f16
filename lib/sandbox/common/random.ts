import 'server-only';
import { randomBytes, randomInt, randomUUID, timingSafeEqual, createHash } from 'node:crypto';

/** Unpredictable identifiers and secrets (the PRNG in prng.ts is for deterministic data only). */

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

export function randomNumber(min: number, maxExclusive: number): number {
  return randomInt(min, maxExclusive);
}

export function uuid(): string {
  return randomUUID();
}

/** Constant-time string comparison (hashes first so lengths may differ). */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
