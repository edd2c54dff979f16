import { describe, expect, it } from 'vitest';
import { integrationItemSchema } from '@/lib/contract';
import { toIntegrationItem } from '@/lib/providers/hubspot';

const ctx = {
  account: { id: '555', label: 'Portal 555', details: { portalId: '555', uiDomain: 'app-eu1.hubspot.com' } },
  link: (url: string | null | undefined) => url ?? null,
};
const companies = new Map([['900', 'Acme Corp']]);
const object = (id: string, properties: Record<string, string | null>, extra: object = {}) => ({
  id,
  properties,
  createdAt: '2024-01-02T03:04:05.678Z',
  updatedAt: '2025-02-03T04:05:06.789Z',
  archived: false,
  ...extra,
});

describe('HubSpot toIntegrationItem', () => {
  it('maps a contact with its primary company and deep link', () => {
    const item = toIntegrationItem(
      'contact',
      object('101', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' }, {
        associations: { companies: { results: [{ id: '901', type: 'contact_to_company_unlabeled' }, { id: '900', type: 'contact_to_company' }] } },
      }),
      ctx,
      companies,
    );
    expect(integrationItemSchema.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      id: '101',
      type: 'contact',
      name: 'Ada Lovelace',
      provider: 'hubspot',
      creation_time: '2024-01-02T03:04:05.678Z',
      last_modified_time: '2025-02-03T04:05:06.789Z',
      url: 'https://app-eu1.hubspot.com/contacts/555/record/0-1/101',
      visibility: true,
      parent_id: '900',
      parent_path_or_name: 'Acme Corp',
      directory: false,
    });
  });

  it('never leaves a name empty', () => {
    expect(toIntegrationItem('contact', object('1', { firstname: null, lastname: '', email: 'x@y.z' }), ctx, companies).name).toBe('x@y.z');
    expect(toIntegrationItem('contact', object('2', { firstname: ' ', lastname: null, email: null }), ctx, companies).name).toBe('Contact 2');
    expect(toIntegrationItem('contact', object('3', { lastname: 'Solo' }), ctx, companies).name).toBe('Solo');
    expect(toIntegrationItem('company', object('4', { name: '', domain: 'acme.io' }), ctx, companies).name).toBe('acme.io');
    expect(toIntegrationItem('company', object('5', {}), ctx, companies).name).toBe('Company 5');
    expect(toIntegrationItem('deal', object('6', { dealname: null }), ctx, companies).name).toBe('Deal 6');
  });

  it('marks archived records hidden, uses the object type ids, and names unknown parents', () => {
    const deal = toIntegrationItem('deal', object('7', { dealname: 'Big deal' }, { archived: true, associations: { companies: { results: [{ id: '77', type: 'deal_to_company' }] } } }), ctx, companies);
    expect(deal).toMatchObject({ visibility: false, url: 'https://app-eu1.hubspot.com/contacts/555/record/0-3/7', parent_id: '77', parent_path_or_name: 'Company 77' });
    const company = toIntegrationItem('company', object('8', { name: 'Co' }), ctx, companies);
    expect(company).toMatchObject({ url: 'https://app-eu1.hubspot.com/contacts/555/record/0-2/8', parent_id: null });
  });

  it('keeps HTML in names as text', () => {
    expect(toIntegrationItem('contact', object('9', { firstname: '<b>Bold</b>', lastname: '&' }), ctx, companies).name).toBe('<b>Bold</b> &');
  });
});
