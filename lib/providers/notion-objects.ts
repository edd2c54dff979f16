import 'server-only';
import { z } from 'zod';
import { createIntegrationItem } from '@/lib/shared/items';
import { type IntegrationItem } from '@/lib/contract';
import type { ListContext } from '@/lib/providers/types';

/**
 * Notion's objects in Notion-Version 2025-09-03 and their mapping to items. A database is a
 * container of data sources; pages in a database name their data source (and its database) as parent.
 */

const richText = z.array(z.object({ plain_text: z.string().nullish() }));

const parent = z
  .object({
    type: z.string(),
    page_id: z.string().optional(),
    data_source_id: z.string().optional(),
    database_id: z.string().optional(),
    block_id: z.string().optional(),
  })
  .nullish();

const common = {
  id: z.string().min(1),
  created_time: z.string().nullish(),
  last_edited_time: z.string().nullish(),
  url: z.string().nullish(),
  in_trash: z.boolean().optional(),
  archived: z.boolean().optional(),
  parent,
};

export const pageObject = z.object({
  object: z.literal('page'),
  ...common,
  // A page's title is the rich text of its one property of type `title`.
  properties: z.record(z.string(), z.looseObject({ type: z.string().optional(), title: z.unknown().optional() })).optional(),
});
export const dataSourceObject = z.object({ object: z.literal('data_source'), ...common, title: richText.optional() });
export const databaseObject = z.object({ object: z.literal('database'), ...common, title: richText.optional() });

const searchResult = z.discriminatedUnion('object', [pageObject, dataSourceObject]);
export const searchAnswer = z.object({ results: z.array(z.unknown()), next_cursor: z.string().nullish(), has_more: z.boolean().optional() });

export type NotionObjectType = 'page' | 'data_source' | 'database';

/** Where an object lives; blocks have no name worth a request, the workspace is no parent. */
export type ParentRef = { kind: NotionObjectType | 'block'; id: string } | null;

/** A Notion object reduced to what an item needs, before its parent's name is known. */
export interface NotionEntry {
  type: NotionObjectType;
  id: string;
  /** Empty when the object has no title. */
  title: string;
  createdTime: string | null;
  lastEditedTime: string | null;
  url: string | null;
  trashed: boolean;
  parent: ParentRef;
}

const plainText = (parts: z.infer<typeof richText> | undefined) => (parts ?? []).map((part) => part.plain_text ?? '').join('').trim();

function pageTitle(page: z.infer<typeof pageObject>): string {
  const titleProperty = Object.values(page.properties ?? {}).find((property) => property.type === 'title');
  const parts = richText.safeParse(titleProperty?.title);
  return parts.success ? plainText(parts.data) : '';
}

function parentRef(value: z.infer<typeof parent>): ParentRef {
  if (value?.type === 'page_id' && value.page_id) return { kind: 'page', id: value.page_id };
  if (value?.type === 'data_source_id' && value.data_source_id) return { kind: 'data_source', id: value.data_source_id };
  if (value?.type === 'database_id' && value.database_id) return { kind: 'database', id: value.database_id };
  if (value?.type === 'block_id' && value.block_id) return { kind: 'block', id: value.block_id };
  return null;
}

type AnyObject = z.infer<typeof pageObject> | z.infer<typeof dataSourceObject> | z.infer<typeof databaseObject>;

export function toEntry(object: AnyObject): NotionEntry {
  return {
    type: object.object,
    id: object.id,
    title: object.object === 'page' ? pageTitle(object) : plainText(object.title),
    createdTime: object.created_time ?? null,
    lastEditedTime: object.last_edited_time ?? null,
    url: object.url ?? null,
    trashed: Boolean(object.in_trash || object.archived),
    parent: parentRef(object.parent),
  };
}

/** A search result as an entry, or null when it does not have the shape of a page or data source. */
export function parseSearchResult(raw: unknown): NotionEntry | null {
  const parsed = searchResult.safeParse(raw);
  return parsed.success ? toEntry(parsed.data) : null;
}

/** The edit time of a raw search result, for the modified_since cut-off (null when unreadable). */
export function editedAt(raw: unknown): number | null {
  const parsed = z.object({ last_edited_time: z.string() }).safeParse(raw);
  const time = parsed.success ? Date.parse(parsed.data.last_edited_time) : NaN;
  return Number.isNaN(time) ? null : time;
}

/** Pages are leaves; data sources and databases are containers. */
export function toIntegrationItem(entry: NotionEntry, parentName: string | null, ctx: Pick<ListContext, 'link'>): IntegrationItem {
  return createIntegrationItem(
    {
      id: entry.id,
      type: entry.type,
      provider: 'notion',
      name: entry.title,
      creation_time: entry.createdTime,
      last_modified_time: entry.lastEditedTime,
      url: ctx.link(entry.url),
      visibility: !entry.trashed,
      parent_id: entry.parent?.id ?? null,
      parent_path_or_name: parentName,
      directory: entry.type !== 'page',
    },
    'Untitled',
  );
}
