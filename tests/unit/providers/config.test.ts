import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv, type EnvSource } from '@/lib/server/env';
import { resolveProviderConfig } from '@/lib/providers/config';
import { providers } from '@/lib/providers';

const env = globalThis as typeof globalThis & { __integrationsHubEnv?: unknown };
function useEnv(source: EnvSource) {
  env.__integrationsHubEnv = parseEnv({ APP_URL: 'https://hub.example.com', SECRET_KEY: 'ab'.repeat(32), ...source });
}
afterEach(() => {
  delete env.__integrationsHubEnv;
});

describe('resolveProviderConfig', () => {
  it.each(providers.map((provider) => [provider.id, provider] as const))('%s: live only with both client id and secret', (id, provider) => {
    const prefix = id.toUpperCase();
    useEnv({ [`${prefix}_CLIENT_ID`]: 'id' });
    expect(resolveProviderConfig(provider).mode).toBe('sandbox');
    useEnv({ [`${prefix}_CLIENT_ID`]: 'id', [`${prefix}_CLIENT_SECRET`]: 'secret' });
    const live = resolveProviderConfig(provider);
    expect(live.mode).toBe('live');
    expect(live.authorizeUrl).toBe(provider.authorization.endpoint.live);
    expect(new URL(live.tokenUrl).protocol).toBe('https:');
  });

  it.each(providers.map((provider) => [provider.id, provider] as const))('%s: honours every endpoint override, the token URL included', (id, provider) => {
    const prefix = id.toUpperCase();
    useEnv({
      [`${prefix}_CLIENT_ID`]: 'id',
      [`${prefix}_CLIENT_SECRET`]: 'secret',
      [`${prefix}_AUTHORIZE_URL`]: 'https://auth.example.com/authorize',
      [`${prefix}_TOKEN_URL`]: 'https://auth.example.com/token',
      [`${prefix}_API_URL`]: 'https://api.example.com/',
      [`${prefix}_SCOPES`]: 'a b,c',
    });
    expect(resolveProviderConfig(provider)).toMatchObject({
      mode: 'live',
      authorizeUrl: 'https://auth.example.com/authorize',
      tokenUrl: 'https://auth.example.com/token',
      apiUrl: 'https://api.example.com',
      scopes: ['a', 'b', 'c'],
      redirectUri: `https://hub.example.com/api/integrations/${id}/oauth2callback`,
    });
  });

  it.each(providers.map((provider) => [provider.id, provider] as const))('%s: the sandbox lives under /sandbox/{id} of this app', (id, provider) => {
    useEnv({});
    const config = resolveProviderConfig(provider);
    expect(config.mode).toBe('sandbox');
    expect(config.authorizeUrl.startsWith(`https://hub.example.com/sandbox/${id}/`)).toBe(true);
    expect(config.tokenUrl).toContain(`/sandbox/${id}/`);
    expect(config.apiUrl).toContain(`/sandbox/${id}`);
  });
});
