import 'server-only';
import { z } from 'zod';
import type { EmulatorContext } from '../common/emulator';
import { jsonResponse, readJsonBody } from '../common/http';
import { archiveCrmRecord, createCrmRecord, updateCrmRecord } from './crm-store';
import { resolveObjectType } from './object-types';

/**
 * `POST _crm`: a test switch that changes one portal's CRM as a user of HubSpot would
 * (create, update, archive), so tests can prove what a load sees of changes made meanwhile.
 */

const objectType = z.string().transform((value, ctx) => {
  const type = resolveObjectType(value);
  if (!type) ctx.addIssue({ code: 'custom', message: `unknown object type ${value}` });
  return type?.name ?? 'contacts';
});
const properties = z.record(z.string(), z.string().nullable());

const changesSchema = z
  .object({
    portalId: z.string().regex(/^\d+$/),
    create: z.array(z.object({ type: objectType, properties })).max(1000).default([]),
    update: z.array(z.object({ type: objectType, id: z.string(), properties })).max(10_000).default([]),
    archive: z.array(z.object({ type: objectType, id: z.string() })).max(10_000).default([]),
  })
  .strict();

export async function changeCrm(ctx: EmulatorContext): Promise<Response> {
  const body = await readJsonBody(ctx.request);
  const parsed = body.ok ? changesSchema.safeParse(body.value) : null;
  if (!parsed?.success) {
    return jsonResponse({ error: { code: 'invalid_changes', message: parsed?.error.issues[0]?.message ?? 'The body must be JSON.' } }, 400);
  }
  const { portalId, create, update, archive } = parsed.data;
  const created = create.map((entry) => ({ type: entry.type, id: createCrmRecord(ctx.state, portalId, entry.type, entry.properties).id }));
  const updated = update.filter((entry) => updateCrmRecord(ctx.state, portalId, entry.type, entry.id, entry.properties)).length;
  const archived = archive.filter((entry) => archiveCrmRecord(ctx.state, portalId, entry.type, entry.id)).length;
  return jsonResponse({ created, updated, archived });
}
