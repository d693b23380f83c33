import { createTheme } from '@mui/material/styles';

/** One theme with light and dark colour schemes; MUI follows the system unless the user picks. */
export const theme = createTheme({
  // Darker info and warning tones in light mode: MUI's defaults fall below WCAG AA contrast (4.5:1)
  // for small text on white, and state chips use them for text.
  colorSchemes: {
    light: { palette: { info: { main: '#01579b' }, warning: { main: '#a14a00' } } },
    dark: true,
  },
  cssVariables: { colorSchemeSelector: 'class' },
  shape: { borderRadius: 8 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiTableCell: { styleOverrides: { root: { paddingTop: 6, paddingBottom: 6 } } },
  },
});
