import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extraPort, type Item, readNdjson, sandbox, startApp, startSiblingApp, TestBrowser } from './helpers';

const hubspot = sandbox('hubspot');
const keys = (items: Item[]) => items.map((item) => `${item.type}:${item.id}`).sort();

describe('concurrent identical loads share one provider traversal', () => {
  let second: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    second = await startSiblingApp(extraPort(97));
  });
  afterAll(() => second?.stop());
  beforeEach(() => hubspot.reset());

  it('10 loads at once, on two server instances, cost at most 1.5 times the calls of one and all get everything', async () => {
    // Latency keeps the loads overlapping, as double clicks and several tabs do.
    await hubspot.faults({ latencyMs: 40 });
    const browser = new TestBrowser();
    expect((await browser.connect('hubspot')).status).toBe(200);
    const one = (await browser.json<Item[]>('/api/integrations/hubspot/items')).body;
    const callsOfOne = (await hubspot.stats()).apiRequests;
    await hubspot.reset();
    await hubspot.faults({ latencyMs: 40 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? browser.at(second.url) : browser).json<Item[]>('/api/integrations/hubspot/items')),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(keys(answer.body)).toEqual(keys(one));
    }
    expect((await hubspot.stats()).apiRequests).toBeLessThanOrEqual(Math.ceil(callsOfOne * 1.5));
  });

  it('keeps loads of different sessions and different modified_since apart', async () => {
    const [a, b] = [new TestBrowser(), new TestBrowser()];
    expect((await a.connect('hubspot')).status).toBe(200);
    expect((await b.connect('hubspot')).status).toBe(200);
    const since = new Date().toISOString();
    const [full, changed, other] = await Promise.all([
      a.fetch('/api/integrations/hubspot/items', { headers: { accept: 'application/x-ndjson' } }).then(readNdjson),
      a.fetch(`/api/integrations/hubspot/items?modified_since=${since}`, { headers: { accept: 'application/x-ndjson' } }).then(readNdjson),
      b.json<Item[]>('/api/integrations/hubspot/items'),
    ]);
    expect(changed).toEqual([{ done: { count: 0 } }]);
    expect(full.length - 1).toBe(other.body.length);
    const portal = (await a.integration('hubspot')).account?.id;
    expect(portal).not.toBe((await b.integration('hubspot')).account?.id);
    expect((full.slice(0, -1) as Item[]).every((item) => item.url?.includes(`/${portal}/`))).toBe(true);
  });
});
