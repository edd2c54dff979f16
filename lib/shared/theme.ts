'use client';

import { createTheme } from '@mui/material/styles';
import type {} from '@mui/x-data-grid/themeAugmentation';
import { brandColor, pageBackground } from './theme-colors';

const fontFamily = [
  'Inter',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');


/**
 * Light and dark palettes as CSS variables; which one applies is decided by a class on <html>
 * that InitColorSchemeScript sets from the system setting before the first paint, so the page
 * never flashes the wrong scheme. Colours are chosen for WCAG AA contrast in both.
 */
const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: brandColor.light, light: '#818cf8', dark: '#3730a3', contrastText: '#ffffff' },
        secondary: { main: '#0ea5e9' },
        success: { main: '#15803d' },
        warning: { main: '#b45309' },
        error: { main: '#dc2626' },
        info: { main: '#0277bd' },
        background: { default: pageBackground.light, paper: '#ffffff' },
        text: { primary: '#111827', secondary: '#4b5563' },
        divider: '#e5e7eb',
      },
    },
    dark: {
      palette: {
        primary: { main: brandColor.dark, light: '#a5b4fc', dark: '#6366f1', contrastText: '#0b1020' },
        secondary: { main: '#38bdf8' },
        // `dark` is what filled alerts (the notices) use in this scheme, under white text: kept at 4.5:1 or more.
        success: { main: '#4ade80', dark: '#166534' },
        warning: { main: '#fbbf24', dark: '#92400e' },
        error: { main: '#f87171', dark: '#b91c1c' },
        info: { main: '#38bdf8', dark: '#075985' },
        background: { default: pageBackground.dark, paper: '#131a2e' },
        text: { primary: '#e5e7eb', secondary: '#a3acbf' },
        divider: '#2a3350',
      },
    },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily,
    h1: { fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.01em' },
    h2: { fontSize: '1.25rem', fontWeight: 650, letterSpacing: '-0.005em' },
    h3: { fontSize: '1.05rem', fontWeight: 650 },
    button: { textTransform: 'none', fontWeight: 600 },
    overline: { fontWeight: 600, letterSpacing: '0.08em' },
  },
  components: {
    MuiAppBar: {
      defaultProps: { elevation: 0, color: 'inherit' },
      styleOverrides: {
        root: ({ theme }) => ({
          backgroundColor: theme.vars.palette.background.paper,
          backgroundImage: 'none',
          borderBottom: `1px solid ${theme.vars.palette.divider}`,
        }),
      },
    },
    MuiCard: {
      defaultProps: { variant: 'outlined' },
      styleOverrides: {
        root: ({ theme }) => ({
          borderColor: theme.vars.palette.divider,
          boxShadow: '0 1px 2px rgba(16, 24, 40, 0.04)',
        }),
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 8, paddingInline: 16 } },
    },
    MuiChip: {
      styleOverrides: { root: { fontWeight: 500 } },
    },
    MuiAlert: {
      styleOverrides: { root: { borderRadius: 10, alignItems: 'center' } },
    },
    MuiLinearProgress: {
      styleOverrides: { root: { borderRadius: 4, height: 6 } },
    },
    MuiDataGrid: {
      styleOverrides: {
        root: ({ theme }) => ({
          border: 'none',
          '--DataGrid-containerBackground': '#f9fafb',
          ...theme.applyStyles('dark', { '--DataGrid-containerBackground': '#182038' }),
        }),
        columnHeaderTitle: { fontWeight: 600 },
      },
    },
  },
});

export default theme;
