import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { markColour, monogram } from '@/lib/client/provider-mark';

/** A provider's mark and name, e.g. in the table's Provider column and the load status list. */
export default function ProviderBadge({ provider, name, size = 20 }: { provider: string; name: string; size?: number }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
      <Avatar
        aria-hidden="true"
        variant="rounded"
        sx={{ width: size, height: size, fontSize: size * 0.55, fontWeight: 700, bgcolor: markColour(provider), color: '#fff' }}
      >
        {monogram(name)}
      </Avatar>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {name}
      </Box>
    </Stack>
  );
}
