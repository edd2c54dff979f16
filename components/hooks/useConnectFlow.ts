'use client';

import * as React from 'react';
import type { IntegrationSummary } from '@/lib/contract';
import { disconnectIntegration } from '@/lib/client/api';
import { toApiError } from '@/lib/client/errors';
import {
  parseRedirectResult,
  redirectToAuthorize,
  startPopupFlow,
  stripRedirectParams,
  type OAuthResult,
  type PopupFlow,
} from '@/lib/client/oauth';
import type { Notify } from './notice';
import type { IntegrationsList } from './useIntegrations';

/** What the connection card shows while a connect or disconnect is under way, or how it failed. */
export type ConnectUi =
  | { phase: 'connecting' }
  | { phase: 'redirecting' }
  | { phase: 'disconnecting' }
  | { phase: 'error'; title: string; message: string };

export interface ConnectFlowOptions {
  notify: Notify;
  /** A connect attempt starts: a stale load error of this provider should go. */
  onConnectStart: (provider: string) => void;
  onDisconnected: (provider: string) => void;
  /** A connection completed (e.g. to load again a provider that failed for want of one). */
  onConnected?: (provider: string) => void;
}

export interface ConnectFlow {
  uiOf: (provider: string) => ConnectUi | null;
  /** Opens the consent popup (or focuses it; falls back to a full-page redirect when popups are blocked). */
  connect: (provider: string) => void;
  disconnect: (integration: IntegrationSummary) => Promise<void>;
}

/**
 * Connect (consent popup, or the full-page redirect and its result in the URL) and disconnect.
 * One consent popup at a time.
 */
export function useConnectFlow(list: IntegrationsList, { notify, onConnectStart, onDisconnected, onConnected }: ConnectFlowOptions): ConnectFlow {
  const { nameOf, patch, refresh, firstList } = list;
  const [connectUi, setConnectUi] = React.useState<Record<string, ConnectUi | null>>({});
  const popup = React.useRef<{ provider: string; flow: PopupFlow } | null>(null);

  const setUi = React.useCallback((provider: string, ui: ConnectUi | null) => {
    setConnectUi((prev) => ({ ...prev, [provider]: ui }));
  }, []);

  const applyResult = React.useCallback(
    (result: OAuthResult) => {
      const name = nameOf(result.provider);
      if (result.ok) {
        setUi(result.provider, null);
        patch(result.provider, { connected: true, status: 'connected', ...(result.account ? { account: result.account } : {}) });
        notify({
          severity: 'success',
          message: result.account ? `Connected to ${name} as ${result.account.label}` : `Connected to ${name}`,
        });
        onConnected?.(result.provider);
      } else {
        setUi(result.provider, { phase: 'error', title: 'Connection failed', message: result.error.message });
      }
      void refresh();
    },
    [nameOf, notify, onConnected, patch, refresh, setUi],
  );

  // The full-page fallback came back with its result in the URL: clean the URL, then apply the
  // result once the list says the provider exists.
  React.useEffect(() => {
    const search = window.location.search;
    const result = parseRedirectResult(search);
    if (!result) return;
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${stripRedirectParams(search)}${hash}`);
    void firstList.then((integrations) => {
      if (integrations.some((i) => i.provider === result.provider)) applyResult(result);
    });
  }, [applyResult, firstList]);

  // Stop listening to a popup when the page goes away.
  React.useEffect(() => () => popup.current?.flow.dispose(), []);

  const connect = (provider: string) => {
    if (popup.current?.provider === provider) {
      popup.current.flow.focus();
      return;
    }
    if (popup.current) {
      // Only one consent popup at a time: forget the other integration's unfinished attempt.
      popup.current.flow.dispose();
      setUi(popup.current.provider, null);
      popup.current = null;
    }
    const previous = connectUi[provider] ?? null;
    onConnectStart(provider);
    const flow = startPopupFlow(provider, {
      onResult: (result) => {
        popup.current = null;
        applyResult(result);
      },
      onClosed: () => {
        popup.current = null;
        setUi(provider, previous?.phase === 'error' ? previous : null);
        // The flow may still have finished (e.g. the message was lost): trust the server.
        void refresh();
      },
    });
    if (!flow) {
      setUi(provider, { phase: 'redirecting' });
      redirectToAuthorize(provider);
      return;
    }
    popup.current = { provider, flow };
    setUi(provider, { phase: 'connecting' });
  };

  const disconnect = async ({ provider, name }: IntegrationSummary) => {
    setUi(provider, { phase: 'disconnecting' });
    try {
      await disconnectIntegration(provider);
      onDisconnected(provider);
      patch(provider, { connected: false, status: 'not_connected', account: null });
      setUi(provider, null);
      notify({ severity: 'info', message: `Disconnected from ${name}` });
      void refresh();
    } catch (error) {
      setUi(provider, { phase: 'error', title: 'Could not disconnect', message: toApiError(error).message });
    }
  };

  return { uiOf: (provider) => connectUi[provider] ?? null, connect, disconnect };
}
