import { approve, basicAuth, call, clientOf, jsonOf, redirectUriOf } from './helpers';

export const NOTION_VERSION = '2022-06-28';

export async function notionCode(extra: Record<string, string> = {}): Promise<string> {
  const query = await approve('notion', 'v1/oauth/authorize', {
    client_id: clientOf('notion').clientId,
    redirect_uri: redirectUriOf('notion'),
    response_type: 'code',
    owner: 'user',
    state: 'n-state',
    ...extra,
  });
  return query.get('code') ?? '';
}

export function notionPost(path: string, json: unknown, authorization = basicAuth('notion')): Promise<Response> {
  return call('notion', path, { json, headers: authorization ? { Authorization: authorization } : {} });
}

export async function notionConnect(): Promise<Record<string, unknown>> {
  const code = await notionCode();
  return jsonOf(await notionPost('v1/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: redirectUriOf('notion') }));
}

export function notionApi(path: string, token: string, json?: unknown, version: string | null = NOTION_VERSION): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (version) headers['Notion-Version'] = version;
  return call('notion', path, { json, headers, method: json === undefined ? 'GET' : 'POST' });
}
