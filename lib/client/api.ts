import { integrationItemSchema, integrationListSchema, itemKey, type IntegrationItem, type IntegrationSummary } from '@/lib/contract';
import { ApiError, errorFromResponse, isErrorBody } from './errors';
import { isDoneLine, readNdjson } from './ndjson';
import { serverInstantBefore } from './server-clock';

/** One entry of `GET /api/integrations` (the contract's IntegrationSummary). */

const BASE = '/api/integrations';

function providerPath(provider: string): string {
  return `${BASE}/${encodeURIComponent(provider)}`;
}

export function authorizeUrl(provider: string, mode?: 'redirect'): string {
  return `${providerPath(provider)}/authorize${mode ? `?mode=${mode}` : ''}`;
}

export async function fetchIntegrations(signal?: AbortSignal): Promise<IntegrationSummary[]> {
  const response = await fetch(BASE, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) throw await errorFromResponse(response);
  const parsed = integrationListSchema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError('bad_response', 'The server sent an unexpected answer.');
  return parsed.data;
}

export async function disconnectIntegration(provider: string): Promise<void> {
  const response = await fetch(providerPath(provider), { method: 'DELETE', credentials: 'same-origin' });
  if (!response.ok && response.status !== 404) throw await errorFromResponse(response);
}

function isItem(value: unknown): value is IntegrationItem {
  return integrationItemSchema.safeParse(value).success;
}

export interface LoadItemsOptions {
  signal?: AbortSignal;
  /** Called with the number of items received so far (may be called often; throttle in the UI). */
  onProgress?: (count: number) => void;
  /** Only items created or modified at or after this instant (a reload of what changed). */
  modifiedSince?: Date | string;
}

/** Thrown when the stream breaks midway; carries what arrived before the failure. */
export class PartialLoadError extends ApiError {
  constructor(
    error: ApiError,
    readonly items: IntegrationItem[],
  ) {
    super(error.code, error.message, error.status);
    this.name = 'PartialLoadError';
  }
}

/** What a load brought: the items, whether the server said the list is complete, and why not. */
export interface ItemsLoadResult {
  items: IntegrationItem[];
  /** True only when the stream ended with its `{"done": ...}` line. */
  complete: boolean;
  /** Records the server could not read and left out of a complete list (its done line's `skipped`); 0 otherwise. */
  skipped: number;
  /** The error line (or the broken connection) that ended an incomplete load. */
  error: ApiError | null;
  /** An instant at or before the server began this load, by the server's clock: where a reload of changes starts. */
  since: string;
}

function itemsPath(provider: string | null, modifiedSince: Date | string | undefined): string {
  const path = provider === null ? '/api/items' : `${providerPath(provider)}/items`;
  if (modifiedSince === undefined) return path;
  const since = typeof modifiedSince === 'string' ? modifiedSince : modifiedSince.toISOString();
  return `${path}?modified_since=${encodeURIComponent(since)}`;
}

/**
 * Loads the items of one provider (or of every connected one, with `provider` null) as NDJSON and
 * reports whether the list is complete. Errors before the first item throw ApiError; an error or
 * a cut connection midway returns what arrived with `complete: false`.
 * Duplicate (provider, type, id) keys keep the last copy so the table never sees duplicate row ids.
 */
export async function loadItemsResult(provider: string | null, options: LoadItemsOptions = {}): Promise<ItemsLoadResult> {
  const { signal, onProgress } = options;
  const requestedAt = Date.now();
  const response = await fetch(itemsPath(provider, options.modifiedSince), {
    headers: { Accept: 'application/x-ndjson' },
    cache: 'no-store',
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) throw await errorFromResponse(response);

  const byKey = new Map<string, IntegrationItem>();
  const add = (value: unknown) => {
    if (isItem(value)) byKey.set(itemKey(value), value);
  };
  const since = serverInstantBefore(response.headers.get('date'), Date.now() - requestedAt, requestedAt);
  const result = (complete: boolean, error: ApiError | null, skipped = 0): ItemsLoadResult => ({ items: [...byKey.values()], complete, skipped, error, since });

  const contentType = response.headers.get('content-type') ?? '';
  if (!response.body || contentType.includes('application/json')) {
    const body: unknown = await response.json();
    if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, response.status);
    if (!Array.isArray(body)) throw new ApiError('bad_response', 'The server sent an unexpected answer.');
    body.forEach(add);
    onProgress?.(byKey.size);
    return result(true, null);
  }

  try {
    for await (const value of readNdjson(response.body)) {
      if (isDoneLine(value)) return result(true, null, value.done.skipped ?? 0);
      if (isErrorBody(value)) return result(false, new ApiError(value.error.code, value.error.message, response.status));
      add(value);
      onProgress?.(byKey.size);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = error instanceof ApiError ? error.message : 'The connection broke while loading. Try loading again.';
    return result(false, new ApiError('stream_interrupted', message));
  }
  return result(false, new ApiError('stream_interrupted', 'The list ended before the server said it was complete. Try loading again.'));
}

/** Loads every item of a connected integration; an incomplete list throws PartialLoadError with what arrived. */
export async function loadItems(provider: string, options: LoadItemsOptions = {}): Promise<IntegrationItem[]> {
  const { items, complete, error } = await loadItemsResult(provider, options);
  if (!complete) throw new PartialLoadError(error ?? new ApiError('stream_interrupted', 'The list is incomplete.'), items);
  return items;
}
