import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseEnv } from '@/lib/server/env';

describe('parseEnv', () => {
  it('has working defaults with nothing set', () => {
    const env = parseEnv({});
    expect(env.publicOrigin).toBe('http://localhost:3000');
    expect(env.internalOrigin).toBe('http://127.0.0.1:3000');
    expect(env.secretKeyGenerated).toBe(true);
    expect(env.secretKey.length).toBe(32);
    expect(env.redisUrl).toBeUndefined();
  });

  it('reads APP_URL, PORT, REDIS_URL and a hex or base64 SECRET_KEY', () => {
    const env = parseEnv({ APP_URL: 'https://hub.example.com/', PORT: '4000', REDIS_URL: 'rediss://r:6380', SECRET_KEY: 'ab'.repeat(32) });
    expect(env.publicOrigin).toBe('https://hub.example.com');
    expect(env.port).toBe(4000);
    expect(env.redisUrl).toBe('rediss://r:6380');
    expect(parseEnv({ SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).secretKey.length).toBe(32);
  });

  it('names the variable and the fix when a value is wrong', () => {
    expect(() => parseEnv({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must be a URL starting with redis:\/\/ or rediss:\/\//);
    expect(() => parseEnv({ PORT: 'abc' })).toThrow(/PORT must be a TCP port/);
    expect(() => parseEnv({ SECRET_KEY: 'short' })).toThrow(ConfigurationError);
    expect(() => parseEnv({ SECRET_KEY: 'short' })).toThrow(/openssl rand -base64 32/);
    expect(() => parseEnv({ VERCEL: '1' })).toThrow(/REDIS_URL is required on Vercel/);
  });

  it('reads provider variables by prefix', () => {
    const env = parseEnv({ HUBSPOT_CLIENT_ID: 'id', HUBSPOT_CLIENT_SECRET: 's', HUBSPOT_API_URL: 'https://api.example.com/' });
    expect(env.provider('hubspot')).toMatchObject({ clientId: 'id', clientSecret: 's', apiUrl: 'https://api.example.com' });
    expect(env.provider('notion')).toMatchObject({ clientId: undefined });
    expect(() => parseEnv({ NOTION_API_URL: 'ftp://x' }).provider('notion')).toThrow(/NOTION_API_URL/);
  });
});
