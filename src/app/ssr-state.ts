import { hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import {
  beginRender,
  endHydration,
  isRenderEnvironment,
  type RenderEnvironment,
} from '../lib/render-environment';
import { SSR_STATE_ELEMENT_ID } from './ssr-state-id';

export { SSR_STATE_ELEMENT_ID };

/** What the server hands the browser with a rendered page: its render environment and its cache. */
export interface SsrState {
  environment: RenderEnvironment;
  queries: DehydratedState;
}

/** The block's shape, checked by hand (the list route loads no zod before it hydrates). */
function isSsrState(value: unknown): value is SsrState {
  if (typeof value !== 'object' || value === null) return false;
  const { environment, queries } = value as Record<string, unknown>;
  if (!isRenderEnvironment(environment) || typeof queries !== 'object' || queries === null) return false;
  const cache = queries as Record<string, unknown>;
  return Array.isArray(cache.queries) && Array.isArray(cache.mutations);
}

export interface ServerRendered {
  environment: RenderEnvironment;
  /** Called once the hydration has committed: the page's own clock, zone and settings take over. */
  hydrated: () => void;
}

/**
 * Reads (once) and removes the state block of a server-rendered page, fills the cache from it and
 * makes the coming render (the hydration) use the server's render environment. Undefined when the
 * page was not server-rendered (or the block is not ours), and then nothing changes.
 */
export function takeServerState(queryClient: QueryClient): ServerRendered | undefined {
  const element = document.getElementById(SSR_STATE_ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  let parsed: unknown;
  try {
    parsed = JSON.parse(element.textContent ?? '');
  } catch {
    return undefined;
  }
  if (!isSsrState(parsed)) return undefined;
  const { environment, queries } = parsed;
  // The hydration renders exactly what the server rendered ("Updated 1 s ago" included). A block
  // that passes the shape check but not TanStack's own reading leaves the page to render itself.
  try {
    hydrate(queryClient, queries);
  } catch {
    queryClient.clear();
    return undefined;
  }
  // Until hydrated, the markup is painted but a click on it does nothing: tests wait for "true".
  document.documentElement.dataset.hydrated = 'pending';
  beginRender(environment);
  // The server fetched these a moment ago by its clock: after the hydration their time moves onto
  // this browser's clock (same age), so they are as fresh here as there (a hydration slower than a
  // query's stale time still asks again, as any page would with data that old). Passive effects,
  // where the page subscribes to them, run after the hook below.
  const shift = Date.now() - environment.now;
  let done = false;
  const hydrated = () => {
    if (done) return;
    done = true;
    endHydration();
    // A mark for tests and the bench: the page now answers clicks.
    document.documentElement.dataset.hydrated = 'true';
    const cache = queryClient.getQueryCache();
    for (const { queryHash, state } of queries.queries) {
      const query = cache.get(queryHash);
      // Only answers still as handed over: one asked for again meanwhile is on this clock already.
      if (query && query.state.dataUpdatedAt === state.dataUpdatedAt)
        query.setState({ ...query.state, dataUpdatedAt: query.state.dataUpdatedAt + shift });
    }
  };
  whenHydrated = hydrated;
  return { environment, hydrated };
}

let whenHydrated: (() => void) | undefined;

/**
 * Rendered first inside each route's Suspense boundary (src/app/router.tsx), on the server and in
 * the browser (same markup: none). React hydrates a boundary's content after the shell around it, so
 * this layout effect, the first to run once the page itself has hydrated, ends the hydration: before
 * any of the page's own effects.
 */
export function HydrationMark() {
  useLayoutEffect(() => {
    const done = whenHydrated;
    whenHydrated = undefined;
    done?.();
  }, []);
  return null;
}
