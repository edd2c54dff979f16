import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { GridActionsCellItem, type GridColDef } from '@mui/x-data-grid';
import ContentCopyRoundedIcon from '@mui/icons-material/ContentCopyRounded';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import InsertDriveFileOutlinedIcon from '@mui/icons-material/InsertDriveFileOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import type { IntegrationItem } from '@/lib/contract';
import { itemKey } from '@/lib/contract';
import { formatDateTime, parseIsoDate } from '@/lib/client/format';
import { safeLinkHref } from '@/lib/client/links';
import ProviderBadge from './ProviderBadge';

function NameCell({ item, origin }: { item: IntegrationItem; origin: string | null }) {
  const href = safeLinkHref(item.url, origin);
  const Icon = item.directory ? FolderOutlinedIcon : InsertDriveFileOutlinedIcon;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0, height: '100%' }}>
      <Icon sx={{ fontSize: 16, color: 'text.secondary', flexShrink: 0 }} aria-hidden="true" />
      {href ? (
        <Link
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          underline="hover"
          // Following the link opens the provider, not the details panel.
          onClick={(event) => event.stopPropagation()}
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

const noQuickFilter = { getApplyQuickFilterFn: () => null } as const;

/** A timestamp column: the ISO string sorts and filters as a date and shows in the reader's locale. */
function dateTimeColumn(field: keyof IntegrationItem, headerName: string): GridColDef<IntegrationItem> {
  return {
    field,
    headerName,
    type: 'dateTime',
    width: 180,
    valueGetter: (value) => parseIsoDate(value),
    valueFormatter: (value: Date | null) => formatDateTime(value),
    ...noQuickFilter,
  };
}

export interface ColumnOptions {
  origin: string | null;
  typeOptions: string[];
  providerOptions: string[];
  nameOf: (provider: string) => string;
  onOpen: (rowId: string) => void;
  onCopy: (item: IntegrationItem) => void;
}

/** The table's columns. The search box looks at name, type and parent only (and the provider's name). */
export function itemColumns({ origin, typeOptions, providerOptions, nameOf, onOpen, onCopy }: ColumnOptions): GridColDef<IntegrationItem>[] {
  return [
    {
      field: 'provider',
      headerName: 'Provider',
      width: 150,
      type: 'singleSelect',
      valueOptions: providerOptions,
      valueGetter: (value: string) => nameOf(value),
      renderCell: ({ row }) => (
        <Stack sx={{ height: '100%', justifyContent: 'center' }}>
          <ProviderBadge provider={row.provider} name={nameOf(row.provider)} />
        </Stack>
      ),
    },
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
    dateTimeColumn('creation_time', 'Created'),
    dateTimeColumn('last_modified_time', 'Modified'),
    {
      field: 'visibility',
      headerName: 'Visibility',
      type: 'singleSelect',
      valueOptions: ['Visible', 'Archived'],
      width: 110,
      valueGetter: (value) => (value === false ? 'Archived' : 'Visible'),
      renderCell: ({ value }) => (
        <Chip
          size="small"
          label={String(value)}
          color={value === 'Archived' ? 'default' : 'success'}
          variant={value === 'Archived' ? 'filled' : 'outlined'}
        />
      ),
      ...noQuickFilter,
    },
    {
      field: 'parent_path_or_name',
      headerName: 'Parent',
      flex: 1,
      minWidth: 160,
      valueGetter: (value) => value ?? '',
    },
    {
      field: 'actions',
      type: 'actions',
      headerName: 'Actions',
      width: 70,
      getActions: ({ row }) => [
        <GridActionsCellItem
          key="details"
          showInMenu
          icon={<VisibilityOutlinedIcon fontSize="small" />}
          label="Show details"
          onClick={() => onOpen(itemKey(row))}
        />,
        <GridActionsCellItem
          key="copy"
          showInMenu
          icon={<ContentCopyRoundedIcon fontSize="small" />}
          label="Copy as JSON"
          onClick={() => onCopy(row)}
          data-testid="row-copy-json"
        />,
      ],
    },
  ];
}
