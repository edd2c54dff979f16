import 'server-only';
import { z } from 'zod';
import { paginate } from '@/lib/shared/async';
import { createIntegrationItem } from '@/lib/shared/items';
import { type IntegrationItem } from '@/lib/contract';
import type { ListContext, ProviderDefinition } from '@/lib/providers/types';

const basesPage = z.object({
  bases: z.array(z.object({ id: z.string(), name: z.string().nullish(), permissionLevel: z.string().nullish() })),
  offset: z.string().nullish(),
});
type AirtableBase = z.infer<typeof basesPage>['bases'][number];

const tablesAnswer = z.object({
  tables: z.array(z.object({ id: z.string(), name: z.string().nullish(), description: z.string().nullish() })),
});
type AirtableTable = z.infer<typeof tablesAnswer>['tables'][number];

const whoami = z.object({ id: z.string(), email: z.string().nullish() });

/** Calls outside any base (bases list, whoami) share one bucket with a base's budget, as strict as the sandbox counts them. */
const ACCOUNT_BUCKET = 'meta';

export function baseToItem(base: AirtableBase, ctx: Pick<ListContext, 'link'>): IntegrationItem {
  return createIntegrationItem(
    { id: base.id, type: 'base', provider: 'airtable', name: base.name, directory: true, url: ctx.link(`https://airtable.com/${base.id}`) },
    `Base ${base.id}`,
  );
}

export function tableToItem(table: AirtableTable, base: AirtableBase, ctx: Pick<ListContext, 'link'>): IntegrationItem {
  return createIntegrationItem(
    {
      id: table.id,
      type: 'table',
      provider: 'airtable',
      name: table.name,
      url: ctx.link(`https://airtable.com/${base.id}/${table.id}`),
      parent_id: base.id,
      parent_path_or_name: base.name?.trim() || `Base ${base.id}`,
    },
    `Table ${table.id}`,
  );
}

async function* listItems(ctx: ListContext): AsyncGenerator<IntegrationItem[]> {
  const pages = paginate('Airtable', async (offset) => {
    const page = await ctx.api.request(basesPage, '/v0/meta/bases', { query: { offset: offset ?? undefined }, bucket: ACCOUNT_BUCKET });
    return { values: page.bases, next: page.offset ?? null };
  });
  for await (const bases of pages) {
    yield bases.map((base) => baseToItem(base, ctx));
    // Schema calls run concurrently; the limiter keeps each base under its own budget.
    const tables = await Promise.all(
      bases.map(async (base) => {
        const answer = await ctx.api.request(tablesAnswer, `/v0/meta/bases/${encodeURIComponent(base.id)}/tables`, { bucket: base.id });
        return answer.tables.map((table) => tableToItem(table, base, ctx));
      }),
    );
    yield tables.flat();
  }
}

export const airtable = {
  id: 'airtable',
  displayName: 'Airtable',
  description: 'Bases and tables from an Airtable account',
  itemTypes: ['base', 'table'],
  authorization: {
    endpoint: { live: 'https://airtable.com/oauth2/v1/authorize', sandboxPath: '/oauth2/v1/authorize' },
    scopes: ['data.records:read', 'schema.bases:read'],
    pkce: true,
  },
  api: { endpoint: { live: 'https://api.airtable.com', sandboxPath: '' } },
  token: {
    endpoint: { live: 'https://airtable.com/oauth2/v1/token', sandboxPath: '/oauth2/v1/token' },
    clientAuth: 'basic',
    bodyFormat: 'form',
  },
  // 5 requests/s per base and 50/s for all of a user's traffic. A 429 costs 30 s of silence for that
  // base, and Airtable counts on its own clock, where network jitter brings requests closer together
  // than they left: each base keeps a margin (5 per 1.25 s, so 250 ms of jitter never adds a sixth).
  rateLimit: { requests: 40, intervalMs: 1000, retryAfterDefaultMs: 30_000, perBucket: { requests: 5, intervalMs: 1250 } },

  async describeAccount(_tokens, api) {
    const user = await api.request(whoami, '/v0/meta/whoami', { bucket: ACCOUNT_BUCKET });
    return { id: user.id, label: user.email ?? `Airtable user ${user.id}`, details: { userId: user.id } };
  },

  listItems,
} as const satisfies ProviderDefinition;
