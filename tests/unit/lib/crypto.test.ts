import { describe, expect, it } from 'vitest';
import { decrypt, deriveKey, deriveRing, encrypt, openWithRing, sealWithRing, signWithRing, verifyWithRing } from '@/lib/server/crypto';

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

describe('key ring (SECRET_KEY rotation)', () => {
  const oldSecret = Buffer.alloc(32, 1);
  const newSecret = Buffer.alloc(32, 2);
  const before = deriveRing([oldSecret], 'records');
  const during = deriveRing([newSecret, oldSecret], 'records');

  it('reads records sealed with the previous key (marked stale) and the keyless v1 format', () => {
    const sealed = sealWithRing(before, 'value', 'ctx');
    expect(sealed.split('.')[1]).toBe(before[0].id);
    expect(openWithRing(during, sealed, 'ctx')).toEqual({ plaintext: 'value', stale: true });
    expect(openWithRing(during, sealWithRing(during, 'value', 'ctx'), 'ctx')).toEqual({ plaintext: 'value', stale: false });
    expect(openWithRing(during, encrypt(before[0].key, 'legacy', 'ctx'), 'ctx')).toEqual({ plaintext: 'legacy', stale: true });
    expect(openWithRing(deriveRing([newSecret], 'records'), sealed, 'ctx')).toBeNull();
  });

  it('verifies signatures of either key, and refuses a forged one', () => {
    const signed = signWithRing(before, 'session-id');
    expect(verifyWithRing(during, signed)).toEqual({ value: 'session-id', stale: true });
    expect(verifyWithRing(during, signWithRing(during, 'session-id'))).toEqual({ value: 'session-id', stale: false });
    expect(verifyWithRing(during, `session-id.${during[0].id}.forged`)).toBeNull();
    expect(verifyWithRing(deriveRing([newSecret], 'records'), signed)).toBeNull();
  });
});
