import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ColorModeContext, useColorModeState } from './color-mode';
import { AppShell } from './layout/app-shell';
import { AppRoutes } from './router';
import { createAppTheme } from './theme';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const colorMode = useColorModeState();
  const theme = useMemo(() => createAppTheme(colorMode.mode), [colorMode.mode]);
  return (
    <ColorModeContext.Provider value={colorMode}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        <QueryClientProvider client={queryClient}>
          <AppShell>
            <AppRoutes />
          </AppShell>
        </QueryClientProvider>
      </ThemeProvider>
    </ColorModeContext.Provider>
  );
}
