import 'server-only';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const derivedKeys = new WeakMap<Buffer, Map<string, Buffer>>();

/**
 * Derives an independent key for one purpose from the app secret, so one secret can sign and
 * encrypt. Memoized: the proxy asks for the cookie key on every request.
 */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  let keys = derivedKeys.get(secret);
  if (!keys) derivedKeys.set(secret, (keys = new Map<string, Buffer>()));
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `integrations-hub:${purpose}`, 32))));
  return key;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Base64Url(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function hmacBase64Url(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Constant-time string comparison; hashes first, so neither content nor length leaks through timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM. `context` is authenticated but not stored: a ciphertext only decrypts
 * under the same context (the store key), so records cannot be swapped between sessions.
 */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Returns null when the value was not produced by `encrypt` with this key and context. */
export function decrypt(key: Buffer, sealed: string, context: string): string | null {
  if (!sealed.startsWith('v1.')) return null;
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * A key ring: the current key (writes and reads) and, after a rotation, the previous one
 * (reads only). Each key has a short public id, carried in what it sealed or signed.
 */
export interface RingKey {
  id: string;
  key: Buffer;
}

/** One purpose's keys, current first; the id is a fingerprint that reveals nothing of the key. */
export function deriveRing(secrets: readonly Buffer[], purpose: string): RingKey[] {
  return secrets.map((secret) => ({
    id: deriveKey(secret, 'key-id').subarray(0, 6).toString('base64url'),
    key: deriveKey(secret, purpose),
  }));
}

/** Encrypts with the ring's current key: `v2.<key id>.<payload>`. */
export function sealWithRing(ring: readonly RingKey[], plaintext: string, context: string): string {
  const [current] = ring;
  return `v2.${current.id}.${encrypt(current.key, plaintext, context).slice(3)}`;
}

/**
 * Decrypts a record sealed by any key of the ring (or by the keyless v1 format). `stale` says it
 * was not sealed with the current key, so the caller should write it again.
 */
export function openWithRing(ring: readonly RingKey[], sealed: string, context: string): { plaintext: string; stale: boolean } | null {
  if (sealed.startsWith('v2.')) {
    const dot = sealed.indexOf('.', 3);
    const keyId = sealed.slice(3, dot);
    const index = ring.findIndex((entry) => entry.id === keyId);
    if (dot < 0 || index < 0) return null;
    const plaintext = decrypt(ring[index].key, `v1.${sealed.slice(dot + 1)}`, context);
    return plaintext === null ? null : { plaintext, stale: index > 0 };
  }
  for (const entry of ring) {
    const plaintext = decrypt(entry.key, sealed, context);
    if (plaintext !== null) return { plaintext, stale: true };
  }
  return null;
}

/** `<value>.<key id>.<signature>` with the current key. */
export function signWithRing(ring: readonly RingKey[], value: string): string {
  const [current] = ring;
  return `${value}.${current.id}.${hmacBase64Url(current.key, value)}`;
}

/**
 * The value of a signed string, if a key of the ring signed it (also the older `<value>.<signature>`
 * form); `stale` when that was not the current key.
 */
export function verifyWithRing(ring: readonly RingKey[], signed: string): { value: string; stale: boolean } | null {
  const parts = signed.split('.');
  if (parts.length === 3) {
    const [value, keyId, signature] = parts;
    const index = ring.findIndex((entry) => entry.id === keyId);
    if (!value || index < 0) return null;
    return constantTimeEqual(signature, hmacBase64Url(ring[index].key, value)) ? { value, stale: index > 0 } : null;
  }
  if (parts.length === 2 && parts[0]) {
    const [value, signature] = parts;
    const index = ring.findIndex((entry) => constantTimeEqual(signature, hmacBase64Url(entry.key, value)));
    return index < 0 ? null : { value, stale: true };
  }
  return null;
}
