/** Console URLs. They mirror the API's resource names, so a link is also a resource name. */
export const DEFAULT_PROJECT = 'demo-project';
export const DEFAULT_LOCATION = 'us-central1';

export const paths = {
  sessions: (project: string, location: string) => `/projects/${project}/locations/${location}/sessions`,
  newSession: (project: string, location: string) =>
    `/projects/${project}/locations/${location}/sessions/new`,
  /** From a resource name: projects/P/locations/L/sessions/S. */
  session: (name: string) => `/${name}`,
  template: (name: string) => `/${name}`,
};

/** Dataproc Serverless regions offered in the picker; any other can be typed. */
export const KNOWN_REGIONS = [
  'us-central1',
  'us-east1',
  'us-east4',
  'us-west1',
  'us-west2',
  'us-west4',
  'northamerica-northeast1',
  'southamerica-east1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west9',
  'europe-north1',
  'asia-east1',
  'asia-northeast1',
  'asia-south1',
  'asia-southeast1',
  'australia-southeast1',
  'me-central2',
];
