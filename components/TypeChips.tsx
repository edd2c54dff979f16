import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatCount } from '@/lib/client/format';
import { typeKey, type TypeGroup } from '@/lib/client/type-groups';

export interface TypeChipsProps {
  groups: TypeGroup[];
  /** Display name of a provider, for the group labels of a table with several providers. */
  nameOf: (provider: string) => string;
  /** Chips switched on, by `typeKey(provider, type)`; none means every type shows. */
  active: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onClear: () => void;
}

/** Filter chips: one per record type, grouped under each provider when the table holds several. */
export default function TypeChips({ groups, nameOf, active, onToggle, onClear }: TypeChipsProps) {
  const several = groups.length > 1;
  return (
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
        onClick={onClear}
        aria-pressed={active.size === 0}
      />
      {groups.map(({ provider, types }) => (
        <Stack key={provider} direction="row" spacing={0.75} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {several ? (
            <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 600, ml: 0.5 }}>
              {nameOf(provider)}
            </Typography>
          ) : null}
          {types.map(({ type, count }) => {
            const key = typeKey(provider, type);
            const on = active.has(key);
            return (
              <Chip
                key={key}
                size="small"
                clickable
                label={`${type} ${formatCount(count)}`}
                color={on ? 'primary' : 'default'}
                variant={on ? 'filled' : 'outlined'}
                onClick={() => onToggle(key)}
                aria-pressed={on}
                aria-label={several ? `${nameOf(provider)} ${type} ${formatCount(count)}` : undefined}
                data-testid={several ? `type-filter-${provider}-${type}` : `type-filter-${type}`}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
