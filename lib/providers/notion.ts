import 'server-only';
import { z } from 'zod';
import { paginate } from '@/lib/async';
import { ProviderError } from '@/lib/errors';
import { createIntegrationItem, type IntegrationItem } from '@/lib/items';
import type { ListContext, ProviderDefinition } from '@/lib/providers/types';

const richText = z.array(z.object({ plain_text: z.string().nullish() }));

const parent = z
  .object({ type: z.string(), page_id: z.string().optional(), database_id: z.string().optional(), block_id: z.string().optional() })
  .nullish();

const notionObject = z.object({
  object: z.enum(['page', 'database']),
  id: z.string(),
  created_time: z.string().nullish(),
  last_edited_time: z.string().nullish(),
  url: z.string().nullish(),
  archived: z.boolean().optional(),
  in_trash: z.boolean().optional(),
  parent,
  title: richText.optional(),
  // A page's title property holds rich text; a database's property schema holds `title: {}`.
  properties: z.record(z.string(), z.looseObject({ type: z.string().optional(), title: z.unknown().optional() })).optional(),
});
type NotionObject = z.infer<typeof notionObject>;

const searchPage = z.object({
  results: z.array(z.unknown()),
  next_cursor: z.string().nullish(),
  has_more: z.boolean().optional(),
});

const workspaceFields = z.object({
  bot_id: z.string(),
  workspace_id: z.string().nullish(),
  workspace_name: z.string().nullish(),
});

const plainText = (parts: z.infer<typeof richText> | undefined) => (parts ?? []).map((part) => part.plain_text ?? '').join('');

/** A page's title lives in its one property of type `title`; a database's in `title`. */
export function titleOf(object: NotionObject): string {
  if (object.object === 'database') return plainText(object.title);
  const titleProperty = Object.values(object.properties ?? {}).find((property) => property.type === 'title');
  const parts = richText.safeParse(titleProperty?.title);
  return parts.success ? plainText(parts.data) : '';
}

function parentIdOf(object: NotionObject): string | null {
  return object.parent?.page_id ?? object.parent?.database_id ?? object.parent?.block_id ?? null;
}

export function toIntegrationItem(object: NotionObject, titles: ReadonlyMap<string, string>, ctx: Pick<ListContext, 'link'>): IntegrationItem {
  const parentId = parentIdOf(object);
  return createIntegrationItem(
    {
      id: object.id,
      type: object.object,
      provider: 'notion',
      name: titleOf(object),
      creation_time: object.created_time,
      last_modified_time: object.last_edited_time,
      url: ctx.link(object.url),
      visibility: !(object.archived || object.in_trash),
      parent_id: parentId,
      parent_path_or_name: parentId ? (titles.get(parentId) ?? null) : null,
      directory: object.object === 'database',
    },
    'Untitled',
  );
}

async function* listItems(ctx: ListContext): AsyncGenerator<IntegrationItem[]> {
  const titles = new Map<string, string>();
  // Items whose parent has not been seen yet wait until the end, so their parent name is known.
  const waiting: NotionObject[] = [];
  const pages = paginate(async (cursor) => {
    const page = await ctx.api.request(searchPage, '/v1/search', {
      method: 'POST',
      json: { page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) },
    });
    return { values: page.results, next: page.has_more === false ? null : (page.next_cursor ?? null) };
  });
  for await (const results of pages) {
    // Search also returns object types this app does not show (e.g. data sources in newer API versions): skip them.
    const objects = results.flatMap((result) => {
      const parsed = notionObject.safeParse(result);
      return parsed.success ? [parsed.data] : [];
    });
    for (const object of objects) titles.set(object.id, titleOf(object) || 'Untitled');
    const ready = objects.filter((object) => {
      const parentId = parentIdOf(object);
      if (parentId && !titles.has(parentId)) {
        waiting.push(object);
        return false;
      }
      return true;
    });
    yield ready.map((object) => toIntegrationItem(object, titles, ctx));
  }
  if (waiting.length) yield waiting.map((object) => toIntegrationItem(object, titles, ctx));
}

export const notion = {
  id: 'notion',
  displayName: 'Notion',
  description: 'Pages and databases shared with the integration in a Notion workspace',
  itemTypes: ['page', 'database'],
  authorization: {
    endpoint: { live: 'https://api.notion.com/v1/oauth/authorize', sandboxPath: '/v1/oauth/authorize' },
    scopes: [],
    pkce: false,
    extraParams: { owner: 'user' },
  },
  api: { endpoint: { live: 'https://api.notion.com', sandboxPath: '' }, headers: { 'Notion-Version': '2022-06-28' } },
  token: { endpoint: { apiPath: '/v1/oauth/token' }, clientAuth: 'basic', bodyFormat: 'json' },
  // About three requests per second per connection, with short bursts allowed.
  rateLimit: { requests: 3, intervalMs: 1000, retryAfterDefaultMs: 1000 },

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
