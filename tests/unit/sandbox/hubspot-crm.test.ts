import { describe, expect, it } from 'vitest';
import { call, jsonOf } from './helpers';
import { hubspotConnect, hubspotGet } from './hubspot-helpers';

interface CrmPage {
  results: Array<{
    id: string;
    properties: Record<string, string | null>;
    createdAt: string;
    updatedAt: string;
    archived: boolean;
    associations?: { companies: { results: Array<{ id: string; type: string }> } };
  }>;
  paging?: { next: { after: string; link: string } };
}

async function walk(token: string, type: string, query: string): Promise<CrmPage['results']> {
  const all: CrmPage['results'] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const response = await hubspotGet(`crm/v3/objects/${type}?${query}${after ? `&after=${after}` : ''}`, token);
    expect(response.status).toBe(200);
    const page = (await response.json()) as CrmPage;
    all.push(...page.results);
    if (!page.paging) return all;
    after = page.paging.next.after;
  }
  throw new Error('paging did not end');
}

describe('HubSpot emulator: CRM objects', () => {
  it('pages through every contact exactly once, ids increasing', async () => {
    const { accessToken } = await hubspotConnect();
    const contacts = await walk(accessToken, 'contacts', 'limit=100&properties=email,firstname&associations=companies');
    expect(contacts.length).toBeGreaterThanOrEqual(1500);
    const ids = contacts.map((c) => Number(c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(contacts.every((c) => c.archived === false)).toBe(true);
    const associated = contacts.filter((c) => c.associations?.companies.results[0]?.type === 'contact_to_company');
    expect(associated.length / contacts.length).toBeGreaterThan(0.6);
    expect(associated.length / contacts.length).toBeLessThan(0.8);
    for (const value of Object.values(contacts[10].properties)) expect(value === null || typeof value === 'string').toBe(true);
    expect(Object.keys(contacts[10].properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate']);
  });

  it('returns the documented default properties and the edge-case records', async () => {
    const { accessToken } = await hubspotConnect();
    const page = (await (await hubspotGet('crm/v3/objects/0-1?limit=20', accessToken)).json()) as CrmPage;
    expect(page.results).toHaveLength(20);
    expect(Object.keys(page.results[0].properties).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ]);
    expect(page.results[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const emailOnly = page.results[1].properties;
    expect(emailOnly.firstname).toBeNull();
    expect(emailOnly.email).toContain('@');
    expect(page.results[2].properties).toMatchObject({ firstname: null, lastname: null, email: null });
    const names = page.results.map((r) => `${r.properties.firstname} ${r.properties.lastname}`).join('|');
    expect(names).toContain('José');
    expect(names).toContain('<script>');
    expect(page.paging?.next.link).toContain('after=');
    const companies = (await (await hubspotGet('crm/v3/objects/companies?limit=10', accessToken)).json()) as CrmPage;
    const nameless = companies.results.find((c) => c.properties.name === null);
    expect(nameless?.properties.domain).toBeTruthy();
  });

  it('counts 300 companies and 600 deals, and archived records only with archived=true', async () => {
    const { accessToken } = await hubspotConnect();
    expect(await walk(accessToken, 'companies', 'limit=100')).toHaveLength(300);
    const deals = await walk(accessToken, 'deals', 'limit=100');
    expect(deals).toHaveLength(600);
    expect(deals[0].properties).toHaveProperty('dealstage');
    const archived = await walk(accessToken, 'contacts', 'limit=100&archived=true');
    expect(archived.length).toBeGreaterThan(10);
    expect(archived.every((c) => c.archived)).toBe(true);
  });

  it('reads one record, 404s an unknown one', async () => {
    const { accessToken } = await hubspotConnect();
    const page = (await (await hubspotGet('crm/v3/objects/deals?limit=1', accessToken)).json()) as CrmPage;
    const one = await hubspotGet(`crm/v3/objects/deals/${page.results[0].id}?properties=dealname`, accessToken);
    expect((await jsonOf(one)).id).toBe(page.results[0].id);
    const missing = await hubspotGet('crm/v3/objects/deals/1', accessToken);
    expect(missing.status).toBe(404);
    expect(await jsonOf(missing)).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
  });

  it('rejects limit > 100 and other bad input with a 400 validation error', async () => {
    const { accessToken } = await hubspotConnect();
    const tooMany = await hubspotGet('crm/v3/objects/contacts?limit=101', accessToken);
    expect(tooMany.status).toBe(400);
    expect(await jsonOf(tooMany)).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    for (const query of ['limit=abc', 'limit=0', 'after=xyz', 'archived=maybe', 'limit=1e9']) {
      expect((await hubspotGet(`crm/v3/objects/contacts?${query}`, accessToken)).status).toBe(400);
    }
    expect((await hubspotGet('crm/v3/objects/widgets', accessToken)).status).toBe(400);
  });

  it('answers 401 with HubSpot bodies for missing, unknown and expired tokens', async () => {
    const missing = await call('hubspot', 'crm/v3/objects/contacts');
    expect(missing.status).toBe(401);
    expect(await jsonOf(missing)).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const unknown = await hubspotGet('crm/v3/objects/contacts', 'not-a-token');
    expect(await jsonOf(unknown)).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
  });

  it('reports account details', async () => {
    const { accessToken, hubId } = await hubspotConnect();
    const details = await jsonOf(await hubspotGet('account-info/v3/details', accessToken));
    expect(details).toMatchObject({ portalId: hubId, uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1', accountType: 'STANDARD' });
  });

  it('serves a record viewer page with escaped fields, and a 404 page', async () => {
    const page = await call('hubspot', 'ui/contacts/123/record/0-1/1001');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const { accessToken } = await hubspotConnect();
    const contacts = (await (await hubspotGet('crm/v3/objects/contacts?limit=20', accessToken)).json()) as CrmPage;
    const tricky = contacts.results.find((c) => c.properties.firstname?.includes('<script>'));
    const html = await (await call('hubspot', `ui/contacts/123/record/0-1/${tricky?.id}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
    expect((await call('hubspot', 'ui/contacts/123/record/0-1/999999999')).status).toBe(404);
  });
});
