import 'server-only';
import { z } from 'zod';
import type { ApiCallContext } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { slicePage } from '../common/paging';
import { airtableError, airtableModelNotFound } from './errors';
import { airtableBases, findBase, type AirtableBase, type AirtableTable, type AirtableView } from './data';

/** Airtable's metadata API: bases, tables, whoami. */

const REAL_PAGE_SIZE = 1000;
const SCHEMA_SCOPE = 'schema.bases:read';

const basesQuerySchema = z.object({ offset: z.string().max(200).optional() });

/** Offsets look like `itr<index>/<base id>`: opaque to clients, checkable here. */
function encodeOffset(index: number, base: AirtableBase): string {
  return `itr${index}/${base.id}`;
}

function decodeOffset(offset: string, bases: readonly AirtableBase[]): number | null {
  const match = /^itr(\d{1,6})\/(app[A-Za-z0-9]{14})$/.exec(offset);
  if (!match) return null;
  const index = Number(match[1]);
  return bases[index]?.id === match[2] ? index : null;
}

function missingScope(ctx: ApiCallContext): Response | null {
  return ctx.grant.scopes.includes(SCHEMA_SCOPE) ? null : airtableModelNotFound();
}

export function listBases(ctx: ApiCallContext): Response {
  const denied = missingScope(ctx);
  if (denied) return denied;
  const query = basesQuerySchema.safeParse(Object.fromEntries(ctx.url.searchParams.entries()));
  const bases = airtableBases(ctx.state);
  const offset = query.success ? query.data.offset : '';
  const start = offset === undefined ? 0 : decodeOffset(offset, bases);
  if (start === null) return airtableError(422, 'INVALID_OFFSET_VALUE', `The value of offset ${JSON.stringify(offset)} is invalid`);
  const page = slicePage(bases, start, ctx.state.faults.pageSize ?? REAL_PAGE_SIZE);
  const body: Record<string, unknown> = {
    bases: page.items.map(({ id, name, permissionLevel }) => ({ id, name, permissionLevel })),
  };
  if (page.nextIndex !== null) body.offset = encodeOffset(page.nextIndex, bases[page.nextIndex]);
  return jsonResponse(body);
}

/** `include` (also `include[]`): only `visibleFieldIds` exists; anything else is refused. */
function includesVisibleFieldIds(url: URL): boolean | null {
  const values = [...url.searchParams.getAll('include'), ...url.searchParams.getAll('include[]')];
  if (values.some((value) => value !== 'visibleFieldIds')) return null;
  return values.length > 0;
}

/** A grid view shows its primary field and, deterministically, most of the others. */
function visibleFieldIds(table: AirtableTable, view: AirtableView): string[] {
  const score = (id: string) => [...`${view.id}${id}`].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  return table.fields.filter((field) => field.id === table.primaryFieldId || score(field.id) % 4 !== 0).map((field) => field.id);
}

export function listTables(ctx: ApiCallContext): Response {
  const denied = missingScope(ctx);
  if (denied) return denied;
  const base = findBase(ctx.state, ctx.params.baseId);
  if (!base) return airtableModelNotFound();
  const visible = includesVisibleFieldIds(ctx.url);
  if (visible === null) {
    return airtableError(422, 'INVALID_REQUEST_UNKNOWN', 'Invalid request: parameter validation failed. Check your request data.');
  }
  if (!visible) return jsonResponse({ tables: base.tables });
  // Only grid views carry visibleFieldIds, as in Airtable's answer.
  const tables = base.tables.map((table) => ({
    ...table,
    views: table.views.map((view) => (view.type === 'grid' ? { ...view, visibleFieldIds: visibleFieldIds(table, view) } : view)),
  }));
  return jsonResponse({ tables });
}

export function whoami(ctx: ApiCallContext): Response {
  const body: Record<string, unknown> = { id: ctx.account.id, scopes: ctx.grant.scopes };
  if (ctx.grant.scopes.includes('user.email:read')) body.email = ctx.account.details.email;
  return jsonResponse(body);
}
