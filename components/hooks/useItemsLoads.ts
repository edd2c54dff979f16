'use client';

import * as React from 'react';
import type { IntegrationItem } from '@/lib/contract';
import { loadItemsResult } from '@/lib/client/api';
import { isAbortError, toApiError } from '@/lib/client/errors';
import { indexItems, mergeItems } from '@/lib/client/item-index';
import type { ProviderLoad } from '@/lib/client/load-outcome';

/** What the browser holds for one provider: its items, and where the next reload of changes starts. */
interface ProviderCache {
  items: Map<string, IntegrationItem>;
  /** Set only by a load that ended with the server's done line; null until then. */
  completeSince: string | null;
}

export type LoadMode = 'changes' | 'full';

export interface ItemsLoads {
  /** The providers of the last load, whose items the table shows. */
  scope: readonly string[];
  loads: Readonly<Record<string, ProviderLoad>>;
  items: IntegrationItem[];
  loading: boolean;
  /** When the last load of the scope ended, and whether it asked only for changes. */
  loadedAt: Date | null;
  lastMode: LoadMode | null;
  /** True when every provider has a complete load, so Load Data can ask only for changes. */
  hasCompleteLoad: (providers: readonly string[]) => boolean;
  load: (providers: readonly string[], mode: LoadMode) => void;
  /** Loads one provider of the scope again (retry, resume) without touching the others. */
  loadOne: (provider: string, mode: LoadMode) => void;
  cancel: () => void;
  forget: (provider: string) => void;
}

const PAINT_INTERVAL_MS = 150;

/**
 * Loads several providers in parallel, each on its own stream, so one failing provider never hides
 * the others. A provider with a complete earlier load is asked only for changes since then
 * (`modified_since`) and merged; a stream that ends without its done line keeps what arrived and
 * is reported incomplete, and the next load starts again from the last complete one.
 */
export function useItemsLoads(onAuthError: (provider: string, code: string) => void): ItemsLoads {
  // State for rendering; the ref mirrors it for the async loads, which must see the latest copy.
  const [cache, setCacheState] = React.useState<ReadonlyMap<string, ProviderCache>>(() => new Map());
  const cacheRef = React.useRef<ReadonlyMap<string, ProviderCache>>(cache);
  const updateCache = React.useCallback((update: (prev: Map<string, ProviderCache>) => void) => {
    const next = new Map(cacheRef.current);
    update(next);
    cacheRef.current = next;
    setCacheState(next);
  }, []);
  const controllers = React.useRef(new Map<string, AbortController>());
  const counts = React.useRef(new Map<string, number>());
  const [scope, setScope] = React.useState<readonly string[]>([]);
  const [loads, setLoads] = React.useState<Record<string, ProviderLoad>>({});
  const [loadedAt, setLoadedAt] = React.useState<Date | null>(null);
  const [lastMode, setLastMode] = React.useState<LoadMode | null>(null);
  const authError = React.useRef(onAuthError);
  React.useEffect(() => {
    authError.current = onAuthError;
  }, [onAuthError]);

  const loading = Object.values(loads).some((load) => load.phase === 'loading');

  // Progress counts change per item; the screen follows a few times a second.
  React.useEffect(() => {
    if (!loading) return;
    const timer = window.setInterval(() => {
      setLoads((prev) => {
        let changed = false;
        const next = { ...prev };
        for (const [provider, count] of counts.current) {
          const load = next[provider];
          if (load?.phase === 'loading' && load.count !== count) {
            next[provider] = { phase: 'loading', count };
            changed = true;
          }
        }
        return changed ? next : prev;
      });
    }, PAINT_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [loading]);

  React.useEffect(() => () => controllers.current.forEach((c) => c.abort()), []);

  const setLoad = (provider: string, load: ProviderLoad) => setLoads((prev) => ({ ...prev, [provider]: load }));

  const runOne = React.useCallback(async (provider: string, mode: LoadMode): Promise<void> => {
    controllers.current.get(provider)?.abort();
    const controller = new AbortController();
    controllers.current.set(provider, controller);
    const before = cacheRef.current.get(provider);
    const since = mode === 'changes' ? (before?.completeSince ?? undefined) : undefined;
    counts.current.set(provider, 0);
    setLoad(provider, { phase: 'loading', count: 0 });
    const isCurrent = () => controllers.current.get(provider) === controller;
    try {
      const result = await loadItemsResult(provider, {
        signal: controller.signal,
        modifiedSince: since,
        onProgress: (count) => counts.current.set(provider, count),
      });
      if (!isCurrent()) return;
      const previous = before?.items ?? new Map<string, IntegrationItem>();
      if (result.complete) {
        const items = since ? mergeItems(previous, result.items) : indexItems(result.items);
        updateCache((next) => next.set(provider, { items, completeSince: result.since }));
        setLoad(provider, {
          phase: 'done',
          count: items.size,
          ...(since ? { changed: result.items.length } : {}),
          ...(result.skipped ? { skipped: result.skipped } : {}),
        });
      } else {
        // Keep the earlier items too: with them, a reload of changes since the last complete load makes the list whole.
        const items = mergeItems(previous, result.items);
        updateCache((next) => next.set(provider, { items, completeSince: before?.completeSince ?? null }));
        const error = result.error;
        setLoad(
          provider,
          !error || error.code === 'stream_interrupted'
            ? { phase: 'incomplete', count: items.size }
            : { phase: 'error', count: items.size, code: error.code, message: error.message },
        );
        if (error) authError.current(provider, error.code);
      }
    } catch (thrown) {
      if (!isCurrent()) return;
      const count = before?.items.size ?? 0;
      if (controller.signal.aborted || isAbortError(thrown)) {
        setLoad(provider, { phase: 'cancelled', count });
        return;
      }
      const error = toApiError(thrown);
      setLoad(provider, { phase: 'error', count, code: error.code, message: error.message });
      authError.current(provider, error.code);
    } finally {
      if (isCurrent()) controllers.current.delete(provider);
    }
  }, [updateCache]);

  const load = React.useCallback(
    (providers: readonly string[], mode: LoadMode) => {
      controllers.current.forEach((c) => c.abort());
      controllers.current.clear();
      setScope(providers);
      setLoads({});
      // "Changes" only where an earlier complete load exists; a provider without one loads in full.
      setLastMode(mode === 'changes' && providers.some((p) => cacheRef.current.get(p)?.completeSince) ? 'changes' : 'full');
      void Promise.all(providers.map((provider) => runOne(provider, mode))).then(() => setLoadedAt(new Date()));
    },
    [runOne],
  );

  const loadOne = React.useCallback(
    (provider: string, mode: LoadMode) => {
      void runOne(provider, mode).then(() => setLoadedAt(new Date()));
    },
    [runOne],
  );

  const cancel = React.useCallback(() => controllers.current.forEach((c) => c.abort()), []);

  const forget = React.useCallback((provider: string) => {
    controllers.current.get(provider)?.abort();
    updateCache((next) => next.delete(provider));
    setScope((prev) => prev.filter((p) => p !== provider));
    setLoads((prev) => {
      const next = { ...prev };
      delete next[provider];
      return next;
    });
  }, [updateCache]);

  const hasCompleteLoad = React.useCallback(
    (providers: readonly string[]) => providers.length > 0 && providers.every((p) => Boolean(cache.get(p)?.completeSince)),
    [cache],
  );

  const items = React.useMemo(
    () => scope.flatMap((provider) => [...(cache.get(provider)?.items.values() ?? [])]),
    [scope, cache],
  );

  return { scope, loads, items, loading, loadedAt, lastMode, hasCompleteLoad, load, loadOne, cancel, forget };
}
