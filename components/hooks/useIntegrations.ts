'use client';

import * as React from 'react';
import { fetchIntegrations } from '@/lib/client/api';
import type { IntegrationSummary } from '@/lib/contract';
import { toApiError } from '@/lib/client/errors';
import type { Notify } from './notice';

export interface IntegrationsList {
  /** The server's list for this session; null until the first answer. */
  integrations: IntegrationSummary[] | null;
  /** Why the first list could not be read (later failures go to `notify`). */
  listError: string | null;
  /** Re-reads the server's view of every integration; resolves with the list, or null when that failed. */
  refresh: () => Promise<IntegrationSummary[] | null>;
  /** Changes one entry locally until the next refresh says otherwise. */
  patch: (provider: string, patch: Partial<IntegrationSummary>) => void;
  nameOf: (provider: string) => string;
  /** Resolves with the first list the server sends. */
  firstList: Promise<IntegrationSummary[]>;
}

function deferredList() {
  let resolve: (list: IntegrationSummary[]) => void = () => undefined;
  const promise = new Promise<IntegrationSummary[]>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * The integrations of this session: the list the server rendered the page with, or (when it could
 * not) read once on mount; re-read on demand.
 */
export function useIntegrations(notify: Notify, initial: IntegrationSummary[] | null): IntegrationsList {
  const [integrations, setIntegrations] = React.useState<IntegrationSummary[] | null>(initial);
  const [listError, setListError] = React.useState<string | null>(null);
  // Callbacks below read the latest list without re-creating themselves on every change.
  const latest = React.useRef<IntegrationSummary[] | null>(initial);
  const notifyRef = React.useRef(notify);
  React.useEffect(() => {
    latest.current = integrations;
    notifyRef.current = notify;
  }, [integrations, notify]);
  const [first] = React.useState(() => {
    const deferred = deferredList();
    if (initial) deferred.resolve(initial);
    return deferred;
  });
  const [renderedWithList] = React.useState(initial !== null);

  const accept = React.useCallback(
    (list: IntegrationSummary[]) => {
      latest.current = list;
      setIntegrations(list);
      setListError(null);
      first.resolve(list);
      return list;
    },
    [first],
  );
  const reject = React.useCallback((error: unknown) => {
    const { message } = toApiError(error);
    if (latest.current === null) setListError(message);
    else notifyRef.current({ severity: 'error', message });
    return null;
  }, []);

  const refresh = React.useCallback(() => fetchIntegrations().then(accept, reject), [accept, reject]);

  React.useEffect(() => {
    if (!renderedWithList) void fetchIntegrations().then(accept, reject);
  }, [accept, reject, renderedWithList]);

  const patch = React.useCallback((provider: string, change: Partial<IntegrationSummary>) => {
    setIntegrations((prev) => prev?.map((i) => (i.provider === provider ? { ...i, ...change } : i)) ?? prev);
  }, []);

  const nameOf = React.useCallback(
    (provider: string) => latest.current?.find((i) => i.provider === provider)?.name ?? provider,
    [],
  );

  return { integrations, listError, refresh, patch, nameOf, firstList: first.promise };
}
