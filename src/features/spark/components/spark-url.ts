import { useLocation, useSearchParams } from 'wouter';

/**
 * The Spark tab's place in the URL:
 * `?tab=spark&app=ID&view=jobs|executors|sql&jobs=running|failed&job=ID&stage=ID` (`app` only when
 * the session has more than one application).
 */
export type SparkView = 'jobs' | 'executors' | 'sql';
export type JobFilter = 'running' | 'failed';
export interface SparkPlace {
  /** The application ID, when not the session's first (newest) one. */
  app?: string;
  view: SparkView;
  /** Only the jobs in this state, in the jobs view. */
  jobs?: JobFilter;
  job?: string;
  stage?: string;
}

export function readSparkPlace(params: URLSearchParams): SparkPlace {
  const view = params.get('view');
  const jobs = params.get('jobs');
  const app = params.get('app');
  return {
    ...(app ? { app } : {}),
    view: view === 'executors' || view === 'sql' ? view : 'jobs',
    ...(jobs === 'running' || jobs === 'failed' ? { jobs } : {}),
    job: params.get('job') || undefined,
    stage: params.get('stage') || undefined,
  };
}

export function sparkSearch(place: Partial<SparkPlace>): string {
  const params = new URLSearchParams({ tab: 'spark' });
  if (place.app) params.set('app', place.app);
  if (place.view && place.view !== 'jobs') params.set('view', place.view);
  if (place.jobs) params.set('jobs', place.jobs);
  if (place.job) params.set('job', place.job);
  if (place.stage) params.set('stage', place.stage);
  return `?${params}`;
}

/** The current place and links to others on the same session page. */
export function useSparkPlace() {
  const [params] = useSearchParams();
  const [path] = useLocation();
  const place = readSparkPlace(params);
  // Links stay within the application shown unless they name another.
  return { place, href: (to: Partial<SparkPlace>) => `${path}${sparkSearch({ app: place.app, ...to })}` };
}
