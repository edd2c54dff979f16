import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { displayValue } from '@/lib/client/field-display';

/** Name/value pairs as a description list; values are text, never markup. */
export default function RecordFields({ fields, testId }: { fields: Array<{ name: string; value: unknown }>; testId?: string }) {
  return (
    <Box
      component="dl"
      data-testid={testId}
      sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, auto) 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}
    >
      {fields.map(({ name, value }) => (
        <Box key={name} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>
            {name}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }} data-field={name}>
            {displayValue(name, value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
