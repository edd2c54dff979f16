import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIntegrationItem } from '@/lib/shared/items';
import { loadItemsResult } from '@/lib/client/api';

/** The browser's load of one provider, against a server answer given as NDJSON lines. */

const item = (id: number) => createIntegrationItem({ provider: 'p', type: 't', id: String(id) }, `Item ${id}`);

function answerWith(lines: unknown[]) {
  const body = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('loadItemsResult', () => {
  it("takes the done line's skipped count", async () => {
    answerWith([item(1), item(2), { done: { count: 2, skipped: 3 } }]);
    expect(await loadItemsResult('p')).toMatchObject({ complete: true, skipped: 3, error: null, items: [item(1), item(2)] });
  });

  it('counts nothing skipped when the done line names none', async () => {
    answerWith([item(1), { done: { count: 1 } }]);
    expect(await loadItemsResult('p')).toMatchObject({ complete: true, skipped: 0 });
  });

  it('counts nothing skipped for a list that did not complete', async () => {
    answerWith([item(1), { error: { code: 'provider_error', message: 'Down.' } }]);
    expect(await loadItemsResult('p')).toMatchObject({ complete: false, skipped: 0, error: { code: 'provider_error' } });
  });
});
