import { describe, expect, it } from 'vitest';
import { ratePauseKey, rateWindowKey, refreshHoldKey, refreshLockKey } from '@/lib/store/keys';

/** CRC16/XMODEM of the key's hash tag (or the whole key), modulo 16384: Redis Cluster's key slot. */
function keySlot(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const hashed = close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

describe('store keys on Redis Cluster', () => {
  it('computes slots as Redis does', () => {
    expect(keySlot('123456789')).toBe(0x31c3 % 16384);
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
  });

  it('puts every key of one rate reservation (account, bucket, their pauses) in one slot', () => {
    for (const scope of ['airtable:usr1234567890abcd', 'hubspot:44021', 'notion:0f2c-9a', 'odd{scope}', 'x}y', '{', '']) {
      const account = rateWindowKey(scope);
      const bucket = rateWindowKey(scope, 'appABCDEFGHIJKLMN');
      const keys = [account, ratePauseKey(account), bucket, ratePauseKey(bucket), rateWindowKey(scope, 'meta')];
      expect(new Set(keys.map(keySlot)).size, scope).toBe(1);
    }
  });

  it('spreads different accounts over slots', () => {
    const slots = new Set(Array.from({ length: 50 }, (_, i) => keySlot(rateWindowKey(`hubspot:${i}`))));
    expect(slots.size).toBeGreaterThan(40);
  });

  it('gives the refresh lock and its hold one key each (each script uses only its own)', () => {
    expect(refreshLockKey('s1', 'airtable')).not.toBe(refreshHoldKey('s1', 'airtable'));
    expect(refreshLockKey('s1', 'airtable')).not.toBe(refreshLockKey('s2', 'airtable'));
  });
});
