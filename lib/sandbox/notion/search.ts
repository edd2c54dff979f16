import 'server-only';
import { z } from 'zod';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse, readJsonBody } from '../common/http';
import { slicePage } from '../common/paging';
import { uuid } from '../common/random';
import { notionWorkspace, type NotionNode } from './data';
import { notionError } from './errors';
import { serializeNotionNode } from './serialize';

/** `POST /v1/search`: pages and databases, cursor-paged by the id of the next result. */

const searchBodySchema = z
  .object({
    query: z.string().max(2000).optional(),
    filter: z
      .object({
        property: z.literal('object'),
        value: z.enum(['page', 'database', 'data_source']),
      })
      .strict()
      .optional(),
    sort: z
      .object({
        direction: z.enum(['ascending', 'descending']),
        timestamp: z.literal('last_edited_time'),
      })
      .strict()
      .optional(),
    start_cursor: z.string().max(200).optional(),
    page_size: z.number().int().min(1).max(100).optional(),
  })
  .strict();

function validationError(message: string): Response {
  return notionError(400, 'validation_error', message);
}

function matches(node: NotionNode, body: z.infer<typeof searchBodySchema>): boolean {
  const wanted = body.filter?.value === 'data_source' ? 'database' : body.filter?.value;
  if (wanted && node.kind !== wanted) return false;
  const query = body.query?.trim().toLowerCase();
  return !query || node.title.toLowerCase().includes(query);
}

export async function notionSearch(ctx: ApiCallContext): Promise<Response> {
  const raw = await readJsonBody(ctx.request);
  if (!raw.ok) return notionError(400, 'invalid_json', 'Error parsing JSON body.');
  const parsed = searchBodySchema.safeParse(raw.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `body.${issue.path.join('.') || '(root)'} ${issue.message}`);
    return validationError(`body failed validation: ${problems.join(', ')}.`);
  }
  const body = parsed.data;
  let results = notionWorkspace(ctx.state).nodes.filter((node) => matches(node, body));
  if (body.sort?.direction === 'ascending') results = [...results].reverse();
  let start = 0;
  if (body.start_cursor !== undefined) {
    start = results.findIndex((node) => node.id === body.start_cursor);
    if (start < 0) return validationError(`The start_cursor provided is invalid: ${body.start_cursor}`);
  }
  const pageSize = Math.min(body.page_size ?? 100, ctx.state.faults.pageSize ?? 100);
  const page = slicePage(results, start, pageSize);
  return jsonResponse({
    object: 'list',
    results: page.items.map(serializeNotionNode),
    next_cursor: page.nextIndex === null ? null : results[page.nextIndex].id,
    has_more: page.nextIndex !== null,
    type: 'page_or_database',
    page_or_database: {},
    request_id: uuid(),
  });
}
