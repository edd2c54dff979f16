import 'server-only';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { slicePage } from '../common/paging';
import { parseCrmQuery, type CrmQuery } from './crm-query';
import { serializeCrmRecord } from './crm-serialize';
import { lowerBound, portalCrm } from './crm-store';
import { hubspotError, hubspotValidationError } from './errors';
import { resolveObjectType, type CrmObjectType } from './object-types';

/** `GET /crm/v3/objects/{type}` and `GET /crm/v3/objects/{type}/{id}`. */

type Resolved = { ok: true; type: CrmObjectType; query: CrmQuery } | { ok: false; response: Response };

function resolveRequest(ctx: ApiCallContext): Resolved {
  const segment = ctx.params.objectType;
  const type = resolveObjectType(segment);
  if (!type) return { ok: false, response: hubspotError(400, `Unable to infer object type from: ${segment}`, 'OBJECT_NOT_FOUND') };
  const parsed = parseCrmQuery(ctx.url.searchParams);
  if (!parsed.ok) {
    return {
      ok: false,
      response: hubspotValidationError(parsed.message, [
        { message: parsed.message, code: 'INVALID_QUERY_PARAMETER', context: { parameter: [parsed.parameter] } },
      ]),
    };
  }
  return { ok: true, type, query: parsed.query };
}

export function listCrmObjects(ctx: ApiCallContext): Response {
  const resolved = resolveRequest(ctx);
  if (!resolved.ok) return resolved.response;
  const { type, query } = resolved;
  const table = portalCrm(ctx.state, ctx.account.id)[type.name];
  const records = query.archived ? table.archived : table.active;
  const after = query.after;
  const start = after === null ? 0 : lowerBound(records, after);
  const page = slicePage(records, start, query.limit);
  const body: Record<string, unknown> = {
    results: page.items.map((record) => serializeCrmRecord(type, record, query.properties, query.associations)),
  };
  if (page.nextIndex !== null) {
    const nextAfter = records[page.nextIndex].id;
    const link = new URL(ctx.url);
    link.searchParams.set('after', nextAfter);
    body.paging = { next: { after: nextAfter, link: link.toString() } };
  }
  return jsonResponse(body);
}

export function readCrmObject(ctx: ApiCallContext): Response {
  const resolved = resolveRequest(ctx);
  if (!resolved.ok) return resolved.response;
  const { type, query } = resolved;
  const table = portalCrm(ctx.state, ctx.account.id)[type.name];
  const key = ctx.params.objectId;
  const candidates = query.archived ? table.archived : table.active;
  const record =
    query.idProperty === 'email'
      ? candidates.find((candidate) => candidate.properties.email?.toLowerCase() === key.toLowerCase())
      : candidates.find((candidate) => candidate.id === key);
  if (!record) {
    return hubspotError(404, 'Object not found.  objectId are usually numeric.', 'OBJECT_NOT_FOUND', { context: { id: [key] } });
  }
  return jsonResponse(serializeCrmRecord(type, record, query.properties, query.associations));
}
