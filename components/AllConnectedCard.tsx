import Typography from '@mui/material/Typography';
import type { IntegrationSummary } from '@/lib/contract';
import { ALL_CONNECTED } from '@/lib/client/sources';
import ConnectionCardShell from './ConnectionCardShell';
import IntegrationPicker from './IntegrationPicker';
import LoadButtons from './LoadButtons';

export interface AllConnectedCardProps {
  integrations: IntegrationSummary[];
  loading: boolean;
  incremental: boolean;
  onSelect: (provider: string) => void;
  onLoad: () => void;
  onFullReload: () => void;
}

/** The connection card when the picker says "All connected": which integrations a load covers. */
export default function AllConnectedCard({ integrations, loading, incremental, onSelect, onLoad, onFullReload }: AllConnectedCardProps) {
  const connected = integrations.filter((i) => i.status === 'connected');
  return (
    <ConnectionCardShell
      picker={<IntegrationPicker integrations={integrations} value={ALL_CONNECTED} onChange={onSelect} />}
      summary={
        <>
          <Typography variant="h3" component="p">
            All connected
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {connected.length
              ? `Loads ${connected.map((i) => i.name).join(', ')} at once, into one table.`
              : 'Connect an integration first: pick it above and click Connect.'}
          </Typography>
        </>
      }
      status={
        <Typography data-testid="status" variant="body1" sx={{ fontWeight: 500 }} aria-live="polite">
          {connected.length} of {integrations.length} connected
        </Typography>
      }
      actions={
        <LoadButtons
          enabled={connected.length > 0 && !loading}
          incremental={incremental}
          emphasis
          onLoad={onLoad}
          onFullReload={onFullReload}
        />
      }
    />
  );
}
