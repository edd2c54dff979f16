import 'server-only';
import type { IntegrationItem } from '@/lib/contract';
import type { ListContext } from '@/lib/providers/types';
import { type HubSpotObject, type HubSpotType, HUBSPOT_TYPES, objectTypes, primaryCompanyId, toIntegrationItem } from './objects';
import { SEARCH_PAGE, searchPageOf, type SearchFilter } from './requests';

/**
 * `modified_since` for HubSpot: CRM Search on each type's modification date (lastmodifieddate for
 * contacts, hs_lastmodifieddate for companies and deals), paged by id. The window starts a
 * little earlier than asked, since Search indexes changes "after a few moments". An unchanged
 * account costs one Search call per type; parent company names not among the changes are looked
 * up by id, 100 a call. Archived records are not reported: archiving does not change the
 * modification date, and the archived list has no time filter.
 */

export const INDEX_LAG_OVERLAP_MS = 60_000;
const NAMES_PER_CALL = 100;

interface TypeWalk {
  type: HubSpotType;
  cursor: number;
  more: boolean;
}

export async function* loadChanges(ctx: ListContext, since: Date): AsyncGenerator<IntegrationItem[]> {
  const from = String(since.getTime() - INDEX_LAG_OVERLAP_MS);
  const companyNames = new Map<string, string>();
  const walks: TypeWalk[] = HUBSPOT_TYPES.map((type) => ({ type, cursor: 0, more: true }));

  async function nextPage(walk: TypeWalk): Promise<HubSpotObject[]> {
    const filters: SearchFilter[] = [
      { propertyName: objectTypes[walk.type].modifiedProperty, operator: 'GTE', value: from },
      { propertyName: 'hs_object_id', operator: 'GTE', value: String(walk.cursor) },
    ];
    const page = await searchPageOf(ctx.api, walk.type, filters);
    const last = page.objects.at(-1);
    walk.more = Boolean(last) && page.total > page.objects.length && page.objects.length >= SEARCH_PAGE;
    if (last) walk.cursor = Number(last.id) + 1;
    return page.objects;
  }

  /** Names of parent companies that are not among the changes. */
  async function nameParents(pages: Array<{ type: HubSpotType; objects: HubSpotObject[] }>): Promise<void> {
    const missing = new Set<string>();
    for (const { type, objects } of pages) {
      if (type === 'company') continue;
      for (const object of objects) {
        const parent = primaryCompanyId(type, object);
        if (parent && !companyNames.has(parent)) missing.add(parent);
      }
    }
    const ids = [...missing];
    const chunks = Array.from({ length: Math.ceil(ids.length / NAMES_PER_CALL) }, (_, i) => ids.slice(i * NAMES_PER_CALL, (i + 1) * NAMES_PER_CALL));
    const found = await Promise.all(
      chunks.map((chunk) => searchPageOf(ctx.api, 'company', [{ propertyName: 'hs_object_id', operator: 'IN', values: chunk }], { limit: NAMES_PER_CALL })),
    );
    for (const page of found) for (const company of page.objects) companyNames.set(company.id, toIntegrationItem('company', company, ctx, companyNames).name);
  }

  let pending = walks;
  while (pending.length) {
    const pages = await Promise.all(pending.map(async (walk) => ({ type: walk.type, objects: await nextPage(walk) })));
    for (const { type, objects } of pages) {
      if (type !== 'company') continue;
      for (const object of objects) companyNames.set(object.id, toIntegrationItem('company', object, ctx, companyNames).name);
    }
    await nameParents(pages);
    const items = pages.flatMap(({ type, objects }) => objects.map((object) => toIntegrationItem(type, object, ctx, companyNames)));
    if (items.length) yield items;
    pending = walks.filter((walk) => walk.more);
  }
}
