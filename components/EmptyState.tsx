import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export default function EmptyState({
  icon,
  title,
  children,
  testId,
}: {
  icon: React.ReactNode;
  title: string;
  children?: React.ReactNode;
  testId?: string;
}) {
  return (
    <Stack
      spacing={1.25}
      data-testid={testId}
      sx={{
        alignItems: 'center',
        justifyContent: 'center',
        py: { xs: 6, sm: 9 },
        px: 3,
        textAlign: 'center',
        border: '1px dashed',
        borderColor: 'divider',
        borderRadius: 2,
        bgcolor: 'action.hover',
      }}
    >
      <Box
        aria-hidden="true"
        sx={{
          width: 56,
          height: 56,
          borderRadius: '50%',
          display: 'grid',
          placeItems: 'center',
          bgcolor: 'rgba(79, 70, 229, 0.08)',
          color: 'primary.main',
          mb: 0.5,
          '& svg': { fontSize: 28 },
        }}
      >
        {icon}
      </Box>
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {children ? (
        <Typography variant="body2" color="text.secondary" component="div" sx={{ maxWidth: 420 }}>
          {children}
        </Typography>
      ) : null}
    </Stack>
  );
}
