import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeLoad, leftRecordsOut, nextStep, type NextStep, type ProviderLoad } from '@/lib/client/load-outcome';
import ProviderBadge from './ProviderBadge';

const stepLabel: Record<Exclude<NextStep, null>, string> = {
  reconnect: 'Reconnect',
  connect: 'Connect',
  resume: 'Resume',
  retry: 'Try again',
};

const tone = (load: ProviderLoad) =>
  load.phase === 'error' ? 'error.main' : load.phase === 'incomplete' || leftRecordsOut(load) ? 'warning.main' : 'text.secondary';

export interface LoadStatusListProps {
  loads: ReadonlyArray<{ provider: string; name: string; load: ProviderLoad }>;
  onStep: (provider: string, step: Exclude<NextStep, null>) => void;
}

/** One row per provider of a load: its progress or outcome, and the one thing to do when it failed. */
export default function LoadStatusList({ loads, onStep }: LoadStatusListProps) {
  return (
    <Stack component="ul" spacing={1} data-testid="load-status-list" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {loads.map(({ provider, name, load }) => {
        const step = nextStep(load);
        return (
          <Stack
            component="li"
            key={provider}
            direction={{ xs: 'column', sm: 'row' }}
            spacing={{ xs: 0.5, sm: 2 }}
            data-testid={`load-status-${provider}`}
            data-phase={load.phase}
            sx={{ alignItems: { sm: 'center' }, py: 0.75, borderBottom: '1px solid', borderColor: 'divider' }}
          >
            <Stack sx={{ width: { sm: 160 }, flexShrink: 0 }}>
              <ProviderBadge provider={provider} name={name} />
            </Stack>
            <Stack sx={{ flex: 1, minWidth: 0 }} spacing={0.5}>
              <Typography variant="body2" sx={{ color: tone(load), fontWeight: load.phase === 'done' ? 400 : 500 }}>
                {describeLoad(load)}
              </Typography>
              {load.phase === 'loading' ? <LinearProgress aria-label={`Loading items from ${name}`} /> : null}
            </Stack>
            {step ? (
              <Button
                size="small"
                variant="outlined"
                color={load.phase === 'error' ? 'error' : 'inherit'}
                onClick={() => onStep(provider, step)}
                data-testid={`load-action-${provider}`}
                aria-label={`${stepLabel[step]}: ${name}`}
              >
                {stepLabel[step]}
              </Button>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
