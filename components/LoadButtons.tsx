import Button from '@mui/material/Button';
import CloudDownloadRoundedIcon from '@mui/icons-material/CloudDownloadRounded';
import RefreshRoundedIcon from '@mui/icons-material/RefreshRounded';

export interface LoadButtonsProps {
  enabled: boolean;
  /** A complete earlier load exists: Load Data asks only for changes, and Full reload is offered. */
  incremental: boolean;
  emphasis: boolean;
  onLoad: () => void;
  onFullReload: () => void;
}

/** Load Data (only what changed, once there was a complete load) and Full reload. */
export default function LoadButtons({ enabled, incremental, emphasis, onLoad, onFullReload }: LoadButtonsProps) {
  return (
    <>
      {incremental ? (
        <Button
          variant="outlined"
          color="inherit"
          onClick={onFullReload}
          disabled={!enabled}
          startIcon={<RefreshRoundedIcon />}
          data-testid="full-reload-button"
          sx={{ borderColor: 'divider' }}
        >
          Full reload
        </Button>
      ) : null}
      <Button
        variant={emphasis ? 'contained' : 'outlined'}
        onClick={onLoad}
        disabled={!enabled}
        startIcon={<CloudDownloadRoundedIcon />}
        title={incremental ? 'Loads only what changed since the last complete load' : undefined}
        data-testid="load-button"
      >
        Load Data
      </Button>
    </>
  );
}
