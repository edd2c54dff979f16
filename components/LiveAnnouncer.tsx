import { visuallyHidden } from '@mui/utils';
import Box from '@mui/material/Box';

/** Words for screen readers only, read out politely whenever they change (load progress and results). */
export default function LiveAnnouncer({ message }: { message: string }) {
  return (
    <Box role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer" sx={visuallyHidden}>
      {message}
    </Box>
  );
}
