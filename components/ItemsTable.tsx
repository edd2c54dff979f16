'use client';

import * as React from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Badge from '@mui/material/Badge';
import {
  DataGrid,
  ColumnsPanelTrigger,
  FilterPanelTrigger,
  QuickFilter,
  QuickFilterClear,
  QuickFilterControl,
  Toolbar,
  ToolbarButton,
  type GridColDef,
  type GridSlotProps,
} from '@mui/x-data-grid';
import CancelRoundedIcon from '@mui/icons-material/CancelRounded';
import FilterListRoundedIcon from '@mui/icons-material/FilterListRounded';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import SearchRoundedIcon from '@mui/icons-material/SearchRounded';
import ViewColumnRoundedIcon from '@mui/icons-material/ViewColumnRounded';
import SearchOffRoundedIcon from '@mui/icons-material/SearchOffRounded';
import InboxRoundedIcon from '@mui/icons-material/InboxRounded';
import type { IntegrationItem } from '@/lib/items';
import { itemRowId } from '@/lib/client/api';
import { countByType, formatCount, formatDateTime, parseIsoDate } from '@/lib/client/format';
import { safeLinkHref } from '@/lib/client/links';

interface TypeFilterState {
  counts: Array<{ type: string; count: number }>;
  active: ReadonlySet<string>;
  toggle: (type: string) => void;
  clear: () => void;
}

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    typeFilter: TypeFilterState;
  }
}

function ItemsToolbar({ typeFilter }: GridSlotProps['toolbar']) {
  const { counts, active, toggle, clear } = typeFilter;
  return (
    <Toolbar style={{ flex: '0 0 auto', minHeight: 56, gap: 8, flexWrap: 'wrap', paddingBlock: 8, justifyContent: 'space-between' }}>
      <Stack
        direction="row"
        spacing={0.75}
        useFlexGap
        role="group"
        aria-label="Filter by type"
        data-testid="type-filters"
        sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      >
        <Chip
          size="small"
          label="All"
          clickable
          color={active.size === 0 ? 'primary' : 'default'}
          variant={active.size === 0 ? 'filled' : 'outlined'}
          onClick={clear}
          aria-pressed={active.size === 0}
        />
        {counts.map(({ type, count }) => {
          const on = active.has(type);
          return (
            <Chip
              key={type}
              size="small"
              clickable
              label={`${type} ${formatCount(count)}`}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(type)}
              aria-pressed={on}
              data-testid={`type-filter-${type}`}
            />
          );
        })}
      </Stack>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', ml: 'auto' }}>
        <Tooltip title="Columns">
          <ColumnsPanelTrigger render={<ToolbarButton aria-label="Choose columns" />}>
            <ViewColumnRoundedIcon fontSize="small" />
          </ColumnsPanelTrigger>
        </Tooltip>
        <Tooltip title="Filters">
          <FilterPanelTrigger
            render={(props, state) => (
              <ToolbarButton {...props} aria-label="Show filters" color="default">
                <Badge badgeContent={state.filterCount} color="primary" variant="dot">
                  <FilterListRoundedIcon fontSize="small" />
                </Badge>
              </ToolbarButton>
            )}
          />
        </Tooltip>
        <QuickFilter expanded debounceMs={200}>
          <QuickFilterControl
            render={({ ref, ...other }) => (
              <TextField
                {...other}
                inputRef={ref}
                size="small"
                placeholder="Search items…"
                aria-label="Search items"
                sx={{ width: { xs: 180, sm: 240 } }}
                slotProps={{
                  ...other.slotProps,
                  htmlInput: { ...other.slotProps?.htmlInput, 'aria-label': 'Search items', 'data-testid': 'quick-search' },
                  input: {
                    startAdornment: (
                      <InputAdornment position="start">
                        <SearchRoundedIcon fontSize="small" />
                      </InputAdornment>
                    ),
                    endAdornment: other.value ? (
                      <InputAdornment position="end">
                        <QuickFilterClear edge="end" size="small" aria-label="Clear search">
                          <CancelRoundedIcon fontSize="small" />
                        </QuickFilterClear>
                      </InputAdornment>
                    ) : null,
                    ...other.slotProps?.input,
                  },
                }}
              />
            )}
          />
        </QuickFilter>
      </Stack>
    </Toolbar>
  );
}

function Overlay({ icon, title, body }: { icon: React.ReactNode; title: string; body: string }) {
  return (
    <Stack spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', height: '100%', p: 3, textAlign: 'center' }}>
      <Box sx={{ color: 'text.disabled', '& svg': { fontSize: 40 } }}>{icon}</Box>
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
  return (
    <Overlay icon={<SearchOffRoundedIcon />} title="No matching items" body="Try a different search or clear the filters." />
  );
}

function NameCell({ item, origin }: { item: IntegrationItem; origin: string | null }) {
  const href = safeLinkHref(item.url, origin);
  const Icon = item.directory ? FolderOutlinedIcon : InsertDriveFileOutlinedIcon;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, height: '100%' }}>
      <Icon sx={{ fontSize: 16, color: 'text.disabled', flexShrink: 0 }} aria-hidden="true" />
      {href ? (
        <Link
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          underline="hover"
          sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {item.name}
        </Link>
      ) : (
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {item.name}
        </Box>
      )}
    </Stack>
  );
}

const getRowId = (row: IntegrationItem) => itemRowId(row);

export interface ItemsTableProps {
  items: IntegrationItem[];
  /** Preferred order of the type chips (the integration's itemTypes). */
  typeOrder?: readonly string[];
  label: string;
}

export default function ItemsTable({ items, typeOrder = [], label }: ItemsTableProps) {
  const [activeTypes, setActiveTypes] = React.useState<ReadonlySet<string>>(() => new Set());
  const origin = typeof window === 'undefined' ? null : window.location.origin;

  // A new data set starts unfiltered: the parent gives each load its own `key`.
  const counts = React.useMemo(() => countByType(items, typeOrder), [items, typeOrder]);
  const typeOptions = React.useMemo(() => counts.map((c) => c.type), [counts]);
  const rows = React.useMemo(
    () => (activeTypes.size === 0 ? items : items.filter((item) => activeTypes.has(item.type))),
    [items, activeTypes],
  );

  const filterState = React.useMemo<TypeFilterState>(
    () => ({
      counts,
      active: activeTypes,
      toggle: (type) =>
        setActiveTypes((prev) => {
          const next = new Set(prev);
          if (next.has(type)) next.delete(type);
          else next.add(type);
          return next.size === counts.length ? new Set() : next;
        }),
      clear: () => setActiveTypes(new Set()),
    }),
    [counts, activeTypes],
  );

  const columns = React.useMemo<GridColDef<IntegrationItem>[]>(
    () => [
      {
        field: 'name',
        headerName: 'Name',
        flex: 2,
        minWidth: 220,
        renderCell: ({ row }) => <NameCell item={row} origin={origin} />,
      },
      {
        field: 'type',
        headerName: 'Type',
        type: 'singleSelect',
        valueOptions: typeOptions,
        width: 130,
        renderCell: ({ value }) => <Chip size="small" variant="outlined" label={String(value ?? '')} />,
      },
      {
        field: 'creation_time',
        headerName: 'Created',
        type: 'dateTime',
        width: 190,
        valueGetter: (value) => parseIsoDate(value),
        valueFormatter: (value: Date | null) => formatDateTime(value),
      },
      {
        field: 'last_modified_time',
        headerName: 'Modified',
        type: 'dateTime',
        width: 190,
        valueGetter: (value) => parseIsoDate(value),
        valueFormatter: (value: Date | null) => formatDateTime(value),
      },
      {
        field: 'visibility',
        headerName: 'Visibility',
        type: 'singleSelect',
        valueOptions: ['Visible', 'Archived'],
        width: 120,
        valueGetter: (value) => (value === false ? 'Archived' : 'Visible'),
        renderCell: ({ value }: { value?: string }) => (
          <Chip
            size="small"
            label={value}
            color={value === 'Archived' ? 'default' : 'success'}
            variant={value === 'Archived' ? 'filled' : 'outlined'}
          />
        ),
      },
      {
        field: 'parent_path_or_name',
        headerName: 'Parent',
        flex: 1,
        minWidth: 160,
        valueGetter: (value) => value ?? '',
      },
    ],
    [origin, typeOptions],
  );

  return (
    <Box data-testid="items-table" sx={{ height: '70vh', minHeight: 420, width: '100%' }}>
      <DataGrid<IntegrationItem>
        rows={rows}
        columns={columns}
        getRowId={getRowId}
        density="compact"
        showToolbar
        aria-label={label}
        slots={{ toolbar: ItemsToolbar, noRowsOverlay: NoRowsOverlay, noResultsOverlay: NoResultsOverlay }}
        slotProps={{ toolbar: { typeFilter: filterState } }}
        initialState={{
          pagination: { paginationModel: { pageSize: 100, page: 0 } },
          sorting: { sortModel: [{ field: 'last_modified_time', sort: 'desc' }] },
        }}
        pageSizeOptions={[25, 50, 100]}
        disableRowSelectionOnClick
      />
    </Box>
  );
}
