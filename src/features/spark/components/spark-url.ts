import { useLocation, useSearchParams } from 'wouter';

/** The Spark tab's place in the URL: `?tab=spark&view=jobs|executors|sql&job=ID&stage=ID`. */
export type SparkView = 'jobs' | 'executors' | 'sql';
export interface SparkPlace {
  view: SparkView;
  job?: string;
  stage?: string;
}

export function readSparkPlace(params: URLSearchParams): SparkPlace {
  const view = params.get('view');
  return {
    view: view === 'executors' || view === 'sql' ? view : 'jobs',
    job: params.get('job') || undefined,
    stage: params.get('stage') || undefined,
  };
}

export function sparkSearch(place: Partial<SparkPlace>): string {
  const params = new URLSearchParams({ tab: 'spark' });
  if (place.view && place.view !== 'jobs') params.set('view', place.view);
  if (place.job) params.set('job', place.job);
  if (place.stage) params.set('stage', place.stage);
  return `?${params}`;
}

/** The current place and links to others on the same session page. */
export function useSparkPlace() {
  const [params] = useSearchParams();
  const [path] = useLocation();
  return { place: readSparkPlace(params), href: (to: Partial<SparkPlace>) => `${path}${sparkSearch(to)}` };
}
