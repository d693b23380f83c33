import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { shouldRetry, retryDelay } from '../../../lib/api-client';
import { parentOf, sessionName } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { sessionKeys } from './session-queries';
import { noteSessionCreated } from './recent-creates';
import {
  createSession,
  deleteSession,
  sessionOf,
  terminateSession,
  waitForOperation,
} from '../../../lib/api/session-operations';

/** A fresh requestId: the API's idempotency key, at most 40 of [A-Za-z0-9_-]. */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/**
 * Mutations carry their requestId in their variables, so a retry (ours or the user's) repeats the
 * same request and the server ignores the duplicate. That is what makes retrying them safe.
 */
const mutationRetry = { retry: shouldRetry, retryDelay };

export interface CreateVariables {
  parent: string;
  sessionId: string;
  requestId: string;
  session: Session;
}

/**
 * Creates a session. Resolves once the server has accepted it, so the form can move on to the
 * session's page; the operation is then followed to the end and the views refreshed.
 */
export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    ...mutationRetry,
    mutationFn: ({ parent, sessionId, requestId, session }: CreateVariables) =>
      createSession(parent, sessionId, requestId, session),
    onSuccess: (operation, { parent, sessionId }) => {
      // The list looks for the new session every second for a while, here and in other tabs.
      noteSessionCreated(parent);
      const refresh = () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: sessionKeys.lists(parent) }),
          queryClient.invalidateQueries({ queryKey: sessionKeys.detail(sessionName(parent, sessionId)) }),
        ]);
      void waitForOperation(operation).then(refresh, refresh);
      return refresh();
    },
  });
}

export interface SessionActionVariables {
  name: string;
  requestId: string;
}

/** Terminate or delete, followed to completion; the views it changed are refreshed after. */
export function sessionActionOptions(queryClient: QueryClient, kind: 'terminate' | 'delete') {
  return {
    ...mutationRetry,
    mutationKey: [...sessionKeys.all, kind],
    mutationFn: async ({ name, requestId }: SessionActionVariables) => {
      const operation = await (kind === 'terminate'
        ? terminateSession(name, requestId)
        : deleteSession(name, requestId));
      // Show TERMINATING at once, then follow the operation to the end.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(name) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.lists(parentOf(name)) });
      const done = await waitForOperation(operation);
      return sessionOf(done);
    },
    onSettled: (_data: unknown, _error: unknown, { name }: SessionActionVariables) => {
      if (kind === 'delete') queryClient.removeQueries({ queryKey: sessionKeys.detail(name) });
      else void queryClient.invalidateQueries({ queryKey: sessionKeys.detail(name) });
      return queryClient.invalidateQueries({ queryKey: sessionKeys.lists(parentOf(name)) });
    },
  };
}

function useSessionAction(kind: 'terminate' | 'delete') {
  const queryClient = useQueryClient();
  return useMutation(sessionActionOptions(queryClient, kind));
}

export const useTerminateSession = () => useSessionAction('terminate');
export const useDeleteSession = () => useSessionAction('delete');
