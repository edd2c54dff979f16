/**
 * Colours the server needs too (app/layout.tsx's theme-color) and the e2e tests read back;
 * lib/shared/theme.ts is a client module, whose exports a server component cannot read.
 */
export const brandColor = { light: '#4f46e5', dark: '#818cf8' } as const;

export const pageBackground = { light: '#f6f7fb', dark: '#0b1020' } as const;
