import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IntegrationSummary } from '@/lib/contract';
import { ALL_CONNECTED } from '@/lib/client/sources';
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
    <Card component="section" aria-labelledby="connection-heading">
      <CardContent sx={{ p: { xs: 2.5, sm: 3 }, '&:last-child': { pb: { xs: 2.5, sm: 3 } } }}>
        <Typography id="connection-heading" variant="overline" color="text.secondary" component="h2">
          Connection
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 3 }} sx={{ alignItems: { md: 'center' }, mt: 1 }}>
          <Box sx={{ width: { xs: '100%', md: 340 }, flexShrink: 0 }}>
            <IntegrationPicker integrations={integrations} value={ALL_CONNECTED} onChange={onSelect} />
          </Box>
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography variant="h3" component="p">
              All connected
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
              {connected.length
                ? `Loads ${connected.map((i) => i.name).join(', ')} at once, into one table.`
                : 'Connect an integration first: pick it above and click Connect.'}
            </Typography>
          </Box>
        </Stack>
        <Divider sx={{ my: 2.5 }} />
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          sx={{ alignItems: { xs: 'stretch', sm: 'center' }, justifyContent: 'space-between' }}
        >
          <Typography data-testid="status" variant="body1" sx={{ fontWeight: 500 }} aria-live="polite">
            {connected.length} of {integrations.length} connected
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: { sm: 'flex-end' } }}>
            <LoadButtons
              enabled={connected.length > 0 && !loading}
              incremental={incremental}
              emphasis
              onLoad={onLoad}
              onFullReload={onFullReload}
            />
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
