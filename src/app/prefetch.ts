import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { pricesQuery } from '../features/costs/api/prices-query';
import { sessionDetailQuery, sessionListQuery } from '../features/sessions/api/session-queries';
import { serverInfoQuery } from '../lib/server-info';
import { matchRoute, routes } from '../schemas/console-routes';
import { listSessions } from '../lib/api/sessions-api';
import { readAnswer } from '../lib/api-client';
import { FIRST_PAGE_ELEMENT_ID, isSafePlace, listRequestFor } from '../schemas/first-page';
import { wireSchemas } from '../lib/api/wire-schemas';
import { parentName, sessionName } from '../schemas/names';
import { preloadOnDemandParts } from '../lib/lazy-component';
import { SessionPage } from './routes';

/**
 * The route layer's loaders: what a console URL's page shows first, asked for with the very query
 * keys and functions the page uses, so whatever is loaded here is what the page renders from. The
 * browser runs them before its first render (a client-rendered page); the server runs them before
 * rendering the page's HTML (src/entry-server.tsx), whose cache then goes to the browser.
 */
export interface RouteData {
  /** The query without which the page can only show a skeleton (the list, the session). */
  primary?: QueryKey;
  /** Settles when everything asked for has settled (failures included, none rejects). */
  loaded: Promise<unknown>;
}

export function loadRouteData(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): RouteData {
  const data = routeData(queryClient, location);
  if (typeof window !== 'undefined') return data;
  // The server renders whatever the data leads to, an error panel or an alert included: their
  // on-demand code is loaded first (after the page's own, which may declare more), so the server
  // never renders a fallback where the browser would hydrate content (src/lib/lazy-component.ts).
  return { ...data, loaded: data.loaded.then(() => preloadOnDemandParts()) };
}

function routeData(queryClient: QueryClient, location: Pick<Location, 'pathname' | 'search'>): RouteData {
  const header = queryClient.prefetchQuery(serverInfoQuery);
  const list = listRequestFor(location.pathname, location.search);
  if (list) {
    const query = sessionListQuery(list.parent, list.params);
    return {
      primary: query.queryKey,
      loaded: Promise.all([header, queryClient.prefetchQuery(query), queryClient.prefetchQuery(pricesQuery)]),
    };
  }
  const matched = matchRoute(location.pathname);
  // `sessions/new` is the create form, not a session: matchRoute tells them apart.
  const session = matched?.id === 'session' ? routes.session.match(location.pathname) : undefined;
  if (session && isSafePlace(session)) {
    const name = sessionName(parentName(session), session.session);
    const tab = routes.session.readSearch(location.search).tab;
    const detail = sessionDetailQuery(name);
    // The page's code (its tabs included) loads at once, and the tab the URL opens starts its
    // requests (the Spark tab needs its application before its jobs).
    const tabData = import('./session-page/tabs').then((m) => m.prefetchSessionTab(queryClient, name, tab));
    return {
      primary: detail.queryKey,
      loaded: Promise.all([
        header,
        queryClient.prefetchQuery(detail),
        queryClient.prefetchQuery(pricesQuery),
        tabData,
        SessionPage.preload(),
      ]),
    };
  }
  return { loaded: header };
}

/**
 * The failed answer the server got for exactly this list request (src/entry-server.tsx), read
 * once: the page shows it as if it had asked; its retries ask the network.
 */
function takeFailedAnswer(url: string): { status: number; text: string } | undefined {
  const element = document.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  if (element.dataset.request !== url) return undefined;
  return { status: Number(element.dataset.status), text: element.textContent ?? '' };
}

/**
 * Starts a client-rendered page's requests as soon as the code has loaded, before React renders.
 * The returned promise settles when the list's rows are in the cache (or the request failed), so
 * the first frame can show them instead of a skeleton followed by a second full render.
 */
export function prefetchForLocation(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): Promise<unknown> {
  const list = listRequestFor(location.pathname, location.search);
  let failed = list && takeFailedAnswer(list.url);
  if (list && failed) {
    void queryClient.prefetchQuery({
      ...sessionListQuery(list.parent, list.params),
      queryFn: async (context) => {
        const answer = failed;
        failed = undefined;
        if (answer) return readAnswer(answer.status, answer.text, (await wireSchemas()).ListSessionsResponse);
        return listSessions(list.parent, list.params, context.signal);
      },
    });
  }
  const { loaded } = loadRouteData(queryClient, location);
  // The list waits for its rows; other pages for the header's server info (asked for just above).
  return list ? loaded : queryClient.prefetchQuery(serverInfoQuery);
}

/** Loads the code of the page a URL opens, when it is a lazy one (before hydrating it). */
export function preloadPageCode(location: Pick<Location, 'pathname'>): Promise<unknown> {
  if (matchRoute(location.pathname)?.id !== 'session') return Promise.resolve();
  return Promise.all([SessionPage.preload(), import('./session-page/tabs')]);
}
