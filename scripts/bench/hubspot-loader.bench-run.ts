// `npm run bench:loader`: the HubSpot loader's algorithm alone, against a fake HubSpot that costs no
// CPU (no HTTP, no JSON): each call waits its latency, and each budget admits requests exactly as
// the app's limiter is set (10 list calls a second, 5 searches per 1.1 s). What it prints is what the
// lane and range logic can reach with those budgets; `npm run bench` measures the whole app.
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { loadEverything } from '@/lib/providers/hubspot-crm/full-load';
import type { ApiRequestInit, ListContext, ProviderApi } from '@/lib/providers/types';

const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 250);
const counts: Record<string, number> = {
  contacts: Number(process.env.BENCH_CONTACTS ?? 20_000),
  companies: Number(process.env.BENCH_COMPANIES ?? 5_000),
  deals: Number(process.env.BENCH_DEALS ?? 10_000),
};
const budgets = { list: { requests: 10, intervalMs: 1000 }, search: { requests: 5, intervalMs: 1100 } };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ids with gaps, as HubSpot's are, and about 3% archived. */
function portal(): Record<string, { active: number[]; archived: number[] }> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Object.fromEntries(
    Object.entries(counts).map(([path, count]) => {
      const tables = { active: [] as number[], archived: [] as number[] };
      for (let i = 0, id = 1000; i < count * 1.03; i++) (random() < 0.03 ? tables.archived : tables.active).push((id += 1 + Math.floor(random() * 3)));
      return [path, tables];
    }),
  );
}

/** A sliding-window budget: at most `requests` admitted in any `intervalMs`. */
function budget({ requests, intervalMs }: { requests: number; intervalMs: number }) {
  let admitted: number[] = [];
  return async function admit() {
    for (;;) {
      const now = Date.now();
      admitted = admitted.filter((at) => at > now - intervalMs);
      if (admitted.length < requests) return void admitted.push(now);
      await wait(admitted[0] + intervalMs - now + 1);
    }
  };
}

it('loads at the budgets', async () => {
  const data = portal();
  const admitList = budget(budgets.list);
  const admitSearch = budget(budgets.search);
  const calls = { list: 0, search: 0 };
  const object = (id: number, archived = false) => ({ id: String(id), properties: { name: `n${id}`, firstname: 'f', dealname: 'd' }, archived });
  const api: ProviderApi = {
    async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
      const table = data[path.split('/')[4]];
      const search = path.endsWith('/search');
      await (search ? admitSearch() : admitList());
      init.onSent?.();
      calls[search ? 'search' : 'list']++;
      await wait(latencyMs);
      if (search) {
        const body = init.json as { filterGroups: Array<{ filters: Array<{ operator: string; value: string }> }>; sorts: Array<{ direction: string }>; limit: number };
        let ids = table.active;
        for (const filter of body.filterGroups[0]?.filters ?? []) ids = ids.filter((id) => (filter.operator === 'GTE' ? id >= Number(filter.value) : id < Number(filter.value)));
        if (body.sorts[0]?.direction === 'DESCENDING') ids = [...ids].reverse();
        return schema.parse({ total: ids.length, results: ids.slice(0, body.limit).map((id) => object(id)) });
      }
      const query = init.query as { archived?: boolean; after?: string };
      const ids = (query.archived ? table.archived : table.active).filter((id) => id >= Number(query.after ?? 0));
      return schema.parse({ results: ids.slice(0, 100).map((id) => object(id, query.archived)), paging: ids.length > 100 ? { next: { after: String(ids[100]) } } : undefined });
    },
  };
  const ctx: ListContext = {
    api,
    account: { id: '1', label: 'bench', details: { portalId: '1', uiDomain: 'app.hubspot.com' } },
    link: (url) => url ?? null,
    signal: new AbortController().signal,
    reportSkipped: () => undefined,
  };
  const started = Date.now();
  const seen = new Set<string>();
  let firstMs = 0;
  for await (const page of loadEverything(ctx, budgets)) {
    firstMs ||= Date.now() - started;
    for (const item of page) seen.add(`${item.type}:${item.id}`);
  }
  const seconds = (Date.now() - started) / 1000;
  const total = Object.values(data).reduce((sum, table) => sum + table.active.length + table.archived.length, 0);
  const bound = (budgets.list.requests * 100) / (budgets.list.intervalMs / 1000) + (budgets.search.requests * 200) / (budgets.search.intervalMs / 1000);
  const rate = seen.size / seconds;
  console.log(
    `loader at ${latencyMs} ms: ${seen.size.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} records/s ` +
      `(${(rate / bound).toFixed(2)} of the ${Math.round(bound).toLocaleString('en-US')}/s its budgets allow); first page ${firstMs} ms; ${calls.list} list + ${calls.search} search calls`,
  );
  expect(seen.size).toBe(total);
}, 300_000);
