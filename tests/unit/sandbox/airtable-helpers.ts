import { approve, basicAuth, call, clientOf, jsonOf, pkcePair, redirectUriOf } from './helpers';

export const AIRTABLE_SCOPES = 'data.records:read schema.bases:read';

export async function airtableCode(scope = AIRTABLE_SCOPES): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const query = await approve('airtable', 'oauth2/v1/authorize', {
    client_id: clientOf('airtable').clientId,
    redirect_uri: redirectUriOf('airtable'),
    response_type: 'code',
    scope,
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return { code: query.get('code') ?? '', verifier };
}

export function airtableTokenRequest(fields: Record<string, string>, authorization = basicAuth('airtable')): Promise<Response> {
  return call('airtable', 'oauth2/v1/token', { form: fields, headers: authorization ? { Authorization: authorization } : {} });
}

export async function airtableConnect(scope?: string): Promise<{ accessToken: string; refreshToken: string }> {
  const { code, verifier } = await airtableCode(scope);
  const body = await jsonOf(
    await airtableTokenRequest({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUriOf('airtable') }),
  );
  return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token) };
}

export function airtableGet(path: string, token: string): Promise<Response> {
  return call('airtable', path, { headers: { Authorization: `Bearer ${token}` } });
}
