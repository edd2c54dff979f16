import { afterEach, describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/server/env';
import { call, jsonOf } from './helpers';

describe('handleSandboxRequest', () => {
  afterEach(() => {
    delete process.env.HUBSPOT_CLIENT_ID;
    delete process.env.HUBSPOT_CLIENT_SECRET;
    delete (globalThis as { __integrationsHubEnv?: unknown }).__integrationsHubEnv;
  });

  it('answers 404 JSON for an unknown provider', async () => {
    const response = await call('dropbox', 'oauth/authorize');
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 404 when the provider runs live', async () => {
    process.env.HUBSPOT_CLIENT_ID = 'real-id';
    process.env.HUBSPOT_CLIENT_SECRET = 'real-secret';
    delete (globalThis as { __integrationsHubEnv?: unknown }).__integrationsHubEnv;
    expect(getEnv().provider('hubspot').clientId).toBe('real-id');
    const response = await call('hubspot', 'oauth/authorize');
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers an unknown path with the provider-style 404', async () => {
    const response = await call('hubspot', 'nope/v9');
    expect(response.status).toBe(404);
    expect(await jsonOf(response)).toMatchObject({ status: 'error' });
  });
});
