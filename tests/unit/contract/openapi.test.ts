import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import { doneLine, doneLineSchema } from '@/lib/contract';
import { openApiDocument } from '@/lib/contract/openapi';

const document = openApiDocument() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

function validatorOf(name: string) {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'api', components: document.components });
  return ajv.compile({ $ref: `api#/components/schemas/${name}` });
}

describe('the OpenAPI document generated from lib/contract', () => {
  it('is OpenAPI 3.1 and describes every route of the contract', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/health',
      '/api/integrations',
      '/api/integrations/{provider}',
      '/api/integrations/{provider}/authorize',
      '/api/integrations/{provider}/items',
      '/api/integrations/{provider}/oauth2callback',
      '/api/items',
      '/api/openapi.json',
    ]);
  });

  it('accepts a real item and rejects one with a missing field', () => {
    const validate = validatorOf('IntegrationItem');
    const item = createIntegrationItem({ id: '1', type: 'contact', provider: 'p' }, 'Contact 1');
    expect(validate(item)).toBe(true);
    const { name: _name, ...nameless } = item;
    expect(validate(nameless)).toBe(false);
  });

  it('knows the NDJSON end lines and rejects an unknown error code', () => {
    const validate = validatorOf('ItemsStreamLine');
    expect(validate({ done: { count: 3 } })).toBe(true);
    expect(validate({ error: { code: 'provider_error', message: 'HubSpot answered with an error.' } })).toBe(true);
    expect(validate({ error: { code: 'made_up', message: 'x' } })).toBe(false);
    expect(validate({ done: { count: -1 } })).toBe(false);
  });

  it('lets a done line say how many records were left out, never zero of them', () => {
    const validate = validatorOf('ItemsStreamLine');
    expect(validate({ done: { count: 3, skipped: 2 } })).toBe(true);
    expect(validate({ done: { count: 3, skipped: 0 } })).toBe(false);
    expect(validate({ done: { count: 3, skipped: 1.5 } })).toBe(false);
    expect(doneLine(3)).toEqual({ done: { count: 3 } });
    expect(JSON.stringify(doneLine(3, 0))).toBe('{"done":{"count":3}}');
    expect(JSON.stringify(doneLine(3, 2))).toBe('{"done":{"count":3,"skipped":2}}');
    expect(doneLineSchema.safeParse(doneLine(3, 2)).success).toBe(true);
  });
});
