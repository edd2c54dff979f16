import 'server-only';
import type { RecordView } from '../common/emulator';
import type { EmulatorState } from '../common/state';
import { crmData } from './data';
import { CRM_OBJECT_TYPES, resolveObjectType } from './object-types';

/** `ui/contacts/{portalId}/record/{0-1|0-2|0-3}/{id}` — HubSpot's record page. */
export function viewHubspotRecord(path: string[], state: EmulatorState): RecordView | null {
  const [section, portalId, record, typeId, id] = path;
  if (path.length !== 5 || section !== 'contacts' || record !== 'record' || !/^\d+$/.test(portalId)) return null;
  const type = resolveObjectType(typeId);
  if (!type || type.typeId !== typeId) return null;
  const data = crmData(state);
  const found = data[type.name].byId.get(id);
  if (!found) return null;
  const company = found.companyId ? data.companies.byId.get(found.companyId) : undefined;
  const title =
    [found.properties.firstname, found.properties.lastname].filter(Boolean).join(' ') ||
    found.properties.name ||
    found.properties.dealname ||
    found.properties.email ||
    found.properties.domain ||
    `${type.singular} ${found.id}`;
  return {
    kind: type.singular,
    title,
    fields: [
      ['Record ID', found.id],
      ['Portal', portalId],
      ...Object.entries(found.properties).sort(([a], [b]) => a.localeCompare(b)),
      ['Created', found.createdAt],
      ['Updated', found.updatedAt],
      ['Archived', found.archived ? `yes (${found.archivedAt ?? ''})` : 'no'],
      ['Company', company ? `${company.properties.name ?? company.properties.domain ?? company.id} (${CRM_OBJECT_TYPES.companies.typeId}/${company.id})` : null],
    ],
  };
}
