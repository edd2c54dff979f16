import Typography from '@mui/material/Typography';
import type { LoadMode } from './hooks/useItemsLoads';

/** "Last loaded at 23:41:07 (changes only)": when the table's data was fetched. */
export default function LastLoaded({ at, mode }: { at: Date; mode: LoadMode | null }) {
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <Typography variant="caption" color="text.secondary" component="p" data-testid="last-loaded">
      Last loaded at <time dateTime={at.toISOString()}>{time}</time>
      {mode === 'changes' ? ' (changes since the previous load)' : ' (full load)'}
    </Typography>
  );
}
