import { describe, expect, it } from 'vitest';
import { describeForLog, redact, registerSecret } from '@/lib/shared/redact';

const uuidToken = 'na1-3f2b8c4e-9a1d-4e6f-b7c2-0d5e8f1a2b3c';
const tokens = [
  'CO' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tV9wX1yZ3aB5cD7eF9g',
  uuidToken,
  'oaaAbCdEfGhIjKlMn.v1.refresh.Qw3rTy8uIo0pAs2dFg4hJk6lZx8cVb0nM1qW3eR5tY7',
  'ntn_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3',
  'f'.repeat(20) + '0123456789abcdef0123456789abcdef0123456789ab',
];

describe('redact', () => {
  it.each(tokens)('removes the token %s from paths, JSON, headers and prose', (token) => {
    for (const text of [
      `DELETE /oauth/v1/refresh-tokens/${token} failed`,
      `{"refresh_token":"${token}","expires_in":1800}`,
      `authorization: Bearer ${token}`,
      `HubSpot answered with an error: refresh token ${token} is unknown (HTTP 400 from /oauth/v1/refresh-tokens/${token}).`,
      `grant_type=refresh_token&refresh_token=${encodeURIComponent(token)}`,
    ]) {
      expect(redact(text), text).not.toContain(token);
    }
  });

  it('removes query strings and URL credentials, keeps the readable rest', () => {
    expect(redact('GET https://app.example.com/api/integrations/hubspot/oauth2callback?code=abc&state=def failed')).toBe(
      'GET https://app.example.com/api/integrations/hubspot/oauth2callback?[redacted] failed',
    );
    expect(redact('Redis: connect ECONNREFUSED redis://:hunter2hunter2@10.0.0.1:6379')).not.toContain('hunter2');
    expect(redact('HubSpot did not answer in time: /crm/v3/objects/contacts could not be reached after 5 attempts')).toBe(
      'HubSpot did not answer in time: /crm/v3/objects/contacts could not be reached after 5 attempts',
    );
    expect(redact('ProviderTimeoutError: integrations-hub ReconnectRequiredError')).toBe('ProviderTimeoutError: integrations-hub ReconnectRequiredError');
  });

  it('removes registered secrets whatever their shape, and redacts error stacks and causes', () => {
    registerSecret('plain words secret');
    expect(redact('the key is plain words secret!')).toBe('the key is [redacted]!');
    const error = new Error(`revoking failed for ${uuidToken}`, { cause: new Error(`body: {"access_token":"x${tokens[0]}"}`) });
    const described = describeForLog(error);
    expect(described).not.toContain(uuidToken);
    expect(described).not.toContain(tokens[0]);
    expect(described).toContain('caused by');
  });
});
