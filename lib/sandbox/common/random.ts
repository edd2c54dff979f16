import 'server-only';
import { randomInt, randomUUID } from 'node:crypto';

/**
 * Unpredictable identifiers in the providers' own formats (the PRNG in prng.ts is for
 * deterministic data only; random tokens and secret comparison come from lib/crypto).
 */

export function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function randomNumber(min: number, maxExclusive: number): number {
  return randomInt(min, maxExclusive);
}

export function uuid(): string {
  return randomUUID();
}
