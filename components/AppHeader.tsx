import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import HubRoundedIcon from '@mui/icons-material/HubRounded';

export default function AppHeader() {
  return (
    <AppBar position="sticky" component="header">
      <Container maxWidth={false} sx={{ maxWidth: 1200 }}>
        <Toolbar disableGutters sx={{ gap: 1.5, minHeight: { xs: 56, sm: 64 } }}>
          <Box
            aria-hidden="true"
            sx={{
              width: 32,
              height: 32,
              borderRadius: 2,
              display: 'grid',
              placeItems: 'center',
              bgcolor: 'primary.main',
              color: 'primary.contrastText',
            }}
          >
            <HubRoundedIcon fontSize="small" />
          </Box>
          <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.05rem', letterSpacing: '-0.01em' }}>
            Integrations Hub
          </Typography>
        </Toolbar>
      </Container>
    </AppBar>
  );
}
