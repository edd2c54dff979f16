'use client';

import * as React from 'react';
import type { IntegrationItem } from '@/lib/items';
import { loadItems, PartialLoadError } from '@/lib/client/api';
import { isAbortError, toApiError } from '@/lib/client/errors';
import type { IntegrationsList } from './useIntegrations';

export type LoadState =
  | { phase: 'idle' }
  | { phase: 'loading'; provider: string; count: number }
  | { phase: 'done'; provider: string; items: IntegrationItem[]; run: number }
  | { phase: 'error'; provider: string; items: IntegrationItem[]; run: number; code: string; message: string }
  | { phase: 'cancelled'; provider: string };

/** How often the "Loaded N items…" counter re-renders while streaming. */
const PROGRESS_INTERVAL_MS = 100;

export interface ItemsLoad {
  load: LoadState;
  /** Loads the provider's items, replacing any running load. */
  start: (provider: string) => Promise<void>;
  cancel: () => void;
  /** Drops a finished load's error for this provider (a new connect attempt makes it stale). */
  clearError: (provider: string) => void;
  /** The provider was disconnected: stop its load and forget its items. */
  forget: (provider: string) => void;
}

/** Calls `paint` at most every PROGRESS_INTERVAL_MS with the latest count, and once more at the end of a burst. */
function throttledProgress(paint: (count: number) => void) {
  let lastPaint = 0;
  let latest = 0;
  let pending: number | null = null;
  return {
    onProgress: (count: number) => {
      latest = count;
      const now = performance.now();
      if (now - lastPaint >= PROGRESS_INTERVAL_MS) {
        lastPaint = now;
        paint(count);
      } else if (pending === null) {
        pending = window.setTimeout(() => {
          pending = null;
          lastPaint = performance.now();
          paint(latest);
        }, PROGRESS_INTERVAL_MS);
      }
    },
    stop: () => {
      if (pending !== null) window.clearTimeout(pending);
    },
  };
}

/** One items load at a time, streamed with a throttled progress count; a lost grant updates the list. */
export function useItemsLoad({ patch, refresh }: Pick<IntegrationsList, 'patch' | 'refresh'>): ItemsLoad {
  const [load, setLoad] = React.useState<LoadState>({ phase: 'idle' });
  const running = React.useRef<{ provider: string; controller: AbortController } | null>(null);
  /** Numbers the loads, so each data set is told apart from the one before (the table resets its filters). */
  const runs = React.useRef(0);

  // Abort a running load when the page goes away.
  React.useEffect(() => () => running.current?.controller.abort(), []);

  const start = React.useCallback(
    async (provider: string) => {
      running.current?.controller.abort();
      const controller = new AbortController();
      const current = { provider, controller };
      const run = (runs.current += 1);
      running.current = current;
      setLoad({ phase: 'loading', provider, count: 0 });
      const { onProgress, stop } = throttledProgress((count) => {
        if (controller.signal.aborted) return;
        setLoad((prev) => (prev.phase === 'loading' && prev.provider === provider ? { ...prev, count } : prev));
      });
      const isCurrent = () => running.current === current;
      try {
        const items = await loadItems(provider, { signal: controller.signal, onProgress });
        if (isCurrent()) setLoad({ phase: 'done', provider, items, run });
      } catch (error) {
        if (!isCurrent()) return;
        if (controller.signal.aborted || isAbortError(error)) {
          setLoad({ phase: 'cancelled', provider });
          return;
        }
        const apiError = toApiError(error);
        const partial: IntegrationItem[] = error instanceof PartialLoadError ? error.items : [];
        setLoad({ phase: 'error', provider, items: partial, run, code: apiError.code, message: apiError.message });
        if (apiError.code === 'reconnect_required') {
          patch(provider, { status: 'reconnect_required', connected: false });
          void refresh();
        } else if (apiError.code === 'not_connected') {
          patch(provider, { status: 'not_connected', connected: false, account: null });
          void refresh();
        }
      } finally {
        stop();
        if (isCurrent()) running.current = null;
      }
    },
    [patch, refresh],
  );

  const cancel = React.useCallback(() => running.current?.controller.abort(), []);

  const clearError = React.useCallback((provider: string) => {
    setLoad((prev) => (prev.phase === 'error' && prev.provider === provider ? { phase: 'idle' } : prev));
  }, []);

  const forget = React.useCallback((provider: string) => {
    if (running.current?.provider === provider) running.current.controller.abort();
    setLoad((prev) => (prev.phase !== 'idle' && prev.provider === provider ? { phase: 'idle' } : prev));
  }, []);

  return { load, start, cancel, clearError, forget };
}
