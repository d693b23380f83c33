import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { ColorModeContext, useColorModeState } from './color-mode';
import { router } from './router';
import { createAppTheme } from './theme';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const colorMode = useColorModeState();
  const theme = useMemo(() => createAppTheme(colorMode.mode), [colorMode.mode]);
  return (
    <ColorModeContext.Provider value={colorMode}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ThemeProvider>
    </ColorModeContext.Provider>
  );
}
