import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './app/app';
import { preloadPageCode, prefetchForLocation } from './app/prefetch';
import { createQueryClient } from './app/query-client';
import { takeServerState } from './app/ssr-state';

/**
 * Starts the console (src/main.tsx loads this module): hydrates a server-rendered page, or renders
 * the shell's page.
 */
export function boot() {
  const queryClient = createQueryClient();
  const rootElement = document.getElementById('root')!;
  const serverRendered = takeServerState(queryClient);
  if (serverRendered) {
    // The server rendered this page (src/entry-server.tsx) and handed over its cache: hydrate the
    // same markup from the same data, once the page's code is in (a lazy page would otherwise render
    // its Suspense fallback where the server rendered the page). No request is made before that.
    // In a transition, the hydration yields to the browser every few milliseconds (a transition's
    // work is time-sliced; a plain hydration is one task): a click or a scroll meanwhile is handled
    // at once instead of after the whole page has hydrated.
    // A page chunk that failed to load does not stop the hydration: the route's error boundary
    // then shows the failure with a retry, instead of a page that silently ignores clicks.
    void preloadPageCode(window.location)
      .catch(() => undefined)
      .then(() =>
        startTransition(() => {
          hydrateRoot(
            rootElement,
            <StrictMode>
              <Router>
                <App queryClient={queryClient} />
              </Router>
            </StrictMode>,
            {
              // A mismatch costs a client render of the page: say where, so it can be fixed.
              onRecoverableError: (error, info) =>
                console.error('Hydration error (the page was rendered again):', error, info.componentStack),
            },
          );
        }),
      );
  } else {
    // A shell (a route the server does not render, a slow backend, --require-auth): wait briefly for
    // the route's data (a few milliseconds on the embedded emulator), so the first render already has
    // rows; a slow API only delays the skeleton by 150 ms at most. The header's server info is asked
    // for alongside the rows, so the shell's first render names the backend.
    // (A rendered page whose state block could not be read is rendered again here: no hydration.)
    delete document.documentElement.dataset.hydrated;
    const firstData = prefetchForLocation(queryClient, window.location);
    const shortWait = new Promise((resolve) => setTimeout(resolve, 150));
    void Promise.race([firstData, shortWait]).then(() =>
      createRoot(rootElement).render(
        <StrictMode>
          <Router>
            <App queryClient={queryClient} />
          </Router>
        </StrictMode>,
      ),
    );
  }
}
