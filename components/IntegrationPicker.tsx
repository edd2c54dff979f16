'use client';

import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select, { type SelectChangeEvent } from '@mui/material/Select';
import Box from '@mui/material/Box';
import type { IntegrationSummary } from '@/lib/contract';
import { ALL_CONNECTED } from '@/lib/client/sources';
import MetaBadge from './MetaBadge';

const statusBadge: Record<IntegrationSummary['status'], { label: string; tone: 'neutral' | 'success' | 'warning' }> = {
  not_connected: { label: 'Not connected', tone: 'neutral' },
  connected: { label: 'Connected', tone: 'success' },
  reconnect_required: { label: 'Needs reconnect', tone: 'warning' },
};

function Badges({ integration }: { integration: IntegrationSummary }) {
  const status = statusBadge[integration.status];
  return (
    <>
      <MetaBadge label={integration.mode === 'live' ? 'Live' : 'Sandbox'} tone={integration.mode === 'live' ? 'primary' : 'info'} />
      <MetaBadge label={status.label} tone={status.tone} />
    </>
  );
}

export default function IntegrationPicker({
  integrations,
  value,
  onChange,
  disabled,
}: {
  integrations: IntegrationSummary[];
  value: string | null;
  onChange: (provider: string) => void;
  disabled?: boolean;
}) {
  const labelId = 'integration-select-label';
  const byProvider = new Map(integrations.map((i) => [i.provider, i]));
  const connected = integrations.filter((i) => i.status === 'connected').length;
  const allBadge = <MetaBadge label={`${connected} connected`} tone={connected ? 'success' : 'neutral'} />;
  return (
    <FormControl fullWidth size="medium" disabled={disabled}>
      <InputLabel id={labelId}>Integration</InputLabel>
      <Select<string>
        labelId={labelId}
        id="integration-select"
        label="Integration"
        value={value && (byProvider.has(value) || value === ALL_CONNECTED) ? value : ''}
        onChange={(event: SelectChangeEvent<string>) => onChange(event.target.value)}
        SelectDisplayProps={{ 'data-testid': 'integration-select' } as React.HTMLAttributes<HTMLDivElement>}
        renderValue={(selected) => {
          if (selected === ALL_CONNECTED) {
            return (
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', minWidth: 0 }}>
                All connected
                {allBadge}
              </Box>
            );
          }
          const integration = byProvider.get(selected);
          if (!integration) return '';
          return (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', minWidth: 0 }}>
              <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {integration.name}
              </Box>
              <Badges integration={integration} />
            </Box>
          );
        }}
        MenuProps={{ slotProps: { paper: { sx: { mt: 0.5 } } } }}
      >
        {integrations.map((integration) => (
          <MenuItem key={integration.provider} value={integration.provider} sx={{ py: 1.25 }}>
            {integration.name}
            <Box component="span" aria-hidden="true" sx={{ flex: 1, minWidth: 16 }} />
            <Badges integration={integration} />
          </MenuItem>
        ))}
        <MenuItem value={ALL_CONNECTED} sx={{ py: 1.25, borderTop: '1px solid', borderColor: 'divider' }}>
          All connected
          <Box component="span" aria-hidden="true" sx={{ flex: 1, minWidth: 16 }} />
          {allBadge}
        </MenuItem>
      </Select>
    </FormControl>
  );
}
