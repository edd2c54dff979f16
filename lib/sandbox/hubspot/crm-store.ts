import 'server-only';
import type { EmulatorState } from '../common/state';
import { crmData, type CrmData, type CrmRecord, type CrmTable } from './data';
import { CRM_OBJECT_TYPES, type CrmObjectName } from './object-types';

/**
 * Each portal sees the generated CRM until something changes it (records created, updated or
 * archived through `_crm`); then it gets its own copy. A change reaches Search only after the
 * `searchIndexLagMs` fault: until then Search sees the previous version (or nothing, for a new record).
 */

interface PortalCopy {
  base: CrmData;
  data: CrmData;
}

/** Search's view of a record that changed recently. */
interface IndexedVersion {
  previous: CrmRecord | null;
  visibleAt: number;
}

const indexLag = new WeakMap<CrmRecord, IndexedVersion>();

function copies(state: EmulatorState): Map<string, PortalCopy> {
  let map = state.dataCache.get('crm-portals') as Map<string, PortalCopy> | undefined;
  if (!map) state.dataCache.set('crm-portals', (map = new Map()));
  return map;
}

export function portalCrm(state: EmulatorState, portalId: string): CrmData {
  const base = crmData(state);
  const copy = copies(state).get(portalId);
  return copy && copy.base === base ? copy.data : base;
}

function writablePortalCrm(state: EmulatorState, portalId: string): CrmData {
  const base = crmData(state);
  const existing = copies(state).get(portalId);
  if (existing && existing.base === base) return existing.data;
  const clone = (table: CrmTable): CrmTable => ({ active: [...table.active], archived: [...table.archived], byId: new Map(table.byId) });
  const data: CrmData = { contacts: clone(base.contacts), companies: clone(base.companies), deals: clone(base.deals) };
  copies(state).set(portalId, { base, data });
  return data;
}

/** Index of the first record whose id is >= `id` (tables are sorted by numeric id). */
export function lowerBound(records: readonly CrmRecord[], id: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (Number(records[mid].id) < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The version of a record that Search returns at `now` (null: not indexed yet). */
export function searchVersion(record: CrmRecord, now: number): CrmRecord | null {
  const lag = indexLag.get(record);
  return lag && now < lag.visibleAt ? lag.previous : record;
}

function remember(state: EmulatorState, next: CrmRecord, previous: CrmRecord | null, now: number): void {
  const lagMs = state.faults.searchIndexLagMs;
  if (lagMs > 0) indexLag.set(next, { previous: previous ? searchVersion(previous, now) : null, visibleAt: now + lagMs });
}

export function updateCrmRecord(
  state: EmulatorState,
  portalId: string,
  type: CrmObjectName,
  id: string,
  properties: Record<string, string | null>,
  now = Date.now(),
): CrmRecord | null {
  const table = writablePortalCrm(state, portalId)[type];
  const index = lowerBound(table.active, Number(id));
  const current = table.active[index];
  if (!current || current.id !== id) return null;
  const modified = new Date(now).toISOString();
  const next: CrmRecord = {
    ...current,
    properties: { ...current.properties, ...properties, [CRM_OBJECT_TYPES[type].modifiedProperty]: modified, hs_object_id: id },
    updatedAt: modified,
  };
  table.active[index] = next;
  table.byId.set(id, next);
  remember(state, next, current, now);
  return next;
}

export function createCrmRecord(
  state: EmulatorState,
  portalId: string,
  type: CrmObjectName,
  properties: Record<string, string | null>,
  now = Date.now(),
): CrmRecord {
  const table = writablePortalCrm(state, portalId)[type];
  let maxId = 0;
  for (const list of [table.active, table.archived]) maxId = Math.max(maxId, Number(list.at(-1)?.id ?? 0));
  const id = String(maxId + 1 + Math.floor(Math.random() * 3));
  const time = new Date(now).toISOString();
  const companyProperty = CRM_OBJECT_TYPES[type].primaryCompanyProperty;
  const record: CrmRecord = {
    id,
    properties: { ...properties, createdate: time, [CRM_OBJECT_TYPES[type].modifiedProperty]: time, hs_object_id: id },
    createdAt: time,
    updatedAt: time,
    archived: false,
    archivedAt: null,
    companyId: companyProperty ? (properties[companyProperty] ?? null) : null,
  };
  table.active.push(record);
  table.byId.set(id, record);
  remember(state, record, null, now);
  return record;
}

/** Archiving does not change the modification date (as in HubSpot); the record moves to the archived list. */
export function archiveCrmRecord(state: EmulatorState, portalId: string, type: CrmObjectName, id: string, now = Date.now()): boolean {
  const table = writablePortalCrm(state, portalId)[type];
  const index = lowerBound(table.active, Number(id));
  const current = table.active[index];
  if (!current || current.id !== id) return false;
  table.active.splice(index, 1);
  const archived: CrmRecord = { ...current, archived: true, archivedAt: new Date(now).toISOString() };
  table.archived.splice(lowerBound(table.archived, Number(id)), 0, archived);
  table.byId.set(id, archived);
  return true;
}
