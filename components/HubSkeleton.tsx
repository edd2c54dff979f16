import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

/** The page's shape while the integrations list is on its way. */
export default function HubSkeleton() {
  return (
    <Stack spacing={3} aria-busy="true" aria-label="Loading integrations">
      <Card>
        <CardContent sx={{ p: 3 }}>
          <Skeleton width={120} height={20} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 1 }}>
            <Skeleton variant="rounded" height={56} sx={{ width: { xs: '100%', md: 340 } }} />
            <Stack sx={{ flex: 1 }}>
              <Skeleton width="40%" height={28} />
              <Skeleton width="60%" />
            </Stack>
          </Stack>
          <Skeleton variant="rounded" height={40} sx={{ mt: 3 }} />
        </CardContent>
      </Card>
      <Card>
        <CardContent sx={{ p: 3 }}>
          <Skeleton width={100} height={32} />
          <Skeleton variant="rounded" height={220} sx={{ mt: 2 }} />
        </CardContent>
      </Card>
    </Stack>
  );
}
