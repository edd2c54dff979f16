import {
  APIErrorCode,
  APIResponseError,
  Client,
  collectPaginatedAPI,
  isFullDatabase,
  isFullDataSource,
  isFullPage,
  isFullPageOrDataSource,
  iteratePaginatedAPI,
  LogLevel,
} from '@notionhq/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from './helpers';

/** The official SDK with its default Notion-Version (2025-09-03), pointed at the app's Notion emulator with baseUrl, works unchanged. */

const APP = (process.env.TEST_APP_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const BASE = `${APP}/sandbox/notion`;
const REDIRECT_URI = `${APP}/api/integrations/notion/oauth2callback`;

interface SandboxClient {
  client_id: string;
  client_secret: string;
}

const sdk = (auth?: string, notionVersion?: string) => new Client({ auth, baseUrl: BASE, notionVersion, logLevel: LogLevel.ERROR });

async function sandboxClient(): Promise<SandboxClient> {
  const response = await fetch(`${BASE}/_client`);
  expect(response.status).toBe(200);
  return (await response.json()) as SandboxClient;
}

async function authorizationCode(clientId: string): Promise<string> {
  const form = new URLSearchParams({ client_id: clientId, redirect_uri: REDIRECT_URI, response_type: 'code', owner: 'user', state: 'sdk-test', decision: 'allow' });
  const response = await fetch(`${BASE}/v1/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

async function rejection(promise: Promise<unknown>): Promise<APIResponseError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(APIResponseError.isAPIResponseError(error)).toBe(true);
  return error as APIResponseError;
}

describe('@notionhq/client against the Notion sandbox', () => {
  let client: SandboxClient;
  let accessToken: string;

  beforeAll(async () => {
    await sandbox('notion').reset();
    client = await sandboxClient();
    const tokens = await sdk().oauth.token({
      grant_type: 'authorization_code',
      code: await authorizationCode(client.client_id),
      redirect_uri: REDIRECT_URI,
      client_id: client.client_id,
      client_secret: client.client_secret,
    });
    expect(tokens).toMatchObject({ token_type: 'bearer', owner: { type: 'user' } });
    expect(tokens.refresh_token).toBeTruthy();
    accessToken = tokens.access_token;
  });

  it('introspects the token and reads the bot user', async () => {
    const info = await sdk().oauth.introspect({ token: accessToken, client_id: client.client_id, client_secret: client.client_secret });
    expect(info.active).toBe(true);
    const me = await sdk(accessToken).users.me({});
    expect(me).toMatchObject({ object: 'user', type: 'bot' });
  });

  it('iterates every page of search: pages and data sources once each, newest edit first, nothing trashed', async () => {
    const notion = sdk(accessToken);
    const results = await collectPaginatedAPI(notion.search, { page_size: 100, sort: { timestamp: 'last_edited_time', direction: 'descending' } });
    expect(new Set(results.map((result) => result.id)).size).toBe(results.length);
    expect(results.every(isFullPageOrDataSource)).toBe(true);
    const pages = results.filter(isFullPage);
    const sources = results.filter(isFullDataSource);
    expect(pages.length).toBeGreaterThan(380);
    expect(sources).toHaveLength(36);
    expect(pages.length + sources.length).toBe(results.length);
    expect(results.every((result) => isFullPageOrDataSource(result) && !result.in_trash)).toBe(true);
    const times = results.map((result) => (isFullPageOrDataSource(result) ? result.last_edited_time : ''));
    expect([...times].sort().reverse()).toEqual(times);
    expect(sources.every((source) => source.parent.type === 'database_id')).toBe(true);
    const rows = pages.filter((page) => page.parent.type === 'data_source_id');
    expect(rows.length).toBeGreaterThan(100);

    // The same walk in small pages, with the SDK's iterator, gives the same results in the same order.
    const walked: string[] = [];
    for await (const result of iteratePaginatedAPI(notion.search, { page_size: 60, filter: { property: 'object', value: 'page' } })) walked.push(result.id);
    expect(walked).toEqual(pages.map((page) => page.id));
  });

  it('retrieves a database as a container of data sources, and each data source', async () => {
    const notion = sdk(accessToken);
    const sources = (await collectPaginatedAPI(notion.search, { filter: { property: 'object', value: 'data_source' } })).filter(isFullDataSource);
    const databaseIds = sources.map((source) => (source.parent.type === 'database_id' ? source.parent.database_id : ''));
    const twoSources = databaseIds.find((id) => databaseIds.filter((other) => other === id).length === 2) ?? '';
    const database = await notion.databases.retrieve({ database_id: twoSources });
    expect(isFullDatabase(database)).toBe(true);
    if (!isFullDatabase(database)) return;
    expect(database.data_sources).toHaveLength(2);
    for (const reference of database.data_sources) {
      const source = await notion.dataSources.retrieve({ data_source_id: reference.id });
      expect(isFullDataSource(source)).toBe(true);
      if (!isFullDataSource(source)) continue;
      expect(source.parent).toEqual({ type: 'database_id', database_id: database.id });
      expect(source.title.map((part) => part.plain_text).join('')).toBe(reference.name);
      expect(Object.values(source.properties).some((property) => property.type === 'title')).toBe(true);
    }
    const row = (await notion.search({ filter: { property: 'object', value: 'page' }, page_size: 100 })).results
      .filter(isFullPage)
      .find((page) => page.parent.type === 'data_source_id');
    const again = await notion.pages.retrieve({ page_id: row?.id ?? '' });
    expect(isFullPage(again) && again.parent).toEqual(row?.parent);
  });

  it('raises typed APIResponseErrors with Notion codes', async () => {
    const badToken = await rejection(sdk('ntn_not-a-real-token').search({ page_size: 1 }));
    expect(badToken).toMatchObject({ code: APIErrorCode.Unauthorized, status: 401 });
    const notion = sdk(accessToken);
    const [source] = (await notion.search({ filter: { property: 'object', value: 'data_source' }, page_size: 1 })).results;
    const wrongKind = await rejection(notion.databases.retrieve({ database_id: source.id }));
    expect(wrongKind).toMatchObject({ code: APIErrorCode.ObjectNotFound, status: 404 });
    const tooBig = await rejection(notion.search({ page_size: 101 }));
    expect(tooBig).toMatchObject({ code: APIErrorCode.ValidationError, status: 400 });
    const unknownVersion = await rejection(sdk(accessToken, '2024-01-01').users.me({}));
    expect(unknownVersion).toMatchObject({ code: APIErrorCode.ValidationError, status: 400 });
  });

  it('still answers 2022-06-28 callers in the old shapes', async () => {
    const legacy = await sdk(accessToken, '2022-06-28').search({ page_size: 100 });
    const objects = new Set(legacy.results.map((result) => result.object as string));
    expect(objects.has('database')).toBe(true);
    expect(objects.has('data_source')).toBe(false);
  });

  it('revokes the token with oauth.revoke', async () => {
    const revoked = await sdk().oauth.revoke({ token: accessToken, client_id: client.client_id, client_secret: client.client_secret });
    expect(revoked).toEqual({});
    const after = await rejection(sdk(accessToken).users.me({}));
    expect(after.code).toBe(APIErrorCode.Unauthorized);
  });
});
