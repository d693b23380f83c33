import type { QueryClient } from '@tanstack/react-query';
import { parentName } from '../schemas/names';
import { sessionListQuery } from '../features/sessions/api/session-queries';
import { listParams, readListView } from '../features/sessions/list-filters';

const LIST_PATH = /^\/projects\/([^/]+)\/locations\/([^/]+)\/sessions\/?$/;

/**
 * Starts the session list request as soon as the code has loaded, before React renders. The
 * returned promise settles when the rows are in the cache (or the request failed), so the first
 * frame can show them instead of a skeleton followed by a second full render.
 */
export function prefetchForLocation(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): Promise<void> {
  const match = LIST_PATH.exec(location.pathname);
  if (!match) return Promise.resolve();
  const parent = parentName({
    project: decodeURIComponent(match[1]!),
    location: decodeURIComponent(match[2]!),
  });
  const params = listParams(readListView(new URLSearchParams(location.search)));
  return queryClient.prefetchQuery(sessionListQuery(parent, params));
}
