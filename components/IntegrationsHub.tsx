'use client';

import * as React from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import type { IntegrationItem } from '@/lib/items';
import {
  disconnectIntegration,
  fetchIntegrations,
  loadItems,
  PartialLoadError,
  type Integration,
} from '@/lib/client/api';
import { isAbortError, toApiError } from '@/lib/client/errors';
import {
  parseRedirectResult,
  redirectToAuthorize,
  startPopupFlow,
  stripRedirectParams,
  type OAuthResult,
  type PopupFlow,
} from '@/lib/client/oauth';
import { pickInitialProvider, readLastProvider, writeLastProvider } from '@/lib/client/storage';
import ConnectionCard, { type ConnectUi } from './ConnectionCard';
import ItemsPanel, { type LoadState } from './ItemsPanel';

type Notice = { severity: 'success' | 'info' | 'error'; message: string };

/** How often the "Loaded N items…" counter re-renders while streaming. */
const PROGRESS_INTERVAL_MS = 100;

export default function IntegrationsHub() {
  const [integrations, setIntegrations] = React.useState<Integration[] | null>(null);
  const [listError, setListError] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [connectUi, setConnectUi] = React.useState<Record<string, ConnectUi | null>>({});
  const [load, setLoad] = React.useState<LoadState>({ phase: 'idle' });
  const [notice, setNotice] = React.useState<Notice | null>(null);

  const popupRef = React.useRef<{ provider: string; flow: PopupFlow } | null>(null);
  const loadAbortRef = React.useRef<AbortController | null>(null);
  const pendingRedirectResult = React.useRef<OAuthResult | null>(null);
  const integrationsRef = React.useRef<Integration[] | null>(null);
  // eslint-disable-next-line react-hooks/refs -- goes away with the hooks split (issue 11)
  integrationsRef.current = integrations;

  const setUi = React.useCallback((provider: string, ui: ConnectUi | null) => {
    setConnectUi((prev) => ({ ...prev, [provider]: ui }));
  }, []);

  const nameOf = React.useCallback(
    (provider: string) => integrationsRef.current?.find((i) => i.provider === provider)?.name ?? provider,
    [],
  );

  const patchIntegration = React.useCallback((provider: string, patch: Partial<Integration>) => {
    setIntegrations((prev) => prev?.map((i) => (i.provider === provider ? { ...i, ...patch } : i)) ?? prev);
  }, []);

  /** Re-reads the server's view of every integration. Returns false when that failed. */
  const refresh = React.useCallback(async (): Promise<boolean> => {
    try {
      const list = await fetchIntegrations();
      setIntegrations(list);
      setListError(null);
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      if (integrationsRef.current === null) setListError(apiError.message);
      else setNotice({ severity: 'error', message: apiError.message });
      return false;
    }
  }, []);

  const applyOAuthResult = React.useCallback(
    (result: OAuthResult) => {
      const name = nameOf(result.provider);
      if (result.ok) {
        setUi(result.provider, null);
        patchIntegration(result.provider, {
          connected: true,
          status: 'connected',
          ...(result.account ? { account: result.account } : {}),
        });
        setNotice({
          severity: 'success',
          message: result.account ? `Connected to ${name} as ${result.account.label}` : `Connected to ${name}`,
        });
      } else {
        setUi(result.provider, { phase: 'error', title: 'Connection failed', message: result.error.message });
      }
      void refresh();
    },
    [nameOf, patchIntegration, refresh, setUi],
  );

  // First load: the list, the initial selection, and a redirect-flow result in the URL.
  React.useEffect(() => {
    const search = window.location.search;
    const redirectResult = parseRedirectResult(search);
    if (redirectResult) {
      pendingRedirectResult.current = redirectResult;
      const cleaned = stripRedirectParams(search);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${cleaned}${window.location.hash}`);
    }
    const urlProvider = new URLSearchParams(search).get('provider');

    let cancelled = false;
    void (async () => {
      try {
        const list = await fetchIntegrations();
        if (cancelled) return;
        setIntegrations(list);
        setListError(null);
        const initial = pickInitialProvider(
          list.map((i) => i.provider),
          urlProvider,
          readLastProvider(),
        );
        setSelected(initial);
        if (initial && urlProvider === initial) writeLastProvider(initial);
        const pending = pendingRedirectResult.current;
        if (pending && list.some((i) => i.provider === pending.provider)) {
          pendingRedirectResult.current = null;
          integrationsRef.current = list;
          applyOAuthResult(pending);
        }
      } catch (error) {
        if (!cancelled) setListError(toApiError(error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [applyOAuthResult]);

  // Stop listening to a popup and abort a running load when the page goes away.
  React.useEffect(
    () => () => {
      popupRef.current?.flow.dispose();
      loadAbortRef.current?.abort();
    },
    [],
  );

  const selectedIntegration = integrations?.find((i) => i.provider === selected) ?? null;

  const handleSelect = (provider: string) => {
    setSelected(provider);
    writeLastProvider(provider);
    const url = new URL(window.location.href);
    if (url.searchParams.has('provider')) {
      url.searchParams.set('provider', provider);
      window.history.replaceState(window.history.state, '', url.toString());
    }
  };

  const handleConnect = () => {
    if (!selectedIntegration) return;
    const provider = selectedIntegration.provider;
    if (popupRef.current?.provider === provider) {
      popupRef.current.flow.focus();
      return;
    }
    if (popupRef.current) {
      // Only one consent popup at a time: forget the other integration's unfinished attempt.
      popupRef.current.flow.dispose();
      setUi(popupRef.current.provider, null);
      popupRef.current = null;
    }

    const previous = connectUi[provider] ?? null;
    // A stale load error would otherwise sit next to the connection result.
    setLoad((prev) => (prev.phase === 'error' && prev.provider === provider ? { phase: 'idle' } : prev));

    const flow = startPopupFlow(provider, {
      onResult: (result) => {
        popupRef.current = null;
        applyOAuthResult(result);
      },
      onClosed: () => {
        popupRef.current = null;
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
    popupRef.current = { provider, flow };
    setUi(provider, { phase: 'connecting' });
  };

  const handleDisconnect = async () => {
    if (!selectedIntegration) return;
    const { provider, name } = selectedIntegration;
    setUi(provider, { phase: 'disconnecting' });
    try {
      await disconnectIntegration(provider);
      if (loadAbortRef.current && load.phase === 'loading' && load.provider === provider) loadAbortRef.current.abort();
      setLoad((prev) => (prev.phase !== 'idle' && prev.provider === provider ? { phase: 'idle' } : prev));
      patchIntegration(provider, { connected: false, status: 'not_connected', account: null });
      setUi(provider, null);
      setNotice({ severity: 'info', message: `Disconnected from ${name}` });
      void refresh();
    } catch (error) {
      setUi(provider, { phase: 'error', title: 'Could not disconnect', message: toApiError(error).message });
    }
  };

  const handleLoad = async (providerArg?: string) => {
    const provider = providerArg ?? selectedIntegration?.provider;
    if (!provider) return;
    loadAbortRef.current?.abort();
    const controller = new AbortController();
    loadAbortRef.current = controller;
    setLoad({ phase: 'loading', provider, count: 0 });

    let lastPaint = 0;
    let latest = 0;
    let pending: number | null = null;
    const paint = (count: number) => {
      if (controller.signal.aborted) return;
      setLoad((prev) => (prev.phase === 'loading' && prev.provider === provider ? { ...prev, count } : prev));
    };
    const onProgress = (count: number) => {
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
    };

    const isCurrent = () => loadAbortRef.current === controller;
    try {
      const items = await loadItems(provider, { signal: controller.signal, onProgress });
      if (!isCurrent()) return;
      setLoad({ phase: 'done', provider, items });
    } catch (error) {
      if (!isCurrent()) return;
      if (controller.signal.aborted || isAbortError(error)) {
        setLoad({ phase: 'cancelled', provider });
        return;
      }
      const apiError = toApiError(error);
      const partial: IntegrationItem[] = error instanceof PartialLoadError ? error.items : [];
      setLoad({ phase: 'error', provider, items: partial, code: apiError.code, message: apiError.message });
      if (apiError.code === 'reconnect_required') {
        patchIntegration(provider, { status: 'reconnect_required', connected: false });
        void refresh();
      } else if (apiError.code === 'not_connected') {
        patchIntegration(provider, { status: 'not_connected', connected: false, account: null });
        void refresh();
      }
    } finally {
      if (pending !== null) window.clearTimeout(pending);
      if (isCurrent()) loadAbortRef.current = null;
    }
  };

  const handleCancel = () => {
    loadAbortRef.current?.abort();
  };

  if (listError && !integrations) {
    return (
      <Alert
        severity="error"
        data-testid="error-alert"
        action={
          <Button color="inherit" size="small" onClick={() => void refresh()}>
            Retry
          </Button>
        }
      >
        <AlertTitle>Could not load integrations</AlertTitle>
        {listError}
      </Alert>
    );
  }

  if (!integrations) {
    return (
      <Stack spacing={3} aria-busy="true" aria-label="Loading integrations">
        <Card>
          <CardContent sx={{ p: 3 }}>
            <Skeleton width={120} height={20} />
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 1 }}>
              <Skeleton variant="rounded" height={56} sx={{ width: { xs: '100%', md: 340 } }} />
              <Stack sx={{ flex: 1 }}>
                <Skeleton width="40%" height={28} />
                <Skeleton width="60%" />
              </Stack>
            </Stack>
            <Skeleton variant="rounded" height={40} sx={{ mt: 3 }} />
          </CardContent>
        </Card>
        <Card>
          <CardContent sx={{ p: 3 }}>
            <Skeleton width={100} height={32} />
            <Skeleton variant="rounded" height={220} sx={{ mt: 2 }} />
          </CardContent>
        </Card>
      </Stack>
    );
  }

  if (integrations.length === 0 || !selectedIntegration) {
    return (
      <Alert severity="info">No integrations are configured on this server.</Alert>
    );
  }

  const loadSource = load.phase === 'idle' ? null : integrations.find((i) => i.provider === load.provider) ?? null;
  const loadingSelected = load.phase === 'loading' && load.provider === selectedIntegration.provider;
  const canRetry =
    load.phase === 'error' && integrations.some((i) => i.provider === load.provider && i.status === 'connected');

  return (
    <Stack spacing={3}>
      <ConnectionCard
        integrations={integrations}
        selected={selectedIntegration}
        connectUi={connectUi[selectedIntegration.provider] ?? null}
        loading={loadingSelected}
        onSelect={handleSelect}
        onConnect={handleConnect}
        onDisconnect={() => void handleDisconnect()}
        onLoad={() => void handleLoad()}
      />
      <ItemsPanel
        load={load}
        sourceName={loadSource?.name ?? null}
        typeOrder={loadSource?.itemTypes ?? []}
        canRetry={canRetry}
        onCancel={handleCancel}
        onRetry={() => load.phase !== 'idle' && void handleLoad(load.provider)}
      />
      <Snackbar
        open={notice !== null}
        autoHideDuration={5000}
        onClose={(_, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {notice ? (
          <Alert severity={notice.severity} variant="filled" onClose={() => setNotice(null)} sx={{ width: '100%' }}>
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Stack>
  );
}
