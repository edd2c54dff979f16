import 'server-only';
import { z } from 'zod';
import type { IntegrationItem } from '@/lib/contract';
import { loadChanges } from '@/lib/providers/hubspot-crm/changes';
import { loadEverything } from '@/lib/providers/hubspot-crm/full-load';
import type { ListContext, ProviderDefinition } from '@/lib/providers/types';

export { toIntegrationItem } from '@/lib/providers/hubspot-crm/objects';

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

/** HubSpot's limits: 110 requests / 10 s per account for most APIs, and 5 / s for CRM Search apart from them. */
// The list budget is spent evenly (10 a second is at most 100 in any 10 s): a burst would leave the
// last pages of a load (archived records, which only the list API returns) waiting for the window.
const LIST_BUDGET = { requests: 10, intervalMs: 1_000 };
const SEARCH_BUDGET = { requests: 5, intervalMs: 1_100 };

/** Everything, or with modifiedSince only what changed (CRM Search on the modification dates). */
function listItems(ctx: ListContext): AsyncGenerator<IntegrationItem[]> {
  return ctx.modifiedSince ? loadChanges(ctx, ctx.modifiedSince) : loadEverything(ctx, { list: LIST_BUDGET, search: SEARCH_BUDGET });
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
  token: {
    endpoint: { apiPath: `${OAUTH_API}/token` },
    clientAuth: 'body',
    bodyFormat: 'form',
    invalidGrantErrors: ['BAD_REFRESH_TOKEN'],
    // HubSpot keeps one refresh token for the life of the grant.
    reusableRefreshToken: true,
  },
  // HubSpot allows 110 requests per 10 s per installing account; keep 10% for other callers and clock skew.
  // CRM Search has its own 5 / s, kept a little under too (network jitter bunches requests up).
  rateLimit: { ...LIST_BUDGET, retryAfterDefaultMs: 10_000, budgets: { search: { ...SEARCH_BUDGET, retryAfterDefaultMs: 1_000 } } },

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
