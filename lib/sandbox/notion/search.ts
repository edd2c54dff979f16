import 'server-only';
import { z } from 'zod';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse, readJsonBody } from '../common/http';
import { slicePage } from '../common/paging';
import { uuid } from '../common/random';
import { notionWorkspace, type NotionNode } from './data';
import { notionError } from './errors';
import { isSearchableIn, serializeNotionNode } from './serialize';
import { notionApiModel, type NotionApiModel } from './version';

/**
 * `POST /v1/search`: pages plus databases (before 2025-09-03) or data sources (from it), newest
 * edit first, cursor-paged by the id of the next result. Trashed content is left out unless the
 * filter asks for it with `in_trash` (2025-09-03 and later). The `malformedSearchResults` fault
 * takes the `id` off the first N pages of the answer's order (pages only: leaving out a data
 * source would also hide its database from a client, so the count left out would not be N).
 */

function bodySchema(model: NotionApiModel) {
  const objectValue = model.dataSources ? z.enum(['page', 'data_source']) : z.enum(['page', 'database']);
  const inTrash = model.dataSources ? { in_trash: z.boolean().optional() } : {};
  const objectFilter = z.object({ property: z.literal('object'), value: objectValue, ...inTrash }).strict();
  const filter = model.dataSources ? z.union([objectFilter, z.object({ in_trash: z.boolean() }).strict()]) : objectFilter;
  const timestampSort = z.object({ direction: z.enum(['ascending', 'descending']), timestamp: z.literal('last_edited_time') }).strict();
  const sort = model.dataSources ? z.union([timestampSort, z.object({ property: z.literal('relevance') }).strict()]) : timestampSort;
  return z
    .object({
      query: z.string().max(2000).optional(),
      filter: filter.optional(),
      sort: sort.optional(),
      start_cursor: z.string().max(200).nullish(),
      page_size: z.number().int().min(1).max(100).optional(),
    })
    .strict();
}

type SearchBody = z.infer<ReturnType<typeof bodySchema>>;

function validationError(message: string): Response {
  return notionError(400, 'validation_error', message);
}

function matches(node: NotionNode, body: SearchBody, model: NotionApiModel): boolean {
  if (!isSearchableIn(node, model)) return false;
  const filter = body.filter;
  if (filter && 'value' in filter && node.kind !== filter.value) return false;
  const trashWanted = filter && 'in_trash' in filter ? Boolean(filter.in_trash) : false;
  if (node.trashed !== trashWanted) return false;
  const query = body.query?.trim().toLowerCase();
  return !query || node.title.toLowerCase().includes(query);
}

export async function notionSearch(ctx: ApiCallContext): Promise<Response> {
  const model = notionApiModel(ctx.request);
  const raw = await readJsonBody(ctx.request);
  if (!raw.ok) return notionError(400, 'invalid_json', 'Error parsing JSON body.');
  const parsed = bodySchema(model).safeParse(raw.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `body.${issue.path.join('.') || '(root)'} ${issue.message}`);
    return validationError(`body failed validation: ${problems.join(', ')}.`);
  }
  const body = parsed.data;
  const data = notionWorkspace(ctx.state);
  let results = data.nodes.filter((node) => matches(node, body, model));
  if (body.sort && 'direction' in body.sort && body.sort.direction === 'ascending') results = [...results].reverse();
  let start = 0;
  if (body.start_cursor) {
    start = results.findIndex((node) => node.id === body.start_cursor);
    if (start < 0) return validationError(`The start_cursor provided is invalid: ${body.start_cursor}`);
  }
  const pageSize = Math.min(body.page_size ?? 100, ctx.state.faults.pageSize ?? 100);
  const page = slicePage(results, start, pageSize);
  const listType = model.dataSources ? 'page_or_data_source' : 'page_or_database';
  const malformedCount = ctx.state.faults.malformedSearchResults;
  const malformed = new Set(malformedCount ? results.filter((node) => node.kind === 'page').slice(0, malformedCount).map((node) => node.id) : []);
  const serialize = (node: NotionNode) => {
    const json = serializeNotionNode(node, data, model);
    if (!malformed.has(node.id)) return json;
    const { id: _id, ...withoutId } = json;
    return withoutId;
  };
  return jsonResponse({
    object: 'list',
    results: page.items.map(serialize),
    next_cursor: page.nextIndex === null ? null : results[page.nextIndex].id,
    has_more: page.nextIndex !== null,
    type: listType,
    [listType]: {},
    request_id: uuid(),
  });
}
