import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Session } from '../../schemas/wire';
import { applicationsQuery, executorsQuery, jobsQuery } from './api/spark-queries';

const POLL_MS = 10_000;

/**
 * The session's newest Spark application and its latest page of jobs, polled every 10 s while the
 * session is ACTIVE: what the Overview's job strip and the usage chart both read (one cache entry).
 */
export function useOverviewSparkJobs(session: Session) {
  const wasActive =
    session.state === 'ACTIVE' || (session.stateHistory ?? []).some((h) => h.state === 'ACTIVE');
  const live = session.state === 'ACTIVE';
  const apps = useQuery({
    ...applicationsQuery(session.name!, live),
    enabled: wasActive,
    refetchInterval: live ? POLL_MS : false,
  });
  const app = apps.data?.sparkApplications?.[0];
  const ref = { app: app?.name ?? '', session: session.name! };
  const jobs = useInfiniteQuery({
    ...jobsQuery(ref, live),
    enabled: Boolean(app?.name),
    refetchInterval: live ? POLL_MS : false,
  });
  const first = jobs.data?.pages[0];
  return { app, ref, live, jobs: first?.sparkApplicationJobs, more: Boolean(first?.nextPageToken) };
}

/**
 * The session's Spark executors (add and remove times) and its latest page of jobs, for another
 * feature's chart (the composition root passes them on). Shares the query cache with the Overview's
 * job strip and the Spark tab, so it adds the executors request only. `undefined` until the
 * session has a Spark application.
 */
export function useSparkUsageTimeline(session: Session) {
  const { app, ref, live, jobs } = useOverviewSparkJobs(session);
  const executors = useInfiniteQuery({
    ...executorsQuery(ref, live),
    enabled: Boolean(app?.name),
    refetchInterval: live ? POLL_MS : false,
  });
  if (!app?.name || !executors.data) return undefined;
  return {
    executors: executors.data.pages.flatMap((page) => page.sparkApplicationExecutors ?? []),
    jobs: jobs ?? [],
  };
}
