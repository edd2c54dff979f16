import 'server-only';
import type { ProviderApi } from '@/lib/providers/types';
import { type HubSpotObject, type HubSpotType, listPage, objectTypes, searchPage } from './objects';

/** The two ways to read HubSpot records: the list API (list budget) and CRM Search (its own budget). */

export const LIST_PAGE = 100;
export const SEARCH_PAGE = 200;

/** Up to 100 records of one type with ids >= `fromId` (`after` is the next id), active or only archived. */
export async function listFrom(api: ProviderApi, type: HubSpotType, fromId: number, archived: boolean): Promise<{ objects: HubSpotObject[]; more: boolean }> {
  const { path, properties } = objectTypes[type];
  const page = await api.request(listPage, `/crm/v3/objects/${path}`, {
    query: {
      limit: LIST_PAGE,
      after: fromId > 0 ? String(fromId) : undefined,
      properties: properties.join(','),
      associations: type === 'company' ? undefined : 'companies',
      archived,
    },
  });
  return { objects: page.results, more: Boolean(page.paging?.next) };
}

export interface SearchFilter {
  propertyName: string;
  operator: 'GTE' | 'LT' | 'IN';
  value?: string;
  values?: string[];
}

/** One Search page sorted by id (keyset paging: the caller moves the id filter, so no query pages past 10,000). */
export async function searchPageOf(
  api: ProviderApi,
  type: HubSpotType,
  filters: SearchFilter[],
  options: { limit?: number; descending?: boolean } = {},
): Promise<{ total: number; objects: HubSpotObject[] }> {
  const { path, properties } = objectTypes[type];
  const page = await api.request(searchPage, `/crm/v3/objects/${path}/search`, {
    method: 'POST',
    budget: 'search',
    json: {
      filterGroups: filters.length ? [{ filters }] : [],
      sorts: [{ propertyName: 'hs_object_id', direction: options.descending ? 'DESCENDING' : 'ASCENDING' }],
      properties: [...properties, 'createdate', objectTypes[type].modifiedProperty],
      limit: options.limit ?? SEARCH_PAGE,
    },
  });
  return { total: page.total, objects: page.results };
}

export const idRange = (fromId: number, toId: number): SearchFilter[] => [
  { propertyName: 'hs_object_id', operator: 'GTE', value: String(fromId) },
  ...(Number.isFinite(toId) ? [{ propertyName: 'hs_object_id', operator: 'LT' as const, value: String(toId) }] : []),
];

/** One keyset step through the active records with ids in [cursor, hi): those records, where the next step starts, and whether the range is walked. */
export async function searchRangeStep(
  api: ProviderApi,
  type: HubSpotType,
  cursor: number,
  hi: number,
): Promise<{ objects: HubSpotObject[]; nextCursor: number; exhausted: boolean }> {
  const page = await searchPageOf(api, type, idRange(cursor, hi));
  const objects = page.objects.filter((object) => Number(object.id) >= cursor && Number(object.id) < hi);
  const last = page.objects.at(-1);
  return { objects, nextCursor: last ? Number(last.id) + 1 : cursor, exhausted: !last || page.total <= page.objects.length };
}
