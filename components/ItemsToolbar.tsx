'use client';

import Badge from '@mui/material/Badge';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import {
  ColumnsPanelTrigger,
  FilterPanelTrigger,
  QuickFilter,
  QuickFilterClear,
  QuickFilterControl,
  Toolbar,
  ToolbarButton,
  gridFilteredSortedRowEntriesSelector,
  gridFilteredSortedRowIdsSelector,
  useGridApiContext,
  useGridSelector,
} from '@mui/x-data-grid';
import CancelRoundedIcon from '@mui/icons-material/CancelRounded';
import FilterListRoundedIcon from '@mui/icons-material/FilterListRounded';
import SearchRoundedIcon from '@mui/icons-material/SearchRounded';
import ViewColumnRoundedIcon from '@mui/icons-material/ViewColumnRounded';
import type { IntegrationItem } from '@/lib/contract';
import type { ExportFormat } from '@/lib/client/export/download';
import ExportMenu from './ExportMenu';
import TypeChips, { type TypeChipsProps } from './TypeChips';

export interface ItemsToolbarProps extends TypeChipsProps {
  /** Writes the rows the table shows now (searched, filtered, sorted; every page). */
  onExport: (rows: IntegrationItem[], format: ExportFormat) => Promise<void>;
}

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    items?: ItemsToolbarProps;
  }
}

function SearchBox() {
  return (
    <QuickFilter expanded debounceMs={200}>
      <QuickFilterControl
        render={({ ref, ...other }) => (
          <TextField
            {...other}
            inputRef={ref}
            size="small"
            placeholder="Search name, type, parent…"
            sx={{ width: { xs: 200, sm: 260 } }}
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
  );
}

/** Type chips, columns, filters, search and export above the table. */
export default function ItemsToolbar({ items }: { items?: ItemsToolbarProps }) {
  const apiRef = useGridApiContext();
  const rowCount = useGridSelector(apiRef, gridFilteredSortedRowIdsSelector).length;
  const viewRows = () => gridFilteredSortedRowEntriesSelector(apiRef).map((entry) => entry.model as IntegrationItem);
  return (
    <Toolbar style={{ flex: '0 0 auto', minHeight: 56, gap: 8, flexWrap: 'wrap', paddingBlock: 8, justifyContent: 'space-between' }}>
      {items ? <TypeChips {...items} /> : null}
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
        <SearchBox />
        {items ? (
          <ExportMenu rowCount={rowCount} onExport={(format) => items.onExport(viewRows(), format)} />
        ) : null}
      </Stack>
    </Toolbar>
  );
}
