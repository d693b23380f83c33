import { useSearch } from 'wouter';
import {
  paths,
  routes,
  type JobFilter,
  type SessionSearch,
  type SparkView,
} from '../../../schemas/console-routes';

export type { JobFilter, SparkView };

/**
 * The Spark tab's place in the session page's URL (its search parameters are declared in
 * src/schemas/console-routes.ts): `?tab=spark&app=ID&view=…&jobs=…&job=ID&stage=ID&find=…`.
 */
export interface SparkPlace {
  /** The application ID, when not the session's first (newest) one. */
  app?: string;
  view: SparkView;
  /** Only the jobs in this state, in the jobs view. */
  jobs?: JobFilter;
  job?: string;
  stage?: string;
  /** The environment view's search text. */
  find?: string;
}

/** The session page's `tab` value that opens the Spark tab (the tab itself is declared in src/app). */
export const SPARK_TAB = 'spark';

export function readSparkPlace(search: SessionSearch): SparkPlace {
  return {
    ...(search.app ? { app: search.app } : {}),
    view: search.view ?? 'jobs',
    ...(search.jobs ? { jobs: search.jobs } : {}),
    job: search.job || undefined,
    stage: search.stage || undefined,
    find: search.find || undefined,
  };
}

/** A session page's search parameters for a place in its Spark tab (jobs, the default view, is left out). */
export function sparkSearch(place: Partial<SparkPlace>): SessionSearch {
  const { app, view, jobs, job, stage, find } = place;
  return { tab: SPARK_TAB, app, view: view === 'jobs' ? undefined : view, jobs, job, stage, find };
}

/** A link to a place in a session's Spark tab. */
export const sparkHref = (sessionName: string, place: Partial<SparkPlace>) =>
  paths.session(sessionName, sparkSearch(place));

/** The current place and links to others in the same session's Spark tab. */
export function useSparkPlace(sessionName: string) {
  const place = readSparkPlace(routes.session.readSearch(useSearch()));
  // Links stay within the application shown unless they name another.
  return { place, href: (to: Partial<SparkPlace>) => sparkHref(sessionName, { app: place.app, ...to }) };
}
