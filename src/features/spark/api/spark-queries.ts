import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { JobData } from '../../../schemas/spark';
import {
  MAX_PAGE_SIZE,
  accessEnvironmentInfo,
  accessJob,
  accessStageRddGraph,
  searchApplications,
  searchExecutors,
  searchJobs,
  searchSqlQueries,
  searchStageExecutors,
  searchStageTasks,
  searchStages,
  summarizeJobs,
  type AppRef,
} from './spark-api';

/** While the application runs, its jobs are polled this often; once it has completed, not at all. */
export const LIVE_POLL_MS = 2000;
const poll = (live: boolean) => (live ? LIVE_POLL_MS : false);

export const sparkKeys = {
  all: ['spark'] as const,
  apps: (session: string) => [...sparkKeys.all, 'apps', session] as const,
  app: (app: string) => [...sparkKeys.all, 'app', app] as const,
};

export function applicationsQuery(session: string, live: boolean) {
  return queryOptions({
    queryKey: sparkKeys.apps(session),
    queryFn: ({ signal }) => searchApplications(session, signal),
    refetchInterval: poll(live),
  });
}

export function jobsSummaryQuery(ref: AppRef, live: boolean) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'jobs-summary'],
    queryFn: ({ signal }) => summarizeJobs(ref, signal),
    refetchInterval: poll(live),
  });
}

/** Jobs newest first, 50 a page; every loaded page is refreshed while the application runs. */
export function jobsQuery(ref: AppRef, live: boolean, jobStatus?: string) {
  return infiniteQueryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'jobs', jobStatus ?? 'all'],
    queryFn: ({ signal, pageParam }) =>
      searchJobs(ref, { pageSize: 50, pageToken: pageParam || undefined, jobStatus }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: poll(live),
  });
}

export function jobQuery(ref: AppRef, jobId: string, live: boolean) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'job', jobId],
    queryFn: ({ signal }) => accessJob(ref, jobId, signal),
    refetchInterval: (q) => poll(live && q.state.data?.jobData?.status === 'JOB_EXECUTION_STATUS_RUNNING'),
  });
}

/** The stages of the given IDs (a job's), with task quantiles. */
export function stagesQuery(ref: AppRef, stageIds: readonly string[], live: boolean) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'stages', stageIds],
    queryFn: ({ signal }) => searchStages(ref, { stageIds, pageSize: MAX_PAGE_SIZE }, signal),
    enabled: stageIds.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval: poll(live),
  });
}

/** The latest stages of the application, for the diagnosis summary. */
export function recentStagesQuery(ref: AppRef, live: boolean) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'recent-stages'],
    queryFn: ({ signal }) => searchStages(ref, { pageSize: MAX_PAGE_SIZE }, signal),
    refetchInterval: live ? LIVE_POLL_MS * 3 : false,
  });
}

export function tasksQuery(
  ref: AppRef,
  stageId: string,
  params: { taskStatus?: string; sortRuntime?: boolean; pageToken?: string },
  live: boolean,
) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'tasks', stageId, params],
    queryFn: ({ signal }) => searchStageTasks(ref, stageId, { pageSize: MAX_PAGE_SIZE, ...params }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: poll(live),
  });
}

/** One stage's work per executor (the first 100 executors). */
export function stageExecutorsQuery(ref: AppRef, stageId: string, live: boolean) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'stage-executors', stageId],
    queryFn: ({ signal }) => searchStageExecutors(ref, stageId, signal),
    refetchInterval: poll(live),
  });
}

export function executorsQuery(ref: AppRef, live: boolean) {
  return infiniteQueryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'executors'],
    queryFn: ({ signal, pageParam }) =>
      searchExecutors(ref, { pageSize: MAX_PAGE_SIZE, pageToken: pageParam || undefined }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: poll(live),
  });
}

export function sqlQueriesQuery(ref: AppRef, live: boolean) {
  return infiniteQueryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'sql'],
    queryFn: ({ signal, pageParam }) =>
      searchSqlQueries(ref, { pageSize: 50, pageToken: pageParam || undefined }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    refetchInterval: poll(live),
  });
}

export function isRunning(job: JobData): boolean {
  return job.status === 'JOB_EXECUTION_STATUS_RUNNING';
}

/** The application's effective configuration: fixed once it has started, so read once. */
export function environmentQuery(ref: AppRef) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'environment'],
    queryFn: ({ signal }) => accessEnvironmentInfo(ref, signal),
    staleTime: Infinity,
  });
}

/** A stage's RDD graph: fixed once the stage is planned, so read once. */
export function stageGraphQuery(ref: AppRef, stageId: string) {
  return queryOptions({
    queryKey: [...sparkKeys.app(ref.app), 'rdd-graph', stageId],
    queryFn: ({ signal }) => accessStageRddGraph(ref, stageId, signal),
    staleTime: Infinity,
  });
}
