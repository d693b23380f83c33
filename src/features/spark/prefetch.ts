import type { QueryClient } from '@tanstack/react-query';
import { applicationsQuery, jobsQuery } from './api/spark-queries';

/**
 * Loads a session's Spark application and its first page of jobs into the cache: the tab needs the
 * application's name before it can ask for jobs, so both start as early as possible. A failure is
 * left for the tab to show when it asks again. Settles when both are in (the server's render waits).
 */
export function prefetchSpark(client: QueryClient, sessionName: string): Promise<void> {
  return client
    .fetchQuery(applicationsQuery(sessionName, true))
    .then((data) => {
      const app = data.sparkApplications?.[0]?.name;
      if (app) return client.prefetchInfiniteQuery(jobsQuery({ app, session: sessionName }, true));
    })
    .catch(() => undefined);
}
