'use client';

import * as React from 'react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FileDownloadRoundedIcon from '@mui/icons-material/FileDownloadRounded';
import type { ExportFormat } from '@/lib/client/export/download';
import { formatItemCount } from '@/lib/client/format';

/** "Export" with a menu of formats; the caller writes the file (the rows it shows right now). */
export default function ExportMenu({
  rowCount,
  onExport,
}: {
  rowCount: number;
  onExport: (format: ExportFormat) => Promise<void>;
}) {
  const [anchor, setAnchor] = React.useState<HTMLElement | null>(null);
  const [busy, setBusy] = React.useState(false);
  const choose = async (format: ExportFormat) => {
    setAnchor(null);
    setBusy(true);
    try {
      await onExport(format);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="inherit"
        startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <FileDownloadRoundedIcon fontSize="small" />}
        disabled={busy || rowCount === 0}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'export-menu' : undefined}
        data-testid="export-button"
        sx={{ borderColor: 'divider' }}
      >
        {busy ? 'Exporting…' : 'Export'}
      </Button>
      <Menu id="export-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void choose('csv')} data-testid="export-csv">
          <ListItemText primary="CSV" secondary={`${formatItemCount(rowCount)} as shown, for spreadsheets`} />
        </MenuItem>
        <MenuItem onClick={() => void choose('json')} data-testid="export-json">
          <ListItemText primary="JSON" secondary={`${formatItemCount(rowCount)} as shown, every field`} />
        </MenuItem>
      </Menu>
    </>
  );
}
