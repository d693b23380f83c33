import type { QueryClient } from '@tanstack/react-query';
import { listSessions } from '../lib/api/sessions-api';
import { sessionListQuery } from '../features/sessions/api/session-queries';
import { FIRST_PAGE_ELEMENT_ID, listRequestFor } from '../schemas/first-page';
import { readAnswer } from '../lib/api-client';
import { matchRoute, routes } from '../schemas/console-routes';
import { parentName, sessionName } from '../schemas/names';
import { lenient } from '../schemas/wire';

/** The answer the server embedded for exactly this list request, read once. */
function takeEmbeddedAnswer(url: string): { status: number; text: string } | undefined {
  const element = document.getElementById(FIRST_PAGE_ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  if (element.dataset.request !== url) return undefined;
  return { status: Number(element.dataset.status), text: element.textContent ?? '' };
}

/**
 * Starts the session list request as soon as the code has loaded, before React renders. When the
 * server already embedded this list's first page in the HTML, that answer is used (success or
 * error alike, read as a fetched one) and no request is made; retries go to the network. The
 * returned promise settles when the rows are in the cache (or the request failed), so the first
 * frame can show them instead of a skeleton followed by a second full render.
 */
export function prefetchForLocation(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): Promise<void> {
  const matched = matchRoute(location.pathname);
  // `sessions/new` is the create form, not a session: matchRoute tells them apart.
  const session = matched?.id === 'session' ? routes.session.match(location.pathname) : undefined;
  // A session page's code (its tabs included) loads at once, and the tab the URL opens starts its
  // requests (the Spark tab needs its application before its jobs).
  if (session) {
    const name = sessionName(parentName(session), session.session);
    const tab = routes.session.readSearch(location.search).tab;
    void import('./session-page/tabs').then((m) => m.prefetchSessionTab(queryClient, name, tab));
  }
  const request = listRequestFor(location.pathname, location.search);
  if (!request) return Promise.resolve();
  const query = sessionListQuery(request.parent, request.params);
  let embedded = takeEmbeddedAnswer(request.url);
  return queryClient.prefetchQuery({
    ...query,
    queryFn: async (context) => {
      const answer = embedded;
      embedded = undefined;
      if (answer) return readAnswer(answer.status, answer.text, lenient.ListSessionsResponse);
      return listSessions(request.parent, request.params, context.signal);
    },
  });
}
