'use client';

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleRoundedIcon from '@mui/icons-material/CheckCircleRounded';
import LinkOffRoundedIcon from '@mui/icons-material/LinkOffRounded';
import LinkRoundedIcon from '@mui/icons-material/LinkRounded';
import RadioButtonUncheckedRoundedIcon from '@mui/icons-material/RadioButtonUncheckedRounded';
import RefreshRoundedIcon from '@mui/icons-material/RefreshRounded';
import { visuallyHidden } from '@mui/utils';
import type { IntegrationSummary } from '@/lib/contract';
import ConnectionCardShell from './ConnectionCardShell';
import IntegrationPicker from './IntegrationPicker';
import LoadButtons from './LoadButtons';
import type { ConnectUi } from './hooks/useConnectFlow';

export interface ConnectionCardProps {
  integrations: IntegrationSummary[];
  selected: IntegrationSummary;
  connectUi: ConnectUi | null;
  loading: boolean;
  /** A complete earlier load exists, so Load Data asks only for changes. */
  incremental: boolean;
  onSelect: (provider: string) => void;
  onConnect: () => void;
  onDisconnect: () => void;
  onLoad: () => void;
  onFullReload: () => void;
}

/** The status sentence for the selected integration (also what `data-testid="status"` holds). */
export function statusText(integration: IntegrationSummary, ui: ConnectUi | null): string {
  if (ui?.phase === 'connecting') return 'Connecting… Approve access in the popup';
  if (ui?.phase === 'redirecting') return `Redirecting to ${integration.name}…`;
  if (ui?.phase === 'disconnecting') return 'Disconnecting…';
  if (ui?.phase === 'error') return `${ui.title}: ${ui.message}`;
  if (integration.status === 'reconnect_required') return 'Needs reconnect';
  if (integration.status === 'connected') {
    return integration.account ? `Connected as ${integration.account.label}` : 'Connected';
  }
  return 'Not connected';
}

function StatusLine({ integration, ui }: { integration: IntegrationSummary; ui: ConnectUi | null }) {
  const text = statusText(integration, ui);

  if (ui?.phase === 'error') {
    return (
      <Alert severity="error" role="none" data-testid="error-alert" sx={{ width: '100%' }}>
        {/* The status text reads "{title}: {message}"; the colon is only for text/screen readers. */}
        <div data-testid="status">
          <AlertTitle component="span" sx={{ display: 'block', mb: 0.25 }}>
            {ui.title}
            <Box component="span" sx={visuallyHidden}>
              {': '}
            </Box>
          </AlertTitle>
          {ui.message}
        </div>
      </Alert>
    );
  }

  if (!ui && integration.status === 'reconnect_required') {
    return (
      <Alert severity="warning" role="none" sx={{ width: '100%', '& .MuiAlert-message': { flex: 1, minWidth: 0 } }}>
        <AlertTitle sx={{ mb: 0 }} data-testid="status">
          {text}
        </AlertTitle>
        Access to {integration.name} expired or was revoked. Reconnect to keep loading data.
      </Alert>
    );
  }

  const busy = ui !== null;
  const connected = integration.status === 'connected';
  return (
    <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', minHeight: 40 }}>
      {busy ? (
        <CircularProgress size={18} thickness={5} aria-hidden="true" />
      ) : connected ? (
        <CheckCircleRoundedIcon color="success" fontSize="small" aria-hidden="true" />
      ) : (
        <RadioButtonUncheckedRoundedIcon sx={{ color: 'text.disabled' }} fontSize="small" aria-hidden="true" />
      )}
      <Typography
        data-testid="status"
        variant="body1"
        sx={{ fontWeight: 500, color: connected && !busy ? 'success.main' : busy ? 'text.primary' : 'text.secondary' }}
      >
        {text}
      </Typography>
    </Stack>
  );
}

export default function ConnectionCard({
  integrations,
  selected,
  connectUi,
  loading,
  incremental,
  onSelect,
  onConnect,
  onDisconnect,
  onLoad,
  onFullReload,
}: ConnectionCardProps) {
  const busy = connectUi !== null && connectUi.phase !== 'error';
  const connected = selected.status === 'connected';
  const needsReconnect = selected.status === 'reconnect_required';

  return (
    <ConnectionCardShell
      picker={
        <IntegrationPicker
          integrations={integrations}
          value={selected.provider}
          onChange={onSelect}
          disabled={busy && connectUi?.phase !== 'connecting'}
        />
      }
      summary={
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h3" component="p">
              {selected.name}
            </Typography>
            <Chip
              size="small"
              label={selected.mode === 'live' ? 'Live' : 'Sandbox'}
              color={selected.mode === 'live' ? 'primary' : 'info'}
              variant="outlined"
              data-testid="mode-chip"
            />
          </Stack>
          {selected.description ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
              {selected.description}
            </Typography>
          ) : null}
          {selected.itemTypes.length > 0 ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.25 }}>
              Record types: {selected.itemTypes.join(', ')}
            </Typography>
          ) : null}
        </>
      }
      status={
        <Box aria-live="polite" aria-atomic="true" sx={{ flex: 1, minWidth: 0, display: 'flex' }}>
          <StatusLine integration={selected} ui={connectUi} />
        </Box>
      }
      actions={
        <>
          {!connected && !needsReconnect ? (
            <Button
              variant="contained"
              onClick={onConnect}
              disabled={busy}
              startIcon={busy && connectUi?.phase === 'connecting' ? <CircularProgress size={16} color="inherit" /> : <LinkRoundedIcon />}
              data-testid="connect-button"
            >
              Connect to {selected.name}
            </Button>
          ) : null}
          {needsReconnect ? (
            <Button
              variant="contained"
              color="warning"
              onClick={onConnect}
              disabled={busy}
              startIcon={<RefreshRoundedIcon />}
              data-testid="reconnect-button"
            >
              Reconnect
            </Button>
          ) : null}
          {connected || needsReconnect ? (
            <Button
              variant="outlined"
              color="inherit"
              onClick={onDisconnect}
              disabled={busy}
              startIcon={<LinkOffRoundedIcon />}
              data-testid="disconnect-button"
              sx={{ borderColor: 'divider' }}
            >
              Disconnect
            </Button>
          ) : null}
          <LoadButtons
            enabled={connected && !busy && !loading}
            incremental={incremental}
            emphasis={connected}
            onLoad={onLoad}
            onFullReload={onFullReload}
          />
        </>
      }
    />
  );
}
