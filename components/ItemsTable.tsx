'use client';

import * as React from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridCellParams } from '@mui/x-data-grid';
import SearchOffRoundedIcon from '@mui/icons-material/SearchOffRounded';
import InboxRoundedIcon from '@mui/icons-material/InboxRounded';
import type { IntegrationItem } from '@/lib/contract';
import { itemKey } from '@/lib/contract';
import type { ExportFormat } from '@/lib/client/export/download';
import { groupTypes, typeKey } from '@/lib/client/type-groups';
import { itemColumns } from './itemColumns';
import ItemsToolbar from './ItemsToolbar';

function Overlay({ icon, title, body }: { icon: React.ReactNode; title: string; body: string }) {
  return (
    <Stack spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', height: '100%', p: 3, textAlign: 'center' }}>
      <Box sx={{ color: 'text.secondary', '& svg': { fontSize: 40 } }}>{icon}</Box>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {body}
      </Typography>
    </Stack>
  );
}

function NoRowsOverlay() {
  return <Overlay icon={<InboxRoundedIcon />} title="No items in this account" body="The integration returned no records." />;
}

function NoResultsOverlay() {
  return <Overlay icon={<SearchOffRoundedIcon />} title="No matching items" body="Try a different search or clear the filters." />;
}

export interface ItemsTableProps {
  items: IntegrationItem[];
  /** Providers in display order, and each one's record types in its declared order. */
  providerOrder: readonly string[];
  typeOrder: (provider: string) => readonly string[];
  nameOf: (provider: string) => string;
  label: string;
  onOpen: (rowId: string) => void;
  onCopy: (item: IntegrationItem) => void;
  onExport: (rows: IntegrationItem[], format: ExportFormat) => Promise<void>;
}

/** The items of one or several providers: type chips, search, sort, filters, row menu and export. */
export default function ItemsTable({ items, providerOrder, typeOrder, nameOf, label, onOpen, onCopy, onExport }: ItemsTableProps) {
  const [activeTypes, setActiveTypes] = React.useState<ReadonlySet<string>>(() => new Set());
  const origin = typeof window === 'undefined' ? null : window.location.origin;

  const groups = React.useMemo(() => groupTypes(items, providerOrder, typeOrder), [items, providerOrder, typeOrder]);
  const chipCount = groups.reduce((sum, group) => sum + group.types.length, 0);
  const rows = React.useMemo(
    () => (activeTypes.size === 0 ? items : items.filter((item) => activeTypes.has(typeKey(item.provider, item.type)))),
    [items, activeTypes],
  );

  const columns = React.useMemo(
    () =>
      itemColumns({
        origin,
        typeOptions: [...new Set(groups.flatMap((group) => group.types.map((t) => t.type)))],
        providerOptions: groups.map((group) => nameOf(group.provider)),
        nameOf,
        onOpen,
        onCopy,
      }),
    [origin, groups, nameOf, onOpen, onCopy],
  );

  const toggle = (key: string) =>
    setActiveTypes((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next.size === chipCount ? new Set() : next;
    });

  // Enter or Space on a cell opens the record, as a click does (the actions cell keeps its own keys).
  const onCellKeyDown = (params: GridCellParams<IntegrationItem>, event: React.KeyboardEvent) => {
    if (params.field === 'actions' || (event.key !== 'Enter' && event.key !== ' ')) return;
    if ((event.target as HTMLElement).closest('a')) return;
    event.preventDefault();
    onOpen(itemKey(params.row));
  };

  return (
    <Box data-testid="items-table" sx={{ height: '70vh', minHeight: 420, width: '100%' }}>
      <DataGrid<IntegrationItem>
        rows={rows}
        columns={columns}
        getRowId={itemKey}
        density="compact"
        showToolbar
        aria-label={label}
        slots={{ toolbar: ItemsToolbar, noRowsOverlay: NoRowsOverlay, noResultsOverlay: NoResultsOverlay }}
        slotProps={{
          toolbar: {
            items: { groups, nameOf, active: activeTypes, onToggle: toggle, onClear: () => setActiveTypes(new Set()), onExport },
          },
        }}
        initialState={{
          pagination: { paginationModel: { pageSize: 100, page: 0 } },
          sorting: { sortModel: [{ field: 'last_modified_time', sort: 'desc' }] },
          columns: { columnVisibilityModel: { provider: providerOrder.length > 1 } },
        }}
        pageSizeOptions={[25, 50, 100]}
        onRowClick={({ id }) => onOpen(String(id))}
        onCellKeyDown={onCellKeyDown}
        disableRowSelectionOnClick
        sx={{ '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Box>
  );
}
