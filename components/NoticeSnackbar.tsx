'use client';

import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import * as React from 'react';
import type { ShownNotice } from './hooks/notice';

/** The corner message after a connect or disconnect, or a failed refresh. */
export default function NoticeSnackbar({ notice, onClose }: { notice: ShownNotice | null; onClose: () => void }) {
  // The last notice stays in the snackbar while it fades out; a new one gets a snackbar of its own
  // (a new key), so its auto-hide time starts when it appears, not when the one it replaced did.
  const [shown, setShown] = React.useState(notice);
  if (notice && notice !== shown) setShown(notice);
  return (
    <Snackbar
      key={shown?.id}
      open={notice !== null}
      autoHideDuration={5000}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      anchorOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      {shown ? (
        <Alert severity={shown.severity} variant="filled" onClose={onClose} sx={{ width: '100%' }}>
          {shown.message}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
