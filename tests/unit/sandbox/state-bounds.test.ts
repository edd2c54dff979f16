import { afterEach, describe, expect, it } from 'vitest';
import { AUTHORIZATION_CODE_CAP } from '@/lib/sandbox/common/oauth/authorization-codes';
import { call, redirectUriOf } from './helpers';
import { hubspotCode, hubspotTokenRequest } from './hubspot-helpers';

/** The emulators' state is capped: a flood pushes out the oldest records instead of growing without bound. */

const exchange = (code: string) => hubspotTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') });

describe('sandbox state bounds', () => {
  afterEach(() => call('hubspot', '_faults', { method: 'DELETE' }));

  it(`keeps at most ${AUTHORIZATION_CODE_CAP} unused codes, forgetting the oldest first`, async () => {
    const codes: string[] = [];
    for (let i = 0; i < AUTHORIZATION_CODE_CAP + 50; i++) {
      // Fresh consent windows now and then: this is about the cap, not the per-address limit.
      if (i % 500 === 0) await call('hubspot', '_faults', { method: 'DELETE' });
      codes.push((await hubspotCode()).code);
    }
    expect((await exchange(codes[0])).status).toBe(400);
    expect((await exchange(codes[49])).status).toBe(400);
    expect((await exchange(codes[50])).status).toBe(200);
    expect((await exchange(codes.at(-1) ?? '')).status).toBe(200);
  });

  it('answers a consent flood from one address 429 with Retry-After past the limit', async () => {
    await call('hubspot', '_faults', { method: 'DELETE' });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 610; i++) {
      const response = await call('hubspot', 'oauth/authorize?client_id=x');
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.filter((status) => status === 429).length).toBe(10);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
