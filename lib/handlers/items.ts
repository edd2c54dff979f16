import 'server-only';
import { listIntegrations } from '@/lib/server/connections';
import { withErrors } from '@/lib/server/http';
import { itemsResponse } from '@/lib/server/items-response';
import { loadAllItems } from '@/lib/server/load-all-items';
import { loadItems, type LoadOptions } from '@/lib/server/load-items';
import { parseModifiedSince } from '@/lib/shared/modified-since';
import { getProvider, providers } from '@/lib/providers';
import type { ProviderDefinition } from '@/lib/providers/types';
import { currentSessionKey } from '@/lib/server/session';
import { sharedLoad } from '@/lib/server/shared-load';

/** One provider's load, shared with identical loads of this session that overlap it (two tabs, double clicks). */
function load(provider: ProviderDefinition, sessionKey: string, options: LoadOptions & { signal: AbortSignal }) {
  const id = JSON.stringify([sessionKey, provider.id, options.modifiedSince?.toISOString() ?? null]);
  return sharedLoad(id, (signal) => loadItems(provider, sessionKey, { modifiedSince: options.modifiedSince, signal }), options.signal);
}

/**
 * GET one provider's items: a JSON array, or NDJSON with an end line (see items-response).
 * `modified_since` narrows the load to what changed.
 */
export function handleItems(request: Request, providerId: string): Promise<Response> {
  return withErrors(async () => {
    const provider = getProvider(providerId);
    const modifiedSince = parseModifiedSince(new URL(request.url).searchParams);
    const sessionKey = await currentSessionKey();
    return itemsResponse(request, load(provider, sessionKey, { signal: request.signal, modifiedSince }));
  });
}

/** GET the items of every provider this session has connected, merged into one answer. */
export function handleAllItems(request: Request): Promise<Response> {
  return withErrors(async () => {
    const modifiedSince = parseModifiedSince(new URL(request.url).searchParams);
    const sessionKey = await currentSessionKey();
    const summaries = await listIntegrations(sessionKey);
    const connected = providers.filter((provider) => summaries.some((s) => s.provider === provider.id && s.status !== 'not_connected'));
    const batches = loadAllItems(connected, (provider) => load(provider, sessionKey, { signal: request.signal, modifiedSince }));
    return itemsResponse(request, batches);
  });
}
