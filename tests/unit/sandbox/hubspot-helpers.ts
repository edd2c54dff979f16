import { approve, call, clientOf, jsonOf, pkcePair, redirectUriOf } from './helpers';

export const HUBSPOT_SCOPES = 'oauth crm.objects.contacts.read crm.objects.companies.read crm.objects.deals.read';

export async function hubspotCode(withPkce = false): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const query = await approve('hubspot', 'oauth/authorize', {
    client_id: clientOf('hubspot').clientId,
    redirect_uri: redirectUriOf('hubspot'),
    scope: HUBSPOT_SCOPES,
    state: 'st',
    ...(withPkce ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  });
  return { code: query.get('code') ?? '', verifier };
}

/** A form POST to one of the 2026-03 OAuth endpoints (`token`, `token/introspect`, `token/revoke`), with the client's credentials. */
export async function hubspotOAuthRequest(endpoint: string, fields: Record<string, string>): Promise<Response> {
  const { clientId, clientSecret } = clientOf('hubspot');
  return call('hubspot', `oauth/2026-03/${endpoint}`, { form: { client_id: clientId, client_secret: clientSecret, ...fields } });
}

export async function hubspotTokenRequest(fields: Record<string, string>): Promise<Response> {
  return hubspotOAuthRequest('token', fields);
}

export async function hubspotV1TokenRequest(fields: Record<string, string>): Promise<Response> {
  const { clientId, clientSecret } = clientOf('hubspot');
  return call('hubspot', 'oauth/v1/token', { form: { client_id: clientId, client_secret: clientSecret, ...fields } });
}

export async function hubspotConnect(): Promise<{ accessToken: string; refreshToken: string; hubId: number }> {
  const { code } = await hubspotCode();
  const body = await jsonOf(
    await hubspotTokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('hubspot') }),
  );
  return { accessToken: String(body.access_token), refreshToken: String(body.refresh_token), hubId: Number(body.hub_id) };
}

export function hubspotGet(path: string, token: string): Promise<Response> {
  return call('hubspot', path, { headers: { Authorization: `Bearer ${token}` } });
}
