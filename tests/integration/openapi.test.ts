import { describe, expect, it } from 'vitest';
import { contractFor } from './contract';
import { APP, TestBrowser } from './helpers';

describe('GET /api/openapi.json', () => {
  it('serves the OpenAPI 3.1 document the tests check every answer against', async () => {
    const { status, body } = await new TestBrowser().json<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.paths).toHaveProperty('/api/integrations/{provider}/items');
  });

  it('the check catches an answer that leaves the contract', async () => {
    const contract = await contractFor(APP);
    const url = new URL(`${APP}/api/integrations`);
    expect(() => contract.check('GET', url, 200, 'application/json', [{ provider: 'x' }])).toThrow(/breaks the OpenAPI contract/);
    expect(() => contract.check('GET', new URL(`${APP}/api/nowhere`), 404, 'application/json', { error: { code: 'nope', message: 'x' } })).toThrow();
    expect(() => contract.check('GET', new URL(`${APP}/api/nowhere`), 200, 'application/json', {})).toThrow(/no such operation/);
  });
});
