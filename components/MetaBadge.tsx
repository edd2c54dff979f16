import Box from '@mui/material/Box';

type Tone = 'neutral' | 'primary' | 'success' | 'warning' | 'info';

const tones: Record<Tone, { color: string; bg: string; border: string }> = {
  neutral: { color: 'text.secondary', bg: 'action.selected', border: 'divider' },
  primary: { color: 'primary.main', bg: 'rgba(79, 70, 229, 0.08)', border: 'rgba(79, 70, 229, 0.3)' },
  success: { color: 'success.main', bg: 'rgba(21, 128, 61, 0.08)', border: 'rgba(21, 128, 61, 0.3)' },
  warning: { color: 'warning.main', bg: 'rgba(180, 83, 9, 0.08)', border: 'rgba(180, 83, 9, 0.3)' },
  info: { color: 'info.main', bg: 'rgba(2, 136, 209, 0.08)', border: 'rgba(2, 136, 209, 0.3)' },
};

/**
 * A small decorative chip whose text is drawn with CSS generated content.
 * It adds no text to the DOM and is hidden from assistive technology, so an option's
 * text and accessible name stay exactly the integration name (the same facts are
 * announced elsewhere, in the status region).
 */
export default function MetaBadge({ label, tone = 'neutral' }: { label: string; tone?: Tone }) {
  const t = tones[tone];
  return (
    <Box
      component="span"
      aria-hidden="true"
      data-label={label}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        height: 20,
        px: 0.875,
        ml: 1,
        borderRadius: 999,
        border: '1px solid',
        borderColor: t.border,
        bgcolor: t.bg,
        color: t.color,
        fontSize: '0.6875rem',
        fontWeight: 600,
        lineHeight: 1,
        whiteSpace: 'nowrap',
        flexShrink: 0,
        '&::after': { content: 'attr(data-label)' },
      }}
    />
  );
}
