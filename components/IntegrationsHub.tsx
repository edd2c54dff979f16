'use client';

import * as React from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import ConnectionCard from './ConnectionCard';
import HubSkeleton from './HubSkeleton';
import ItemsPanel from './ItemsPanel';
import NoticeSnackbar from './NoticeSnackbar';
import type { Notice } from './hooks/notice';
import { useConnectFlow } from './hooks/useConnectFlow';
import { useIntegrations } from './hooks/useIntegrations';
import { useItemsLoad } from './hooks/useItemsLoad';
import { useSelectedProvider } from './hooks/useSelectedProvider';

/** The page: pick an integration, connect it, load its items. The hooks hold the behaviour; this only composes. */
export default function IntegrationsHub() {
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const list = useIntegrations(setNotice);
  const items = useItemsLoad(list);
  const connection = useConnectFlow(list, { notify: setNotice, onConnectStart: items.clearError, onDisconnected: items.forget });
  const { selected, select } = useSelectedProvider(list.integrations);
  const { integrations, listError } = list;
  const { load } = items;

  if (listError && !integrations) {
    return (
      <Alert
        severity="error"
        data-testid="error-alert"
        action={
          <Button color="inherit" size="small" onClick={() => void list.refresh()}>
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
  if (integrations.length === 0 || !selected) {
    return <Alert severity="info">No integrations are configured on this server.</Alert>;
  }

  const loadSource = load.phase === 'idle' ? null : (integrations.find((i) => i.provider === load.provider) ?? null);
  const canRetry = load.phase === 'error' && integrations.some((i) => i.provider === load.provider && i.status === 'connected');

  return (
    <Stack spacing={3}>
      <ConnectionCard
        integrations={integrations}
        selected={selected}
        connectUi={connection.uiOf(selected.provider)}
        loading={load.phase === 'loading' && load.provider === selected.provider}
        onSelect={select}
        onConnect={() => connection.connect(selected.provider)}
        onDisconnect={() => void connection.disconnect(selected)}
        onLoad={() => void items.start(selected.provider)}
      />
      <ItemsPanel
        load={load}
        sourceName={loadSource?.name ?? null}
        typeOrder={loadSource?.itemTypes ?? []}
        canRetry={canRetry}
        onCancel={items.cancel}
        onRetry={() => load.phase !== 'idle' && void items.start(load.provider)}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Stack>
  );
}
