/** Console URLs live in src/lib/paths.ts (features use them too); the header keeps its region list here. */
export { DEFAULT_LOCATION, DEFAULT_PROJECT, paths } from '../lib/paths';

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
