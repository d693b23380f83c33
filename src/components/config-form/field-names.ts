/**
 * Each form field's DOM id and its name in words, by its react-hook-form path: the error summary
 * links to the id and names the field as its label does, so a problem reads the same in the list
 * and at the field.
 */

/** `labels.0.key` → `field-labels-0-key`. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^\w-]/g, '-')}`;
}

const CONFIG_LABELS: Record<string, string> = {
  sessionType: 'Session type',
  kernel: 'Kernel',
  displayName: 'Kernel display name',
  version: 'Runtime version',
  containerImage: 'Custom container image',
  pypiRepository: 'PyPI repository',
  scenarios: 'Autotuning scenarios',
  cohort: 'Cohort',
  serviceAccount: 'Service account',
  network: 'Network',
  networkUri: 'Network URI',
  subnetworkUri: 'Subnetwork URI',
  networkTags: 'Network tags',
  kmsKey: 'KMS key',
  ttl: 'TTL',
  idleTtl: 'Idle TTL',
  stagingBucket: 'Staging bucket',
  authType: 'User workload authentication',
  metastoreService: 'Metastore service',
  historyServerCluster: 'Spark history server cluster',
  labels: 'Labels',
  properties: 'Spark properties',
  resourceManagerTags: 'Resource manager tags',
};
const ROW_WHAT: Record<string, string> = {
  labels: 'Label',
  properties: 'Property',
  resourceManagerTags: 'Tag',
};

/** The label a field shows; `own` names the form's own fields (Session ID, Template ID, …). */
export function fieldLabel(path: string, own: Record<string, string> = {}): string {
  const [head = '', index, part] = path.split('.');
  if (own[head]) return own[head];
  if (ROW_WHAT[head] && index !== undefined && /^\d+$/.test(index))
    return `${ROW_WHAT[head]} ${part === 'value' ? 'value' : 'key'} ${Number(index) + 1}`;
  return CONFIG_LABELS[head] ?? (head === 'root' ? 'Request' : head);
}
