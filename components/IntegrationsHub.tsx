'use client';

import * as React from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { IntegrationSummary } from '@/lib/contract';
import { itemKey } from '@/lib/contract';
import { parentChain } from '@/lib/client/item-index';
import { announceLoads, type NextStep } from '@/lib/client/load-outcome';
import { providersToLoad } from '@/lib/client/sources';
import AllConnectedCard from './AllConnectedCard';
import ConnectionCard from './ConnectionCard';
import HubSkeleton from './HubSkeleton';
import ItemsPanel from './ItemsPanel';
import LiveAnnouncer from './LiveAnnouncer';
import NoticeSnackbar from './NoticeSnackbar';
import RecordDrawer from './RecordDrawer';
import { useNotice } from './hooks/notice';
import { useConnectFlow } from './hooks/useConnectFlow';
import { useIntegrations } from './hooks/useIntegrations';
import { useItemsLoads, type LoadMode } from './hooks/useItemsLoads';
import { useOpenRecord } from './hooks/useOpenRecord';
import { useRecordActions } from './hooks/useRecordActions';
import { useSelectedProvider } from './hooks/useSelectedProvider';
import { useSharedRecordLoad } from './hooks/useSharedRecordLoad';

export interface IntegrationsHubProps {
  /** The list the server rendered the page with (null when its store could not answer). */
  initialIntegrations: IntegrationSummary[] | null;
  /** The provider (or "all") the server rendered as picked. */
  initialSelection: string | null;
}

/** The page: pick an integration (or all connected), connect, load, browse. The hooks hold the behaviour; this only composes. */
export default function IntegrationsHub({ initialIntegrations, initialSelection }: IntegrationsHubProps) {
  const { notice, notify, dismiss } = useNotice();
  const list = useIntegrations(notify, initialIntegrations);
  const { integrations, listError, patch, refresh } = list;
  const onAuthError = React.useCallback(
    (provider: string, code: string) => {
      if (code === 'reconnect_required') patch(provider, { status: 'reconnect_required', connected: false });
      else if (code === 'not_connected') patch(provider, { status: 'not_connected', connected: false, account: null });
      else return;
      void refresh();
    },
    [patch, refresh],
  );
  const loads = useItemsLoads(onAuthError);
  const { loadOne, forget } = loads;
  const failed = React.useMemo(
    () => loads.scope.filter((provider) => loads.loads[provider]?.phase === 'error'),
    [loads.scope, loads.loads],
  );
  const onConnected = React.useCallback(
    // A provider that failed in the table for want of a connection loads again by itself.
    (provider: string) => failed.includes(provider) && loadOne(provider, 'changes'),
    [failed, loadOne],
  );
  const connection = useConnectFlow(list, { notify, onConnectStart: () => undefined, onDisconnected: forget, onConnected });
  const { selection, selected, select } = useSelectedProvider(integrations, initialSelection);
  const record = useOpenRecord();
  useSharedRecordLoad(record.sharedId, integrations, selection, loads.load);

  const nameOf = list.nameOf;
  const typeOrder = React.useCallback(
    (provider: string) => integrations?.find((i) => i.provider === provider)?.itemTypes ?? [],
    [integrations],
  );
  const actions = useRecordActions(notify, loads.scope.length === 1 ? nameOf(loads.scope[0]) : 'All connected');
  const scopeEntries = loads.scope
    .filter((provider) => loads.loads[provider])
    .map((provider) => ({ provider, name: nameOf(provider), load: loads.loads[provider] }));
  const openItem = React.useMemo(
    () => (record.openId ? (loads.items.find((item) => itemKey(item) === record.openId) ?? null) : null),
    [record.openId, loads.items],
  );
  const chain = React.useMemo(() => (openItem ? parentChain(openItem, loads.items) : []), [openItem, loads.items]);

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
  if (!integrations) return <HubSkeleton />;
  if (integrations.length === 0 || !selection) {
    return <Alert severity="info">No integrations are configured on this server.</Alert>;
  }

  const toLoad = providersToLoad(selection, integrations);
  const load = (mode: LoadMode) => toLoad.length > 0 && loads.load(toLoad, mode);
  const onStep = (provider: string, step: Exclude<NextStep, null>) =>
    step === 'reconnect' || step === 'connect' ? connection.connect(provider) : loadOne(provider, 'changes');
  const loading = loads.loading && toLoad.some((provider) => loads.scope.includes(provider));
  const incremental = loads.hasCompleteLoad(toLoad);

  return (
    <Stack spacing={3}>
      {selected ? (
        <ConnectionCard
          integrations={integrations}
          selected={selected}
          connectUi={connection.uiOf(selected.provider)}
          loading={loading}
          incremental={incremental}
          onSelect={select}
          onConnect={() => connection.connect(selected.provider)}
          onDisconnect={() => void connection.disconnect(selected)}
          onLoad={() => load('changes')}
          onFullReload={() => load('full')}
        />
      ) : (
        <AllConnectedCard
          integrations={integrations}
          loading={loading}
          incremental={incremental}
          onSelect={select}
          onLoad={() => load('changes')}
          onFullReload={() => load('full')}
        />
      )}
      <ItemsPanel
        loads={scopeEntries}
        items={loads.items}
        loading={loads.loading}
        loadedAt={loads.loadedAt}
        lastMode={loads.lastMode}
        typeOrder={typeOrder}
        nameOf={nameOf}
        onCancel={loads.cancel}
        onStep={onStep}
        onOpen={record.open}
        onCopy={actions.copy}
        onExport={actions.exportRows}
      />
      <RecordDrawer
        item={openItem}
        providerName={openItem ? nameOf(openItem.provider) : ''}
        chain={chain}
        onClose={record.close}
        onOpen={record.open}
        onCopy={actions.copy}
      />
      <LiveAnnouncer message={scopeEntries.length ? announceLoads(scopeEntries) : ''} />
      <NoticeSnackbar notice={notice} onClose={dismiss} />
    </Stack>
  );
}
