'use client';

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseRoundedIcon from '@mui/icons-material/CloseRounded';
import TableRowsRoundedIcon from '@mui/icons-material/TableRowsRounded';
import type { IntegrationItem } from '@/lib/contract';
import type { ExportFormat } from '@/lib/client/export/download';
import { formatItemCount } from '@/lib/client/format';
import type { NextStep, ProviderLoad } from '@/lib/client/load-outcome';
import type { LoadMode } from './hooks/useItemsLoads';
import EmptyState from './EmptyState';
import ItemsTable from './ItemsTable';
import LastLoaded from './LastLoaded';
import LoadStatusList from './LoadStatusList';

export interface ItemsPanelProps {
  loads: Array<{ provider: string; name: string; load: ProviderLoad }>;
  items: IntegrationItem[];
  loading: boolean;
  loadedAt: Date | null;
  lastMode: LoadMode | null;
  typeOrder: (provider: string) => readonly string[];
  nameOf: (provider: string) => string;
  onCancel: () => void;
  onStep: (provider: string, step: Exclude<NextStep, null>) => void;
  onOpen: (rowId: string) => void;
  onCopy: (item: IntegrationItem) => void;
  onExport: (rows: IntegrationItem[], format: ExportFormat) => Promise<void>;
}

/** The loaded items: per-provider progress and outcomes, then the table. */
export default function ItemsPanel(props: ItemsPanelProps) {
  const { loads, items, loading, loadedAt, lastMode, nameOf, onCancel, onStep } = props;
  const providers = loads.map((entry) => entry.provider);
  const names = loads.map((entry) => entry.name);
  const source = names.length === 0 ? null : names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const showTable = items.length > 0 || (!loading && loads.some((entry) => entry.load.phase === 'done'));
  const showResults = !loading && (loads.length > 1 || loads.some((entry) => entry.load.phase !== 'done'));

  return (
    <Card component="section" aria-labelledby="items-heading">
      <CardContent sx={{ p: { xs: 2, sm: 3 }, '&:last-child': { pb: { xs: 2, sm: 3 } } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography id="items-heading" variant="h2">
              Items
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {source ? `From ${source}` : 'Records from the connected accounts, in one table'}
            </Typography>
            {loadedAt && !loading ? <LastLoaded at={loadedAt} mode={lastMode} /> : null}
          </Box>
          {showTable && !loading ? (
            <Chip data-testid="items-count" label={formatItemCount(items.length)} color="primary" variant="outlined" sx={{ fontWeight: 600 }} />
          ) : null}
        </Stack>

        {loading ? (
          <Box data-testid="load-progress" sx={{ py: 2 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="body1" sx={{ fontWeight: 500 }}>
                Loading from {source}…
              </Typography>
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                startIcon={<CloseRoundedIcon />}
                onClick={onCancel}
                data-testid="cancel-load-button"
                sx={{ borderColor: 'divider' }}
              >
                Cancel
              </Button>
            </Stack>
            <LoadStatusList loads={loads} onStep={onStep} />
          </Box>
        ) : null}

        {showResults ? (
          <Box data-testid="load-results" sx={{ mb: 2 }}>
            <LoadStatusList loads={loads} onStep={onStep} />
          </Box>
        ) : null}

        {showTable ? (
          <ItemsTable
            key={providers.join(',')}
            items={items}
            providerOrder={providers}
            typeOrder={props.typeOrder}
            nameOf={nameOf}
            label={`Items from ${source ?? 'the integrations'}`}
            onOpen={props.onOpen}
            onCopy={props.onCopy}
            onExport={props.onExport}
          />
        ) : null}

        {loads.length === 0 ? (
          <EmptyState icon={<TableRowsRoundedIcon />} title="No items yet — click Load Data" testId="items-empty">
            Connect an integration above, then load its records. Contacts, tables, pages and more appear here in one
            sortable, searchable table.
          </EmptyState>
        ) : null}
      </CardContent>
    </Card>
  );
}
