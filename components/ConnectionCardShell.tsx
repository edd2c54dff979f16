import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface ConnectionCardShellProps {
  /** The integration picker. */
  picker: ReactNode;
  /** What the picked entry is, beside the picker on wide screens. */
  summary: ReactNode;
  /** The status line; it owns its `data-testid="status"` and live region. */
  status: ReactNode;
  /** The buttons, after the status line. */
  actions: ReactNode;
}

/** The "Connection" section's layout: picker and summary, a divider, then status and actions. */
export default function ConnectionCardShell({ picker, summary, status, actions }: ConnectionCardShellProps) {
  return (
    <Card component="section" aria-labelledby="connection-heading">
      <CardContent sx={{ p: { xs: 2.5, sm: 3 }, '&:last-child': { pb: { xs: 2.5, sm: 3 } } }}>
        <Typography id="connection-heading" variant="overline" color="text.secondary" component="h2">
          Connection
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 3 }} sx={{ alignItems: { md: 'center' }, mt: 1 }}>
          <Box sx={{ width: { xs: '100%', md: 340 }, flexShrink: 0 }}>{picker}</Box>
          <Box sx={{ minWidth: 0, flex: 1 }}>{summary}</Box>
        </Stack>
        <Divider sx={{ my: 2.5 }} />
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          sx={{ alignItems: { xs: 'stretch', sm: 'center' }, justifyContent: 'space-between' }}
        >
          {status}
          <Stack direction="row" spacing={1} useFlexGap sx={{ justifyContent: { xs: 'flex-start', sm: 'flex-end' }, flexWrap: 'wrap' }}>
            {actions}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
