import 'server-only';

/** The CRM object types the emulator serves, with their HubSpot ids and default properties. */

export type CrmObjectName = 'contacts' | 'companies' | 'deals';

export interface CrmObjectType {
  name: CrmObjectName;
  typeId: string;
  singular: string;
  modifiedProperty: string;
  defaultProperties: readonly string[];
  /** Association types this object type reports (to companies). */
  associationType: string | null;
  /** The property that holds the primary company's id (readable through Search, which returns no associations). */
  primaryCompanyProperty: string | null;
  /** Properties Search returns when the request names none. */
  searchDefaultProperties: readonly string[];
}

export const CRM_OBJECT_TYPES: Record<CrmObjectName, CrmObjectType> = {
  contacts: {
    name: 'contacts',
    typeId: '0-1',
    singular: 'contact',
    modifiedProperty: 'lastmodifieddate',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    associationType: 'contact_to_company',
    primaryCompanyProperty: 'associatedcompanyid',
    searchDefaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  },
  companies: {
    name: 'companies',
    typeId: '0-2',
    singular: 'company',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    associationType: null,
    primaryCompanyProperty: null,
    searchDefaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  },
  deals: {
    name: 'deals',
    typeId: '0-3',
    singular: 'deal',
    modifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
    associationType: 'deal_to_company',
    primaryCompanyProperty: 'hs_primary_associated_company',
    searchDefaultProperties: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
  },
};

/** Accepts `contacts`, `contact` or `0-1` (and the same for companies and deals). */
export function resolveObjectType(segment: string): CrmObjectType | null {
  const lower = segment.toLowerCase();
  return (
    Object.values(CRM_OBJECT_TYPES).find(
      (type) => type.name === lower || type.singular === lower || type.typeId === lower,
    ) ?? null
  );
}
