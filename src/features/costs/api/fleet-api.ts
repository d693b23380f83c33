import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { listSessions } from '../../../lib/api/sessions-api';
import { FAST_POLL_MS, SLOW_POLL_MS, isTransitional } from '../../../lib/session-state';
import { parentName } from '../../../schemas/names';
import { KNOWN_REGIONS } from '../../../schemas/regions';
import * as spark from '../../../schemas/spark';
import type { Session } from '../../../schemas/wire';
import { fanOutRegions, type RegionResult } from '../model';

/**
 * What the fleet, idle and right-sizing views read: every region's sessions (fanned out with
 * bounded concurrency) and the few Spark calls they need (the price table is prices-query.ts) (the Spark
 * feature's own calls may not be imported from here).
 */

/** Sessions read per list call (the API's maximum) and at most this many pages per region. */
export const FLEET_PAGE_SIZE = 1000;
export const FLEET_MAX_PAGES = 10;
/** Regions read at once: 6 calls in flight keep a refresh of 42 regions to about 7 round trips. */
export const FLEET_CONCURRENCY = 6;

export interface RegionSessions {
  sessions: Session[];
  /** More than FLEET_MAX_PAGES pages: the rest were not read (and are in no figure). */
  truncated: boolean;
}

export interface FleetData {
  regions: readonly string[];
  results: RegionResult<RegionSessions>[];
  /** List calls made, retries after a 429 included. */
  requests: number;
  /**
   * How far the service's clock is ahead of this browser's (ms, never negative), from the newest
   * `currentUsage.snapshotTime`: "now" for idle time and cost is the service's, not a slow laptop's.
   */
  clockAheadMs: number;
}

async function readRegion(
  project: string,
  region: string,
  count: () => void,
  signal?: AbortSignal,
): Promise<RegionSessions> {
  const parent = parentName({ project, location: region });
  const sessions: Session[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < FLEET_MAX_PAGES; page++) {
    count();
    const answer = await listSessions(
      parent,
      { pageSize: FLEET_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) },
      signal,
    );
    sessions.push(...(answer.sessions ?? []));
    pageToken = answer.nextPageToken || undefined;
    if (!pageToken) return { sessions, truncated: false };
  }
  return { sessions, truncated: true };
}

export function clockAheadOf(results: RegionResult<RegionSessions>[], browserNow: number): number {
  let newest = 0;
  for (const result of results)
    if (result.ok)
      for (const session of result.value.sessions) {
        const at = Date.parse(session.runtimeInfo?.currentUsage?.snapshotTime ?? '');
        if (at > newest) newest = at;
      }
  return Math.max(0, newest - browserNow);
}

/** Every region's sessions; a region that fails is answered as such, beside the others. */
export async function readFleet(
  project: string,
  regions: readonly string[] = KNOWN_REGIONS,
  signal?: AbortSignal,
): Promise<FleetData> {
  let requests = 0;
  const results = await fanOutRegions(
    regions,
    (region, taskSignal) => readRegion(project, region, () => requests++, taskSignal),
    { concurrency: FLEET_CONCURRENCY, signal },
  );
  return { regions, results, requests, clockAheadMs: clockAheadOf(results, Date.now()) };
}

/**
 * Refreshed on the list's schedule: every 2 s while a session is changing state, else every 10 s.
 * At one list call per region per refresh that is at most 30 reads a minute per region, far inside
 * the 7,500 a minute the API allows.
 */
export function fleetQuery(project: string) {
  return queryOptions({
    queryKey: ['costs', 'fleet', project],
    queryFn: ({ signal }) => readFleet(project, KNOWN_REGIONS, signal),
    refetchInterval: (query) =>
      query.state.data?.results.some((r) => r.ok && r.value.sessions.some((s) => isTransitional(s.state)))
        ? FAST_POLL_MS
        : SLOW_POLL_MS,
  });
}

/** The session's Spark applications (one for a session; the newest last is not promised, so all). */
export function searchApplications(session: string, signal?: AbortSignal) {
  return apiRequest(`${session}/sparkApplications:search`, {
    signal,
    schema: spark.SearchSessionSparkApplicationsResponse,
  });
}

function searchJobs(
  app: string,
  session: string,
  params: { pageSize: number; jobStatus?: string },
  signal?: AbortSignal,
) {
  return apiRequest(`${app}:searchJobs`, {
    query: { parent: session, ...params },
    signal,
    schema: spark.SearchSessionSparkApplicationJobsResponse,
  });
}

export interface JobActivity {
  /** The latest end among the newest 100 jobs of each application (ms); null when none ended. */
  latestJobEnd: number | null;
  jobRunning: boolean;
}

/**
 * What the jobs API says of a session's activity: whether a job runs (a search for running jobs)
 * and when the latest one ended (jobs come newest first; the newest 100 are read, so a job submitted
 * before 100 later ones and still ending after all of them would be missed).
 */
export async function jobActivity(session: string, signal?: AbortSignal): Promise<JobActivity> {
  const apps = (await searchApplications(session, signal)).sparkApplications ?? [];
  let latestJobEnd: number | null = null;
  let jobRunning = false;
  for (const app of apps) {
    if (!app.name) continue;
    const [running, recent] = await Promise.all([
      searchJobs(app.name, session, { pageSize: 1, jobStatus: 'JOB_EXECUTION_STATUS_RUNNING' }, signal),
      searchJobs(app.name, session, { pageSize: 100 }, signal),
    ]);
    if (running.sparkApplicationJobs?.length) jobRunning = true;
    for (const job of recent.sparkApplicationJobs ?? []) {
      if (job.status === 'JOB_EXECUTION_STATUS_RUNNING') jobRunning = true;
      const end = Date.parse(job.completionTime ?? '');
      if (Number.isFinite(end) && (latestJobEnd === null || end > latestJobEnd)) latestJobEnd = end;
    }
  }
  return { latestJobEnd, jobRunning };
}

/** Every executor of the session's applications, active and removed (at most 1,000). */
export async function sessionExecutors(
  session: string,
  signal?: AbortSignal,
): Promise<{ executors: spark.ExecutorSummary[]; applications: number }> {
  const apps = (await searchApplications(session, signal)).sparkApplications ?? [];
  const executors: spark.ExecutorSummary[] = [];
  for (const app of apps) {
    if (!app.name) continue;
    let pageToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await apiRequest(`${app.name}:searchExecutors`, {
        query: { parent: session, pageSize: 100, ...(pageToken ? { pageToken } : {}) },
        signal,
        schema: spark.SearchSessionSparkApplicationExecutorsResponse,
      });
      executors.push(...(answer.sparkApplicationExecutors ?? []));
      pageToken = answer.nextPageToken || undefined;
      if (!pageToken) break;
    }
  }
  return { executors, applications: apps.length };
}

/** A session's executors, one cache entry shared by the session's and its template's right-sizing. */
export function sessionExecutorsQuery(session: string) {
  return queryOptions({
    queryKey: ['costs', 'executors', session],
    queryFn: ({ signal }) => sessionExecutors(session, signal),
  });
}
