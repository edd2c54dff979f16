import 'server-only';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { uuid } from '../common/random';
import { notionWorkspace, type NotionNode } from './data';
import { notionError, notionErrors } from './errors';
import { serializeNotionNode } from './serialize';
import { notionApiModel } from './version';

/** `GET /v1/pages/{id}`, `GET /v1/databases/{id}`, `GET /v1/data_sources/{id}` (2025-09-03 on), `GET /v1/users/me`. */

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function dashed(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const KIND_NAMES: Record<NotionNode['kind'], string> = { page: 'page', database: 'database', data_source: 'data source' };

function retrieve(ctx: ApiCallContext, kind: NotionNode['kind'], paramName: string): Response {
  const model = notionApiModel(ctx.request);
  if (kind === 'data_source' && !model.dataSources) return notionErrors.notFound(ctx);
  const raw = ctx.params[paramName];
  if (!UUID.test(raw)) {
    return notionError(400, 'validation_error', `path failed validation: path.${paramName} should be a valid uuid, instead was \`"${raw}"\`.`);
  }
  const data = notionWorkspace(ctx.state);
  const node = data.byId.get(dashed(raw));
  if (!node || node.kind !== kind) {
    return notionError(
      404,
      'object_not_found',
      `Could not find ${KIND_NAMES[kind]} with ID: ${dashed(raw)}. Make sure the relevant pages and databases are shared with your integration.`,
    );
  }
  // Older versions cannot describe a database that holds several data sources.
  if (kind === 'database' && !model.dataSources && (data.sourcesOf.get(node.id)?.length ?? 0) > 1) {
    return notionError(
      400,
      'validation_error',
      `Databases with multiple data sources are not supported in this API version. Use Notion-Version 2025-09-03 or later to retrieve database ${node.id}.`,
    );
  }
  return jsonResponse(serializeNotionNode(node, data, model));
}

export const retrievePage = (ctx: ApiCallContext) => retrieve(ctx, 'page', 'pageId');
export const retrieveDatabase = (ctx: ApiCallContext) => retrieve(ctx, 'database', 'databaseId');
export const retrieveDataSource = (ctx: ApiCallContext) => retrieve(ctx, 'data_source', 'dataSourceId');

export function retrieveBotUser(ctx: ApiCallContext): Response {
  const { details } = ctx.account;
  return jsonResponse({
    object: 'user',
    id: details.botId,
    name: 'Integrations Hub (sandbox)',
    avatar_url: null,
    type: 'bot',
    bot: {
      owner: { type: 'user', user: { object: 'user', id: details.userId } },
      workspace_name: details.workspaceName,
    },
    request_id: uuid(),
  });
}
