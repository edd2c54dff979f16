'use client';

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseRoundedIcon from '@mui/icons-material/CloseRounded';
import TableRowsRoundedIcon from '@mui/icons-material/TableRowsRounded';
import { formatCount, formatItemCount } from '@/lib/client/format';
import EmptyState from './EmptyState';
import ItemsTable from './ItemsTable';
import type { LoadState } from './hooks/useItemsLoad';


export interface ItemsPanelProps {
  load: LoadState;
  /** Display name of the integration the data belongs to. */
  sourceName: string | null;
  typeOrder: readonly string[];
  canRetry: boolean;
  onCancel: () => void;
  onRetry: () => void;
}

export default function ItemsPanel({ load, sourceName, typeOrder, canRetry, onCancel, onRetry }: ItemsPanelProps) {
  const items = load.phase === 'done' || load.phase === 'error' ? load.items : null;
  const showTable = load.phase === 'done' || (load.phase === 'error' && load.items.length > 0);

  return (
    <Card component="section" aria-labelledby="items-heading">
      <CardContent sx={{ p: { xs: 2, sm: 3 }, '&:last-child': { pb: { xs: 2, sm: 3 } } }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography id="items-heading" variant="h2">
              Items
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {sourceName && load.phase !== 'idle' ? `From ${sourceName}` : 'Records from the connected account, in one table'}
            </Typography>
          </Box>
          {items && showTable ? (
            <Chip data-testid="items-count" label={formatItemCount(items.length)} color="primary" variant="outlined" sx={{ fontWeight: 600 }} />
          ) : null}
        </Stack>

        <Box aria-live="polite">
          {load.phase === 'loading' ? (
            <Box data-testid="load-progress" sx={{ py: 4, px: { xs: 1, sm: 4 } }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
                <Typography variant="body1" sx={{ fontWeight: 500 }}>
                  Loaded {formatCount(load.count)} {load.count === 1 ? 'item' : 'items'}…
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
              <LinearProgress aria-label={`Loading items from ${sourceName ?? 'the integration'}`} />
            </Box>
          ) : null}

          {load.phase === 'error' ? (
            <Alert
              severity="error"
              data-testid="error-alert"
              sx={{ mb: showTable ? 2 : 0 }}
              action={
                canRetry ? (
                  <Button color="inherit" size="small" onClick={onRetry}>
                    Try again
                  </Button>
                ) : undefined
              }
            >
              <AlertTitle sx={{ mb: load.items.length ? 0.25 : 0 }}>{load.message}</AlertTitle>
              {load.items.length > 0
                ? `Loading stopped early. Showing the ${formatItemCount(load.items.length)} loaded before the error.`
                : null}
            </Alert>
          ) : null}

          {load.phase === 'cancelled' ? (
            <Alert severity="info" sx={{ mb: 2 }}>
              Loading cancelled. Click Load Data to start again.
            </Alert>
          ) : null}
        </Box>

        {showTable && items ? (
          // Each load is a new data set: a new key starts the table unfiltered.
          <ItemsTable key={load.phase === 'done' || load.phase === 'error' ? load.run : 0} items={items} typeOrder={typeOrder} label={`Items from ${sourceName ?? 'the integration'}`} />
        ) : null}

        {load.phase === 'idle' || load.phase === 'cancelled' ? (
          <EmptyState icon={<TableRowsRoundedIcon />} title="No items yet — click Load Data" testId="items-empty">
            Connect an integration above, then load its records. Contacts, tables, pages and more appear here in one
            sortable, searchable table.
          </EmptyState>
        ) : null}
      </CardContent>
    </Card>
  );
}
