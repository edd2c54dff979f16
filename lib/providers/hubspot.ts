import 'server-only';
import { z } from 'zod';
import { mergeAsync, paginate, prefetch } from '@/lib/async';
import { createIntegrationItem, firstNonBlank, type IntegrationItem } from '@/lib/items';
import type { ListContext, ProviderApi, ProviderDefinition } from '@/lib/providers/types';

const objectTypes = {
  contact: { path: 'contacts', typeId: '0-1', properties: ['firstname', 'lastname', 'email'] },
  company: { path: 'companies', typeId: '0-2', properties: ['name', 'domain'] },
  deal: { path: 'deals', typeId: '0-3', properties: ['dealname'] },
} as const;

type HubSpotType = keyof typeof objectTypes;

const hubSpotObject = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()).default({}),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  archived: z.boolean().optional(),
  associations: z
    .object({ companies: z.object({ results: z.array(z.object({ id: z.string(), type: z.string().optional() })) }).optional() })
    .optional(),
});
type HubSpotObject = z.infer<typeof hubSpotObject>;

const listPage = z.object({
  results: z.array(hubSpotObject),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const accountDetails = z.object({ portalId: z.coerce.string(), uiDomain: z.string().default('app.hubspot.com') });
const introspection = z.object({ active: z.boolean(), hub_domain: z.string().nullish(), user: z.string().nullish() });
type Introspection = z.infer<typeof introspection>;

/** HubSpot's date-versioned OAuth API (the v1 endpoints stop working on 2027-02-16). Tokens travel only in form bodies. */
const OAUTH_API = '/oauth/2026-03';

/** "hub domain (user)" from token introspection, falling back to what is known. */
export function accountLabel(portalId: string, metadata: Pick<Introspection, 'hub_domain' | 'user'> | null): string {
  const domain = metadata?.hub_domain?.trim();
  const user = metadata?.user?.trim();
  if (domain && user) return `${domain} (${user})`;
  if (domain || user) return `${domain || user} (portal ${portalId})`;
  return `Portal ${portalId}`;
}

/** The primary company of a contact or deal: HubSpot labels it `<object>_to_company`. */
function primaryCompanyId(object: HubSpotObject): string | null {
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
  const parentId = type === 'company' ? null : primaryCompanyId(object);
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

/** Every record of one type, active then archived (the list endpoint returns one or the other). */
function listObjects(api: ProviderApi, type: HubSpotType): AsyncGenerator<HubSpotObject[]> {
  const { path, properties } = objectTypes[type];
  const pages = (archived: boolean) =>
    paginate(async (after) => {
      const page = await api.request(listPage, `/crm/v3/objects/${path}`, {
        query: {
          limit: 100,
          after: after ?? undefined,
          properties: properties.join(','),
          associations: type === 'company' ? undefined : 'companies',
          archived,
        },
      });
      return { values: page.results, next: page.paging?.next?.after ?? null };
    });
  return (async function* () {
    yield* pages(false);
    yield* pages(true);
  })();
}

async function* listItems(ctx: ListContext): AsyncGenerator<IntegrationItem[]> {
  // Contacts and deals are fetched while companies load, but mapped after: they name their
  // parent company from the company map.
  const contacts = prefetch(listObjects(ctx.api, 'contact'));
  const deals = prefetch(listObjects(ctx.api, 'deal'));
  const companyNames = new Map<string, string>();
  for await (const page of listObjects(ctx.api, 'company')) {
    const items = page.map((object) => toIntegrationItem('company', object, ctx, companyNames));
    for (const item of items) companyNames.set(item.id, item.name);
    yield items;
  }
  const mapped = (type: HubSpotType, pages: AsyncIterable<HubSpotObject[]>) =>
    (async function* () {
      for await (const page of pages) yield page.map((object) => toIntegrationItem(type, object, ctx, companyNames));
    })();
  yield* mergeAsync(mapped('contact', contacts), mapped('deal', deals));
}

export const hubspot = {
  id: 'hubspot',
  displayName: 'HubSpot',
  description: 'Contacts, companies and deals from a HubSpot CRM account',
  itemTypes: ['contact', 'company', 'deal'],
  authorization: {
    endpoint: { live: 'https://app.hubspot.com/oauth/authorize', sandboxPath: '/oauth/authorize' },
    scopes: ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'crm.objects.deals.read'],
    pkce: true,
  },
  api: { endpoint: { live: 'https://api.hubapi.com', sandboxPath: '' } },
  token: { endpoint: { apiPath: `${OAUTH_API}/token` }, clientAuth: 'body', bodyFormat: 'form', invalidGrantErrors: ['BAD_REFRESH_TOKEN'] },
  // HubSpot allows 110 requests per 10 s per installing account; keep 10% for other callers and clock skew.
  rateLimit: { requests: 100, intervalMs: 10_000, retryAfterDefaultMs: 10_000 },

  async describeAccount(tokens, api, { clientId, clientSecret }) {
    const form = { client_id: clientId, client_secret: clientSecret, token: tokens.access_token, token_type_hint: 'access_token' };
    const [details, introspected] = await Promise.all([
      api.request(accountDetails, '/account-info/v3/details'),
      // Only the label needs it: without it the account is still usable.
      api.request(introspection, `${OAUTH_API}/token/introspect`, { method: 'POST', form, auth: false }).catch(() => null),
    ]);
    const metadata = introspected?.active ? introspected : null;
    return {
      id: details.portalId,
      label: accountLabel(details.portalId, metadata),
      details: { portalId: details.portalId, uiDomain: details.uiDomain, ...(metadata?.user ? { user: metadata.user } : {}) },
    };
  },

  listItems,

  async revoke({ api, refreshToken, client }) {
    if (!refreshToken) return;
    const form = { client_id: client.clientId, client_secret: client.clientSecret, token: refreshToken, token_type_hint: 'refresh_token' };
    await api.request(z.unknown(), `${OAUTH_API}/token/revoke`, { method: 'POST', form, auth: false });
  },
} as const satisfies ProviderDefinition;
