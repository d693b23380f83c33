import CssBaseline from '@mui/material/CssBaseline';
// The system's provider, which is what MUI's own ThemeProvider renders for a theme without CSS
// variables (ours); importing MUI's also pulls in the CSS-variables provider (about 3 KB gzip).
import { ThemeProvider } from '@mui/system';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useMemo } from 'react';
import { EstimateSlotContext, type EstimateSlotProps } from '../components/config-form/estimate-slot';
import { SessionListSlotsContext, type SessionListSlots } from '../components/session-list-slots';
import {
  TemplateSessionsSlotContext,
  type TemplateSessionsSlotProps,
} from '../components/template-sessions-slot';
import { COST_COLUMNS, SessionListTotals } from '../features/costs/components/session-list-costs';
import { useTimeZone } from '../lib/time-zone';
import { ColorModeContext, useColorModeState } from './color-mode';
import { AppShell } from './layout/app-shell';
import { AppRoutes } from './router';
import { onDemandPart } from '../lib/lazy-component';
import { createAppTheme } from './theme';

/** The costs feature's column and totals on the session list. */
const listSlots: SessionListSlots = {
  columns: COST_COLUMNS,
  totals: (props) => <SessionListTotals {...props} />,
};

/**
 * The costs feature's estimate, for the forms and the template page: loaded with the first of
 * them, so the list (and its first JavaScript) does not carry the DCU model.
 */
const RegionCostEstimate = onDemandPart(() =>
  import('./region-cost-estimate').then((m) => m.RegionCostEstimate),
);
const renderEstimate = (props: EstimateSlotProps) => <RegionCostEstimate {...props} />;

/**
 * The costs feature's right-sizing over the template's recent sessions, on the template page; loaded
 * with that page (lazy), in a boundary of its own so the page never waits for it.
 */
const TemplateRightSizingPanel = lazy(() =>
  import('../features/costs/components/template-right-sizing-panel').then((m) => ({
    default: m.TemplateRightSizingPanel,
  })),
);
const renderTemplateSessions = (props: TemplateSessionsSlotProps) => (
  <Suspense fallback={null}>
    <TemplateRightSizingPanel {...props} />
  </Suspense>
);

export function App({ queryClient }: { queryClient: QueryClient }) {
  const colorMode = useColorModeState();
  const theme = useMemo(() => createAppTheme(colorMode.mode), [colorMode.mode]);
  // Every time on screen follows the UTC/local switch: the app re-renders from its root when the
  // zone changes (formatDateTime reads the current zone), so no page or view has to subscribe.
  // A memoized component that shows times takes the zone as a prop (the list's rows do).
  useTimeZone();
  return (
    <ColorModeContext.Provider value={colorMode}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        <QueryClientProvider client={queryClient}>
          <EstimateSlotContext.Provider value={renderEstimate}>
            <SessionListSlotsContext.Provider value={listSlots}>
              <TemplateSessionsSlotContext.Provider value={renderTemplateSessions}>
                <AppShell>
                  <AppRoutes />
                </AppShell>
              </TemplateSessionsSlotContext.Provider>
            </SessionListSlotsContext.Provider>
          </EstimateSlotContext.Provider>
        </QueryClientProvider>
      </ThemeProvider>
    </ColorModeContext.Provider>
  );
}
