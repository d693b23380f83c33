import { keepPreviousData, queryOptions, useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { boostedInterval, listenForCreatesElsewhere } from './recent-creates';
import type { Session } from '../../../schemas/wire';
import { FAST_POLL_MS, SLOW_POLL_MS, isTerminal, isTransitional } from '../../../lib/session-state';
import { getSession, listSessions, type ListParams } from '../../../lib/api/sessions-api';

/** Query keys, generic to specific, so one invalidation refreshes everything below it. */
export const sessionKeys = {
  all: ['sessions'] as const,
  lists: (parent: string) => [...sessionKeys.all, 'list', parent] as const,
  list: (parent: string, params: ListParams) => [...sessionKeys.lists(parent), params] as const,
  details: () => [...sessionKeys.all, 'detail'] as const,
  detail: (name: string) => [...sessionKeys.details(), name] as const,
};

export function sessionListQuery(parent: string, params: ListParams) {
  return queryOptions({
    queryKey: sessionKeys.list(parent, params),
    queryFn: ({ signal }) => listSessions(parent, params, signal),
    // A new page or filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    // The page's first request may be the early prefetch (app/prefetch.ts): if it failed, show that
    // failure with its Retry rather than silently asking again on mount.
    retryOnMount: false,
    // Re-read after every answer: 1 s for a while after a create this browser knows of
    // (recent-creates.ts), else fast while a session changes state, slow otherwise.
    refetchInterval: (query) =>
      boostedInterval(parent) ??
      (query.state.data?.sessions?.some((s) => isTransitional(s.state)) ? FAST_POLL_MS : SLOW_POLL_MS),
  });
}

/**
 * The list of `parent` hears of creates made in other tabs of this console: the boost starts here
 * too, and a visible list asks at once (that answer re-reads the interval; a hidden tab does not
 * poll, and asks when it is shown again).
 */
export function useCreatesElsewhere(parent: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      listenForCreatesElsewhere(parent, () => {
        if (document.visibilityState === 'visible')
          void queryClient.invalidateQueries({ queryKey: sessionKeys.lists(parent) });
      }),
    [parent, queryClient],
  );
}

export function sessionDetailQuery(name: string) {
  return queryOptions({
    queryKey: sessionKeys.detail(name),
    queryFn: ({ signal }) => getSession(name, signal),
    refetchInterval: (query) => pollIntervalFor(query.state.data),
  });
}

/** Fast while changing, slow while ACTIVE, not at all once it has ended. */
export function pollIntervalFor(session: Session | undefined): number | false {
  if (!session) return SLOW_POLL_MS;
  if (isTransitional(session.state)) return FAST_POLL_MS;
  if (isTerminal(session.state)) return false;
  return SLOW_POLL_MS;
}

/**
 * Whether this session is being deleted (by the mutation in session-mutations.ts, whose key this
 * names): its page stops polling, as its 404 is then expected. Here, with the queries, so the
 * routes that poll load no mutation code.
 */
export function useIsBeingDeleted(name: string): boolean {
  return (
    useIsMutating({
      mutationKey: [...sessionKeys.all, 'delete'],
      predicate: (m) => (m.state.variables as { name?: string } | undefined)?.name === name,
    }) > 0
  );
}
