import 'server-only';
import type { IntegrationItem } from '@/lib/contract';
import type { ListContext, ProviderApi } from '@/lib/providers/types';
import { type HubSpotObject, type HubSpotType, toIntegrationItem } from './objects';
import { type Range, RangePool } from './range-pool';
import { listFrom, searchPageOf, searchRangeStep } from './requests';

/**
 * A full load that keeps HubSpot's two budgets busy: list lanes (the 110 / 10 s budget) and
 * search lanes (CRM Search's own 5 / s) walk id ranges of one shared RangePool, as many at once
 * as it takes to spend the budgets at the measured latency; the per-account limiters (shared
 * through the store) pace them. Pages wait in a bounded queue until the reader takes them, so a
 * slow reader slows the requests. Contacts and deals name their parent company, so their pages
 * are held back (within the same bound) until every company is known.
 */

export interface LoadBudgets {
  list: { requests: number; intervalMs: number };
  search: { requests: number; intervalMs: number };
}

const TYPE_ORDER: readonly HubSpotType[] = ['company', 'contact', 'deal'];
// Few lanes beyond what the latency needs: a lane waiting for its budget still holds its range, which
// an idle lane of the other budget could otherwise walk (npm run bench:loader: 8 list lanes load about 4% slower than 4).
const MIN_LIST_LANES = 4;
const MIN_SEARCH_LANES = 4;
const MAX_LANES = 64;
/** Pages that may wait for the reader (each lane keeps at most one request in flight on top). */
const QUEUE_PAGES = 24;
/** Contact and deal pages that may wait for the company names (a few MB); beyond, their lanes help with companies. */
const HELD_PAGES = 64;

class Signal {
  private waiters: Array<() => void> = [];
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export async function* loadEverything(ctx: ListContext, budgets: LoadBudgets): AsyncGenerator<IntegrationItem[]> {
  const pool = new RangePool();
  const probed = new Set<HubSpotType>();
  const companyNames = new Map<string, string>();
  const queue: IntegrationItem[][] = [];
  const held: Array<{ type: HubSpotType; objects: HubSpotObject[] }> = [];
  const changed = new Signal();
  let failure: { error: unknown } | null = null;
  let stopped = false;
  let companiesKnown = false;
  let latencyMs = 250;
  const lanes = { list: 0, search: 0, running: 0 };

  const map = (type: HubSpotType, objects: HubSpotObject[]) => objects.map((object) => toIntegrationItem(type, object, ctx, companyNames));
  const deliver = (type: HubSpotType, objects: HubSpotObject[]) => {
    if (objects.length === 0) return;
    if (type === 'company') {
      const items = map(type, objects);
      for (const item of items) companyNames.set(item.id, item.name);
      queue.push(items);
    } else if (companiesKnown) {
      queue.push(map(type, objects));
    } else {
      held.push({ type, objects });
    }
    changed.notify();
  };
  const checkCompanies = () => {
    if (companiesKnown || !pool.typeDone('company', probed.has('company'))) return;
    companiesKnown = true;
    for (const page of held.splice(0)) queue.push(map(page.type, page.objects));
  };
  const room = async () => {
    while (!stopped && queue.length >= QUEUE_PAGES) await changed.wait();
  };
  // While companies load, contacts and deals may fill the held pages; then their lanes step aside for company ranges.
  const mustStepAside = (range: Range) => range.type !== 'company' && !companiesKnown && held.length >= HELD_PAGES;
  // The provider's own latency, from the moment a request leaves (not from when it started waiting
  // for the budget): lanes are sized from it, and waits would make them grow without end.
  const api: ProviderApi = {
    async request(schema, path, init = {}) {
      let sentAt = 0;
      const result = await ctx.api.request(schema, path, { ...init, onSent: () => (sentAt = Date.now()) });
      if (sentAt) latencyMs = latencyMs * 0.8 + (Date.now() - sentAt) * 0.2;
      return result;
    },
  };

  async function walkList(range: Range): Promise<void> {
    const page = await listFrom(api, range.type, range.cursor, range.archived);
    const inside = page.objects.filter((object) => Number(object.id) >= range.cursor && Number(object.id) < range.hi);
    const last = page.objects.at(-1);
    const pastEnd = page.objects.some((object) => Number(object.id) >= range.hi);
    deliver(range.type, inside);
    pool.advance(range, last ? Number(last.id) + 1 : range.cursor, !page.more || pastEnd || !last, page.objects[0] ? Number(page.objects[0].id) : null);
  }

  async function walkSearch(range: Range): Promise<void> {
    const step = await searchRangeStep(api, range.type, range.cursor, range.hi);
    // The range may have been split while the request was out: keep only what is still ours.
    deliver(range.type, step.objects.filter((object) => Number(object.id) < range.hi));
    pool.advance(range, step.nextCursor, step.exhausted);
  }

  /** The top of each type's id space, by Search (its records count as delivered). */
  async function probe(type: HubSpotType): Promise<void> {
    const page = await searchPageOf(api, type, [], { descending: true });
    const ids = page.objects.map((object) => Number(object.id));
    deliver(type, page.objects);
    pool.probed(type, page.total, ids.length ? Math.min(...ids) : null, ids.length ? Math.max(...ids) : null);
    probed.add(type);
  }

  const wanted = (mode: 'list' | 'search') => {
    const budget = budgets[mode];
    const perMs = budget.requests / budget.intervalMs;
    // Twice the requests the budget allows during one round trip, so waiting on the network never leaves budget unspent.
    return Math.min(MAX_LANES, Math.max(mode === 'list' ? MIN_LIST_LANES : MIN_SEARCH_LANES, Math.ceil(perMs * latencyMs * 2)));
  };

  async function lane(mode: 'list' | 'search'): Promise<void> {
    try {
      while (!stopped && !ctx.signal.aborted) {
        const unprobed = mode === 'search' ? TYPE_ORDER.find((type) => !probed.has(type) && !probing.has(type)) : undefined;
        if (unprobed) {
          probing.add(unprobed);
          await probe(unprobed);
        } else {
          const range = pool.take(mode, TYPE_ORDER, probed);
          if (!range) {
            if (pool.allDone) return;
            await changed.wait();
            continue;
          }
          if (mustStepAside(range)) {
            pool.release(range);
            await changed.wait();
            continue;
          }
          try {
            while (!range.done && !stopped && !mustStepAside(range)) {
              await room();
              if (stopped) break;
              await (mode === 'list' ? walkList(range) : walkSearch(range));
            }
          } finally {
            pool.release(range);
          }
        }
        checkCompanies();
        changed.notify();
        grow();
      }
    } catch (error) {
      if (!stopped) failure ??= { error };
      stopped = true;
    } finally {
      lanes[mode] -= 1;
      lanes.running -= 1;
      changed.notify();
    }
  }

  const probing = new Set<HubSpotType>();
  function grow(): void {
    // Lanes that find nothing to do end at once: never spawn more once everything is walked.
    if (pool.allDone) return;
    for (const mode of ['search', 'list'] as const) {
      while (!stopped && lanes[mode] < wanted(mode)) {
        lanes[mode] += 1;
        lanes.running += 1;
        void lane(mode);
      }
    }
  }

  grow();
  try {
    for (;;) {
      if (queue.length) {
        const page = queue.shift() as IntegrationItem[];
        changed.notify();
        yield page;
        continue;
      }
      const failed = failure as { error: unknown } | null;
      if (failed) throw failed.error;
      if (lanes.running === 0) {
        if (!pool.allDone) throw new Error('the HubSpot load stopped before every range was walked');
        return;
      }
      await changed.wait();
    }
  } finally {
    stopped = true;
    changed.notify();
  }
}
