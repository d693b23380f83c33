import { apiRequest } from '../../../lib/api-client';
import * as spark from '../../../schemas/spark';

/**
 * Plain calls to projects.locations.sessions.sparkApplications. Every call but `search` names the
 * application and repeats its session as `parent`, as the API requires.
 */

export interface AppRef {
  /** projects/…/sessions/S/sparkApplications/APP */
  app: string;
  /** projects/…/sessions/S */
  session: string;
}

export interface PageParams {
  pageSize?: number;
  pageToken?: string;
}

/** The API's own maximum page size for these searches. */
export const MAX_PAGE_SIZE = 100;

export function searchApplications(session: string, signal?: AbortSignal) {
  return apiRequest(`${session}/sparkApplications:search`, {
    signal,
    schema: spark.SearchSessionSparkApplicationsResponse,
  });
}

export function searchJobs(ref: AppRef, params: PageParams & { jobStatus?: string }, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:searchJobs`, {
    query: { parent: ref.session, ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationJobsResponse,
  });
}

export function accessJob(ref: AppRef, jobId: string, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:accessJob`, {
    query: { parent: ref.session, jobId },
    signal,
    schema: spark.AccessSessionSparkApplicationJobResponse,
  });
}

export function summarizeJobs(ref: AppRef, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:summarizeJobs`, {
    query: { parent: ref.session },
    signal,
    schema: spark.SummarizeSessionSparkApplicationJobsResponse,
  });
}

/**
 * Stages with their task-time quantiles (the diagnosis needs them). The mask is written with the
 * proto field name, as the API's own description shows it: a field mask given in JSON form is
 * turned from camelCase into snake_case, so this spelling means the same either way.
 */
export function searchStages(
  ref: AppRef,
  params: PageParams & { stageIds?: readonly string[] },
  signal?: AbortSignal,
) {
  return apiRequest(`${ref.app}:searchStages`, {
    query: { parent: ref.session, summaryMetricsMask: 'task_quantile_metrics', ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationStagesResponse,
  });
}

export function searchStageTasks(
  ref: AppRef,
  stageId: string,
  params: PageParams & { taskStatus?: string; sortRuntime?: boolean },
  signal?: AbortSignal,
) {
  return apiRequest(`${ref.app}:searchStageAttemptTasks`, {
    query: { parent: ref.session, stageId, stageAttemptId: 0, ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationStageAttemptTasksResponse,
  });
}

export function searchExecutors(ref: AppRef, params: PageParams, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:searchExecutors`, {
    query: { parent: ref.session, ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationExecutorsResponse,
  });
}

export function searchSqlQueries(ref: AppRef, params: PageParams, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:searchSqlQueries`, {
    query: { parent: ref.session, planDescription: true, ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationSqlQueriesResponse,
  });
}

export function searchStageExecutors(ref: AppRef, stageId: string, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:searchExecutorStageSummary`, {
    query: { parent: ref.session, stageId, stageAttemptId: 0, pageSize: MAX_PAGE_SIZE },
    signal,
    schema: spark.SearchSessionSparkApplicationExecutorStageSummaryResponse,
  });
}

export function accessEnvironmentInfo(ref: AppRef, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:accessEnvironmentInfo`, {
    query: { parent: ref.session },
    signal,
    schema: spark.AccessSessionSparkApplicationEnvironmentInfoResponse,
  });
}

export function accessStageRddGraph(ref: AppRef, stageId: string, signal?: AbortSignal) {
  return apiRequest(`${ref.app}:accessStageRddGraph`, {
    query: { parent: ref.session, stageId },
    signal,
    schema: spark.AccessSessionSparkApplicationStageRddOperationGraphResponse,
  });
}
