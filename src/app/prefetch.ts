import type { QueryClient } from '@tanstack/react-query';
import { sessionListQuery } from '../features/sessions/api/session-queries';
import { listParams, readListView } from '../features/sessions/list-filters';

const LIST_PATH = /^\/projects\/([^/]+)\/locations\/([^/]+)\/sessions\/?$/;

/**
 * Starts the session list request while React is still rendering the first frame, instead of after
 * it: on a cold load that saves the whole first render from the time to the first row.
 */
export function prefetchForLocation(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): void {
  const match = LIST_PATH.exec(location.pathname);
  if (!match) return;
  const parent = `projects/${decodeURIComponent(match[1]!)}/locations/${decodeURIComponent(match[2]!)}`;
  void queryClient.prefetchQuery(
    sessionListQuery(parent, listParams(readListView(new URLSearchParams(location.search)))),
  );
}
