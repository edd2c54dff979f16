import 'server-only';
import { z } from 'zod';
import type { IntegrationItem } from '@/lib/contract';
import { createIntegrationItem, firstNonBlank } from '@/lib/shared/items';
import type { ListContext } from '@/lib/providers/types';

/** HubSpot's CRM object types as the app reads them, the wire shapes, and the mapping to IntegrationItem. */

export const objectTypes = {
  contact: {
    path: 'contacts',
    typeId: '0-1',
    properties: ['firstname', 'lastname', 'email', 'associatedcompanyid'],
    modifiedProperty: 'lastmodifieddate',
    companyProperty: 'associatedcompanyid',
  },
  company: { path: 'companies', typeId: '0-2', properties: ['name', 'domain'], modifiedProperty: 'hs_lastmodifieddate', companyProperty: null },
  deal: {
    path: 'deals',
    typeId: '0-3',
    properties: ['dealname', 'hs_primary_associated_company'],
    modifiedProperty: 'hs_lastmodifieddate',
    companyProperty: 'hs_primary_associated_company',
  },
} as const;

export type HubSpotType = keyof typeof objectTypes;
export const HUBSPOT_TYPES = Object.keys(objectTypes) as HubSpotType[];

export const hubSpotObject = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()).default({}),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  archived: z.boolean().optional(),
  associations: z
    .object({ companies: z.object({ results: z.array(z.object({ id: z.string(), type: z.string().optional() })) }).optional() })
    .optional(),
});
export type HubSpotObject = z.infer<typeof hubSpotObject>;

export const listPage = z.object({
  results: z.array(hubSpotObject),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

export const searchPage = z.object({
  total: z.number(),
  results: z.array(hubSpotObject),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** The primary company of a contact or deal: its id property, else the association HubSpot labels `<object>_to_company`. */
export function primaryCompanyId(type: HubSpotType, object: HubSpotObject): string | null {
  const property = objectTypes[type].companyProperty;
  const fromProperty = property ? firstNonBlank(object.properties[property]) : null;
  if (fromProperty) return fromProperty;
  const links = object.associations?.companies?.results ?? [];
  return (links.find((link) => link.type?.endsWith('_to_company')) ?? links[0])?.id ?? null;
}

function nameOf(type: HubSpotType, object: HubSpotObject): string {
  const p = object.properties;
  if (type === 'contact') return firstNonBlank([p.firstname, p.lastname].filter(Boolean).join(' '), p.email) ?? `Contact ${object.id}`;
  if (type === 'company') return firstNonBlank(p.name, p.domain) ?? `Company ${object.id}`;
  return firstNonBlank(p.dealname) ?? `Deal ${object.id}`;
}

export function toIntegrationItem(
  type: HubSpotType,
  object: HubSpotObject,
  ctx: Pick<ListContext, 'account' | 'link'>,
  companyNames: ReadonlyMap<string, string>,
): IntegrationItem {
  const { portalId, uiDomain } = ctx.account.details;
  const parentId = type === 'company' ? null : primaryCompanyId(type, object);
  return createIntegrationItem(
    {
      id: object.id,
      type,
      provider: 'hubspot',
      name: nameOf(type, object),
      creation_time: object.createdAt ?? object.properties.createdate,
      last_modified_time: object.updatedAt ?? object.properties.lastmodifieddate ?? object.properties.hs_lastmodifieddate,
      url: ctx.link(`https://${uiDomain}/contacts/${portalId}/record/${objectTypes[type].typeId}/${object.id}`),
      visibility: !object.archived,
      parent_id: parentId,
      parent_path_or_name: parentId ? (companyNames.get(parentId) ?? `Company ${parentId}`) : null,
    },
    `${type} ${object.id}`,
  );
}
