import 'server-only';
import { setMaxListeners } from 'node:events';
import { openConnection } from '@/lib/server/connections';
import { ProviderError } from '@/lib/shared/errors';
import { type IntegrationItem, integrationItemSchema, itemKey } from '@/lib/contract';
import type { ProviderDefinition } from '@/lib/providers/types';
import type { LoadSummary } from '@/lib/server/load-summary';

/** Comfortably above the most requests one load keeps in flight (with their limiter waits). */
const MAX_REQUESTS_IN_FLIGHT = 500;

export interface LoadOptions {
  signal?: AbortSignal;
  /** Only items created or modified at or after this instant (where the provider can tell). */
  modifiedSince?: Date;
}

/**
 * Every item of the session's account, batch by batch as the provider pages arrive.
 * Items are validated against the contract and de-duplicated by (provider, type, id).
 * When the load ends early (an error, or the reader went away) its remaining requests stop too.
 * A complete load returns how many records the provider reported it had to leave out.
 */
export async function* loadItems(provider: ProviderDefinition, sessionKey: string, options: LoadOptions = {}): AsyncGenerator<IntegrationItem[], LoadSummary> {
  const done = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, done.signal]) : done.signal;
  // A load runs up to dozens of requests at once (parallel lanes of one provider's loader), each listening for this
  // abort: that is by design, not the leak Node's default warning at 11 listeners suspects.
  setMaxListeners(MAX_REQUESTS_IN_FLIGHT, signal);
  let skipped = 0;
  const reportSkipped = (count: number) => {
    if (!Number.isSafeInteger(count) || count < 0) throw new TypeError(`reportSkipped takes a count of records, not ${count}.`);
    skipped += count;
  };
  try {
    const connection = await openConnection(provider, sessionKey, { signal });
    const seen = new Set<string>();
    for await (const batch of provider.listItems({ ...connection, signal, modifiedSince: options.modifiedSince, reportSkipped })) {
      const fresh: IntegrationItem[] = [];
      for (const candidate of batch) {
        const parsed = integrationItemSchema.safeParse(candidate);
        if (!parsed.success) throw new ProviderError(provider.displayName, `an item did not fit the item format (${parsed.error.issues[0]?.message}).`);
        const key = itemKey(parsed.data);
        if (seen.has(key)) continue;
        seen.add(key);
        fresh.push(parsed.data);
      }
      if (fresh.length) yield fresh;
    }
    return { skipped };
  } finally {
    done.abort();
  }
}
