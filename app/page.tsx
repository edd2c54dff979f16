import { cookies } from 'next/headers';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import AppHeader from '@/components/AppHeader';
import IntegrationsHub from '@/components/IntegrationsHub';
import { ALL_CONNECTED } from '@/lib/client/sources';
import { LAST_PROVIDER_COOKIE, pickInitialProvider } from '@/lib/client/storage';
import { initialIntegrations } from '@/lib/server/initial-integrations';
import { ensurePublicOrigin } from '@/lib/server/page-origin';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  await ensurePublicOrigin('/', query);
  // The first HTML already shows the integrations and this session's connections: no skeleton, no flash.
  const integrations = await initialIntegrations();
  const urlProvider = typeof query.provider === 'string' ? query.provider : null;
  const remembered = (await cookies()).get(LAST_PROVIDER_COOKIE)?.value ?? null;
  const selected = integrations
    ? pickInitialProvider([...integrations.map((i) => i.provider), ALL_CONNECTED], urlProvider, remembered)
    : null;
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
          <IntegrationsHub initialIntegrations={integrations} initialSelection={selected} />
        </Container>
      </Box>
    </>
  );
}
