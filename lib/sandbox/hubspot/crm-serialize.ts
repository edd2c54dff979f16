import 'server-only';
import type { CrmRecord } from './data';
import { resolveObjectType, type CrmObjectType } from './object-types';

/** A record in HubSpot's v3 JSON shape. */
export function serializeCrmRecord(
  type: CrmObjectType,
  record: CrmRecord,
  requestedProperties: string[] | null,
  requestedAssociations: string[],
): Record<string, unknown> {
  const names = requestedProperties
    ? new Set([...requestedProperties, 'createdate', type.modifiedProperty, 'hs_object_id'])
    : new Set(type.defaultProperties);
  const properties: Record<string, string | null> = {};
  for (const name of [...names].sort()) {
    if (name in record.properties) properties[name] = record.properties[name];
  }
  const body: Record<string, unknown> = {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
  if (record.archivedAt) body.archivedAt = record.archivedAt;
  const associations = serializeAssociations(type, record, requestedAssociations);
  if (associations) body.associations = associations;
  return body;
}

function serializeAssociations(type: CrmObjectType, record: CrmRecord, requested: string[]): Record<string, unknown> | null {
  if (!type.associationType || !record.companyId) return null;
  const wantsCompanies = requested.some((name) => resolveObjectType(name)?.name === 'companies');
  if (!wantsCompanies) return null;
  return { companies: { results: [{ id: record.companyId, type: type.associationType }] } };
}
