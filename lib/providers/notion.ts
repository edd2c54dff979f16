import 'server-only';
import { z } from 'zod';
import { paginate } from '@/lib/shared/async';
import { ProviderError } from '@/lib/shared/errors';
import { log } from '@/lib/server/log';
import type { IntegrationItem } from '@/lib/contract';
import {
  databaseObject,
  dataSourceObject,
  editedAt,
  pageObject,
  parseSearchResult,
  searchAnswer,
  toEntry,
  toIntegrationItem,
  type NotionEntry,
  type NotionObjectType,
} from '@/lib/providers/notion-objects';
import type { ListContext, ProviderApi, ProviderDefinition } from '@/lib/providers/types';

const workspaceFields = z.object({
  bot_id: z.string(),
  workspace_id: z.string().nullish(),
  workspace_name: z.string().nullish(),
});

/** Every call sends this version: databases are containers of data sources (the official SDK's default). */
export const NOTION_VERSION = '2025-09-03';

/** Parents outside the listing (not shared, trashed, or unchanged since modified_since) are read one by one, at most this many per load. */
const MAX_PARENT_LOOKUPS = 50;

/** Objects read by id at the same time: a load stays a polite trickle even when a stricter limit than ours applies. */
const READ_CONCURRENCY = 3;

/** Notion keeps edit times to the minute, so the cut-off is too: an edit in the same minute is kept. */
const minuteOf = (date: Date) => Math.floor(date.getTime() / 60_000) * 60_000;

/** Search results, newest edit first; with a cut-off, the first result edited before it ends the list. */
function searchPages(api: ProviderApi, since: number | null): AsyncGenerator<unknown[]> {
  return paginate('Notion', async (cursor) => {
    const answer = await api.request(searchAnswer, '/v1/search', {
      method: 'POST',
      json: { page_size: 100, sort: { timestamp: 'last_edited_time', direction: 'descending' }, ...(cursor ? { start_cursor: cursor } : {}) },
    });
    const next = answer.has_more === false ? null : (answer.next_cursor ?? null);
    const older = since === null ? -1 : answer.results.findIndex((raw) => (editedAt(raw) ?? Infinity) < since);
    return older < 0 ? { values: answer.results, next } : { values: answer.results.slice(0, older), next: null };
  });
}

/** `read` over every id, READ_CONCURRENCY at a time, results in the ids' order. */
async function readEach<T>(ids: readonly string[], read: (id: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      results[index] = await read(ids[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
  return results;
}

/** One object by id; null when Notion does not share it with the integration (404, or 403 for missing capabilities). */
async function readObject(api: ProviderApi, kind: NotionObjectType, id: string): Promise<NotionEntry | null> {
  const path = encodeURIComponent(id);
  try {
    if (kind === 'page') return toEntry(await api.request(pageObject, `/v1/pages/${path}`));
    if (kind === 'data_source') return toEntry(await api.request(dataSourceObject, `/v1/data_sources/${path}`));
    return toEntry(await api.request(databaseObject, `/v1/databases/${path}`));
  } catch (error) {
    if (error instanceof ProviderError && (error.providerStatus === 404 || error.providerStatus === 403)) return null;
    throw error;
  }
}

/**
 * Pages and data sources from search, plus each data source's database (read once). Items whose
 * parent has not been seen yet wait until the end, when parents outside the listing are read, so
 * a parent's name is its title (never a raw id). Trashed content is not listed. Search results
 * that are not a page or data source of the expected shape are left out, and reported as skipped.
 */
async function* listItems(ctx: ListContext): AsyncGenerator<IntegrationItem[]> {
  const since = ctx.modifiedSince ? minuteOf(ctx.modifiedSince) : null;
  const changed = (entry: NotionEntry) => since === null || Date.parse(entry.lastEditedTime ?? '') >= since;
  const names = new Map<string, string>();
  const databases = new Map<string, Promise<NotionEntry | null>>();
  const waiting: NotionEntry[] = [];
  let malformed = 0;

  const remember = (entry: NotionEntry) => names.set(entry.id, entry.title || 'Untitled');
  const settled = (entry: NotionEntry) => !entry.parent || entry.parent.kind === 'block' || names.has(entry.parent.id);
  const toItem = (entry: NotionEntry) => toIntegrationItem(entry, entry.parent ? (names.get(entry.parent.id) ?? null) : null, ctx);
  const readDatabase = (id: string) => {
    const known = databases.get(id) ?? readObject(ctx.api, 'database', id);
    databases.set(id, known);
    return known;
  };

  for await (const results of searchPages(ctx.api, since)) {
    const entries: NotionEntry[] = [];
    let unreadable = 0;
    for (const raw of results) {
      const entry = parseSearchResult(raw);
      if (!entry) unreadable += 1;
      else if (!entry.trashed) entries.push(entry);
    }
    if (unreadable) {
      ctx.reportSkipped(unreadable);
      malformed += unreadable;
    }
    const newDatabases = new Set(entries.flatMap((entry) => (entry.type === 'data_source' && entry.parent?.kind === 'database' ? [entry.parent.id] : [])));
    for (const database of await readEach([...newDatabases].filter((id) => !databases.has(id)), readDatabase)) {
      if (!database) continue;
      remember(database);
      if (!database.trashed && changed(database)) entries.push(database);
    }
    entries.forEach(remember);
    const ready: NotionEntry[] = [];
    for (const entry of entries) (settled(entry) ? ready : waiting).push(entry);
    if (ready.length) yield ready.map(toItem);
  }

  const unknownParents = new Map<string, NotionObjectType>();
  for (const { parent } of waiting.filter((entry) => !settled(entry))) {
    if (parent && parent.kind !== 'block') unknownParents.set(parent.id, parent.kind);
  }
  const lookups = [...unknownParents.keys()].slice(0, MAX_PARENT_LOOKUPS);
  const parents = await readEach(lookups, (id) => {
    const kind = unknownParents.get(id) ?? 'page';
    return kind === 'database' ? readDatabase(id) : readObject(ctx.api, kind, id);
  });
  for (const parent of parents) if (parent) remember(parent);
  if (waiting.length) yield waiting.map(toItem);
  if (malformed) {
    log.warn(`[integrations-hub] Notion: ${malformed} search result(s) were not a page or data source of the expected shape and were left out of the load.`);
  }
}

export const notion = {
  id: 'notion',
  displayName: 'Notion',
  description: 'Pages, data sources and databases shared with the integration in a Notion workspace',
  itemTypes: ['page', 'data_source', 'database'],
  authorization: {
    endpoint: { live: 'https://api.notion.com/v1/oauth/authorize', sandboxPath: '/v1/oauth/authorize' },
    scopes: [],
    pkce: false,
    extraParams: { owner: 'user' },
  },
  api: { endpoint: { live: 'https://api.notion.com', sandboxPath: '' }, headers: { 'Notion-Version': NOTION_VERSION } },
  token: { endpoint: { apiPath: '/v1/oauth/token' }, clientAuth: 'basic', bodyFormat: 'json' },
  // A budget per connection per 60-second window that may be spent in one burst; 180 is the documented average of 3/s.
  rateLimit: { requests: 180, intervalMs: 60_000, retryAfterDefaultMs: 1000 },

  async describeAccount(tokens) {
    const parsed = workspaceFields.safeParse(tokens.raw);
    if (!parsed.success) throw new ProviderError('Notion', 'the token answer did not name the bot and workspace.');
    const fields = parsed.data;
    return {
      id: fields.bot_id,
      label: fields.workspace_name?.trim() || 'Notion workspace',
      details: { botId: fields.bot_id, ...(fields.workspace_id ? { workspaceId: fields.workspace_id } : {}), ...(fields.workspace_name ? { workspaceName: fields.workspace_name } : {}) },
    };
  },

  listItems,

  async revoke({ api, accessToken, clientAuthorization }) {
    await api.request(z.unknown(), '/v1/oauth/revoke', {
      method: 'POST',
      json: { token: accessToken },
      auth: false,
      headers: { authorization: clientAuthorization },
    });
  },
} as const satisfies ProviderDefinition;
