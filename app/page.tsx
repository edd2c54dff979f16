import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import AppHeader from '@/components/AppHeader';
import IntegrationsHub from '@/components/IntegrationsHub';
import { ensurePublicOrigin } from '@/lib/page-origin';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await ensurePublicOrigin('/', await searchParams);
  return (
    <>
      <AppHeader />
      <Box component="main" sx={{ py: { xs: 3, sm: 5 } }}>
        <Container maxWidth={false} sx={{ maxWidth: 1200 }}>
          <Box sx={{ mb: { xs: 3, sm: 4 } }}>
            <Typography variant="h1">Integrations Hub</Typography>
            <Typography variant="body1" color="text.secondary" sx={{ mt: 0.75, maxWidth: 640 }}>
              Connect an account, approve access, and browse its records in one normalised table.
            </Typography>
          </Box>
          <IntegrationsHub />
        </Container>
      </Box>
    </>
  );
}
