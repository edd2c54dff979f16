import { describe, expect, it } from 'vitest';
import { decrypt, deriveKey, encrypt } from '@/lib/crypto';

const key = deriveKey(Buffer.alloc(32, 7), 'test');

describe('encrypt/decrypt (AES-256-GCM)', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = encrypt(key, '{"accessToken":"secret-token"}', 'conn:a:hubspot');
    expect(sealed).not.toContain('secret-token');
    expect(decrypt(key, sealed, 'conn:a:hubspot')).toBe('{"accessToken":"secret-token"}');
  });

  it('uses a fresh IV each time', () => {
    expect(encrypt(key, 'same', 'ctx')).not.toBe(encrypt(key, 'same', 'ctx'));
  });

  it('refuses another context, another key, and tampering', () => {
    const sealed = encrypt(key, 'value', 'conn:a:hubspot');
    expect(decrypt(key, sealed, 'conn:b:hubspot')).toBeNull();
    expect(decrypt(deriveKey(Buffer.alloc(32, 8), 'test'), sealed, 'conn:a:hubspot')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(decrypt(key, `v1.${raw.toString('base64url')}`, 'conn:a:hubspot')).toBeNull();
    expect(decrypt(key, 'garbage', 'conn:a:hubspot')).toBeNull();
    expect(decrypt(key, 'v1.AAAA', 'conn:a:hubspot')).toBeNull();
  });

  it('derives different keys per purpose', () => {
    expect(deriveKey(Buffer.alloc(32, 7), 'a').equals(deriveKey(Buffer.alloc(32, 7), 'b'))).toBe(false);
  });
});
