import { parentName, parseName, type Place } from './names';
import type { FieldViolation, Session, SessionTemplate } from './wire';
import {
  DURATION,
  LABEL_KEY,
  LABEL_VALUE,
  isSystemLabel,
  labelKeyProblem,
  labelValueProblem,
  parseDurationSeconds,
} from './label-rules';

export {
  DURATION,
  LABEL_KEY,
  LABEL_VALUE,
  isSystemLabel,
  labelKeyProblem,
  labelValueProblem,
  parseDurationSeconds,
};

/**
 * Every input rule the Dataproc API states for sessions and templates, written once. The emulator
 * answers 400 with these violations; the create form runs the same functions before it sends, so
 * the two can never disagree. Field paths are JSON paths below the request message
 * (`session.labels`, `session.environmentConfig.executionConfig.ttl`).
 */

/** 4–63 of a–z, 0–9 and hyphens, not starting with one (a leading hyphen reads as a flag). */
export const SESSION_ID = /^[a-z0-9][a-z0-9-]{3,62}$/;
export const REQUEST_ID = /^[A-Za-z0-9_-]{1,40}$/;
export const MAX_LABELS = 32;
export const MAX_RESOURCE_MANAGER_TAGS = 30;
export const MIN_TTL_SECONDS = 10 * 60;
export const MAX_TTL_SECONDS = 14 * 24 * 60 * 60;
export const BUCKET_NAME = /^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$/;
export const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
export const METASTORE_SERVICE = /^projects\/[^/]+\/locations\/[^/]+\/services\/[^/]+$/;
export const HISTORY_SERVER_CLUSTER = /^projects\/[^/]+\/regions\/[^/]+\/clusters\/[^/]+$/;
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const NETWORK_TAG = LABEL_KEY;
const TEMPLATE_URL_PREFIX = 'https://www.googleapis.com/compute/v1/';
const TAG_KEY = /^(?:tagKeys\/\d+|[^/\s]+\/[^/\s]+)$/;
const TAG_VALUE = /^(?:tagValues\/\d+|[^/\s]+)$/;

/** The session ID rule; template IDs follow it too (`what` names the field in the message). */
export function sessionIdProblem(id: string | undefined, what = 'The session ID'): string | undefined {
  if (!id) return `${what} is required.`;
  if (id.length < 4 || id.length > 63) return `${what} must be 4 to 63 characters (it has ${id.length}).`;
  if (id.startsWith('-')) return `${what} must start with a lowercase letter or a digit, not a hyphen.`;
  if (!SESSION_ID.test(id)) return `${what} may contain only lowercase letters a–z, digits 0–9 and hyphens.`;
  return undefined;
}

/** Template IDs are not specified by Google; we apply the session ID rule (README). */
export const templateIdProblem = (id: string | undefined) => sessionIdProblem(id, 'The template ID');

export function requestIdProblem(id: string | undefined): string | undefined {
  if (id === undefined || id === '') return undefined;
  if (id.length > 40) return `The request ID must be at most 40 characters (it has ${id.length}).`;
  if (!REQUEST_ID.test(id))
    return 'The request ID may contain only letters, digits, underscores and hyphens.';
  return undefined;
}

/**
 * A rule's finding, with the field as a structured path below the resource (a map key is
 * `{ key }`), and for a map entry whether its key or its value is wrong. The form places it by
 * path; `wireViolation` turns it into the API's `field` string.
 */
export type PathSegment = string | { key: string };
export interface RuleViolation {
  path: PathSegment[];
  description: string;
  part?: 'key' | 'value';
}

/** `['session', 'labels', { key: 'Bad' }]` → `session.labels["Bad"]`, as the API writes field paths. */
export function formatFieldPath(path: PathSegment[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'string' ? (i === 0 ? segment : `.${segment}`) : `[${JSON.stringify(segment.key)}]`,
    )
    .join('');
}

/** The inverse of `formatFieldPath`, for field paths in a server's 400 answer. */
export function parseFieldPath(field: string): PathSegment[] {
  const out: PathSegment[] = [];
  const token = /\.?([A-Za-z_][\w]*)|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of field.matchAll(token)) {
    if (match[1] !== undefined) out.push(match[1]);
    else out.push({ key: JSON.parse(match[2]!) as string });
  }
  return out;
}

export function wireViolation(root: string, violation: RuleViolation): FieldViolation {
  return { field: formatFieldPath([root, ...violation.path]), description: violation.description };
}

/**
 * The Serverless for Apache Spark runtime versions the console offers and the emulator runs
 * (its sessions with any other version fail while starting, as the service's do). A patch version
 * of one (`2.2.41`) is accepted too.
 */
export const SUPPORTED_RUNTIME_VERSIONS = ['3.0', '2.3', '2.2', '1.2'];
const VERSION_SHAPE = /^\d+\.\d+(?:\.\d+)?$/;

export function isSupportedRuntimeVersion(version: string): boolean {
  return SUPPORTED_RUNTIME_VERSIONS.some((v) => version === v || version.startsWith(`${v}.`));
}

/** The runtime version rule, for the form (before sending) and the emulator (at start-up). */
export function runtimeVersionProblem(version: string): string | undefined {
  const list = `${SUPPORTED_RUNTIME_VERSIONS.slice(0, -1).join(', ')} or ${SUPPORTED_RUNTIME_VERSIONS.at(-1)}`;
  if (!VERSION_SHAPE.test(version))
    return `"${version}" is not a runtime version: versions are numbers such as 2.3 or 2.2.41. Choose ${list}, or leave empty for the default.`;
  if (!isSupportedRuntimeVersion(version))
    return `Runtime version ${version} is not supported. Choose ${list} (or one of their patch versions, such as 2.2.41), or leave empty for the default.`;
  return undefined;
}

/**
 * A container image reference: `[HOST[:PORT]/]PATH[:TAG][@sha256:DIGEST]`, lowercase path
 * components (the OCI distribution rule). Whether it exists is for the registry to say.
 */
const IMAGE_REFERENCE =
  /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function containerImageProblem(image: string): string | undefined {
  if (IMAGE_REFERENCE.test(image)) return undefined;
  return 'The container image must be an image reference such as us-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE:TAG (lowercase, no spaces, no https://).';
}

export function labelsViolations(labels: Record<string, string> | undefined): RuleViolation[] {
  if (!labels) return [];
  const out: RuleViolation[] = [];
  const keys = Object.keys(labels);
  if (keys.length > MAX_LABELS)
    out.push({
      path: ['labels'],
      description: `At most ${MAX_LABELS} labels are allowed (there are ${keys.length}).`,
    });
  for (const key of keys) {
    const path = ['labels', { key }];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) out.push({ path, part: 'key', description: `${keyProblem} Key: "${key}".` });
    const valueProblem = labelValueProblem(labels[key] ?? '');
    if (valueProblem) out.push({ path, part: 'value', description: `${valueProblem} Label "${key}".` });
  }
  return out;
}

export function ttlProblem(text: string, what: 'ttl' | 'idleTtl'): string | undefined {
  const name = what === 'ttl' ? 'The TTL' : 'The idle TTL';
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) return `${name} must be a duration in seconds such as "3600s" (got "${text}").`;
  if (seconds < MIN_TTL_SECONDS || seconds > MAX_TTL_SECONDS)
    return `${name} must be between 10 minutes (600s) and 14 days (1209600s) (got ${text}).`;
  return undefined;
}

export function bucketProblem(bucket: string): string | undefined {
  if (bucket.startsWith('gs://')) return 'The staging bucket takes a bucket name, not a gs:// URI.';
  if (!BUCKET_NAME.test(bucket))
    return 'The staging bucket must be a bucket name: 3 to 63 lowercase letters, digits, dots, hyphens or underscores, starting and ending with a letter or digit.';
  return undefined;
}

export type { Place };

const COMPUTE_URL = /^https:\/\/(?:www|compute)\.googleapis\.com\/compute\/(?:v1|beta)\//;
const RESOURCE_ID = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const NETWORK = /^(?:projects\/[^/\s]+\/global\/networks\/([^/\s]+)|([^/\s]+))$/;
const SUBNETWORK = /^(?:projects\/[^/\s]+\/)?regions\/([^/\s]+)\/subnetworks\/([^/\s]+)$/;

/** A VPC network: a name, `projects/P/global/networks/N`, or the compute URL of one. */
export function networkProblem(uri: string): string | undefined {
  const match = NETWORK.exec(uri.replace(COMPUTE_URL, ''));
  const name = match?.[1] ?? match?.[2];
  if (!name || !RESOURCE_ID.test(name))
    return 'The network must be a network name (such as default), projects/PROJECT/global/networks/NAME, or its https://www.googleapis.com/compute/v1/… URL.';
  return undefined;
}

/** A subnetwork: a name, `projects/P/regions/R/subnetworks/S` (or its URL) in the session's region. */
export function subnetworkProblem(uri: string, place?: Place): string | undefined {
  const bare = uri.replace(COMPUTE_URL, '');
  const match = SUBNETWORK.exec(bare);
  if (!match) {
    if (RESOURCE_ID.test(bare)) return undefined;
    return 'The subnetwork must be a subnetwork name, projects/PROJECT/regions/REGION/subnetworks/NAME, or its https://www.googleapis.com/compute/v1/… URL.';
  }
  if (place && match[1] !== place.location)
    return `The subnetwork is in ${match[1]}, but the session runs in ${place.location}: choose a subnetwork of ${place.location}.`;
  if (!RESOURCE_ID.test(match[2]!))
    return 'The subnetwork name must be lowercase letters, digits and hyphens.';
  return undefined;
}

/**
 * Common Spark properties whose values have a type: a wrong one fails only when Spark starts, so
 * it is caught here. Sizes are JVM memory strings (`512m`, `4g`, `2gb`).
 */
const PROPERTY_TYPES: Record<string, 'size' | 'count' | 'boolean'> = {
  'spark.driver.memory': 'size',
  'spark.executor.memory': 'size',
  'spark.driver.memoryOverhead': 'size',
  'spark.executor.memoryOverhead': 'size',
  'spark.driver.maxResultSize': 'size',
  'spark.executor.pyspark.memory': 'size',
  'spark.driver.cores': 'count',
  'spark.executor.cores': 'count',
  'spark.executor.instances': 'count',
  'spark.dynamicAllocation.minExecutors': 'count',
  'spark.dynamicAllocation.maxExecutors': 'count',
  'spark.dynamicAllocation.initialExecutors': 'count',
  'spark.sql.shuffle.partitions': 'count',
  'spark.dynamicAllocation.enabled': 'boolean',
  'spark.sql.adaptive.enabled': 'boolean',
  'spark.speculation': 'boolean',
  'spark.sql.adaptive.skewJoin.enabled': 'boolean',
};

export function propertyValueProblem(key: string, value: string): string | undefined {
  const type = Object.hasOwn(PROPERTY_TYPES, key) ? PROPERTY_TYPES[key] : undefined;
  const v = value.trim();
  if (type === 'size' && !/^\d+(?:[kmgtp]b?)?$/i.test(v))
    return `${key} is a size such as 512m, 4g or 2gb (got "${value}").`;
  if (type === 'count' && !/^\d+$/.test(v)) return `${key} is a whole number (got "${value}").`;
  if (type === 'boolean' && v !== 'true' && v !== 'false') return `${key} is true or false (got "${value}").`;
  return undefined;
}

/**
 * Accepts both forms Google documents for Session.sessionTemplate and returns the resource name,
 * or a problem when it is malformed or in another project or region.
 */
export function normalizeTemplateRef(ref: string, place: Place): { name?: string; problem?: string } {
  const bare = ref.startsWith(TEMPLATE_URL_PREFIX) ? ref.slice(TEMPLATE_URL_PREFIX.length) : ref;
  const parsed = parseName(bare);
  if (parsed?.collection !== 'sessionTemplates')
    return {
      problem:
        'The template must be projects/PROJECT/locations/REGION/sessionTemplates/ID or the https://www.googleapis.com/compute/v1/… URL of one.',
    };
  if (parsed.project !== place.project || parsed.location !== place.location)
    return {
      problem: `The template must be in the same project and region as the session (${parentName(place)}).`,
    };
  return { name: bare };
}

type ConfigBody = Pick<
  Session,
  'jupyterSession' | 'sparkConnectSession' | 'labels' | 'runtimeConfig' | 'environmentConfig'
>;

/** Rules for what sessions and templates share: session type, labels, runtime and environment config. */
export function configViolations(body: ConfigBody, place?: Place): RuleViolation[] {
  const out: RuleViolation[] = [];
  const push = (field: string, description: string | undefined) => {
    if (description) out.push({ path: field.split('.'), description });
  };
  if (body.jupyterSession && body.sparkConnectSession)
    push(
      'sparkConnectSession',
      "Only one session type may be set: oneof field 'session_config' is already set (jupyterSession). Cannot set 'sparkConnectSession'.",
    );
  out.push(...labelsViolations(body.labels));
  const runtime = body.runtimeConfig;
  for (const [key, value] of Object.entries(runtime?.properties ?? {})) {
    const path = ['runtimeConfig', 'properties', { key }];
    if (key.trim() === '' || /\s/.test(key))
      out.push({
        path,
        part: 'key',
        description: `Property names cannot be empty or contain spaces ("${key}").`,
      });
    const valueProblem = propertyValueProblem(key, value);
    if (valueProblem) out.push({ path, part: 'value', description: valueProblem });
  }
  if (runtime?.containerImage)
    push('runtimeConfig.containerImage', containerImageProblem(runtime.containerImage));
  const pypi = runtime?.repositoryConfig?.pypiRepositoryConfig?.pypiRepository;
  if (pypi !== undefined && pypi !== '' && !/^https?:\/\/\S+$/.test(pypi))
    push(
      'runtimeConfig.repositoryConfig.pypiRepositoryConfig.pypiRepository',
      'The PyPI repository must be an http(s):// URL.',
    );
  const exec = body.environmentConfig?.executionConfig;
  const e = 'environmentConfig.executionConfig';
  if (exec) {
    if (exec.networkUri && exec.subnetworkUri)
      push(
        `${e}.subnetworkUri`,
        "Set a network or a subnetwork, not both: oneof field 'network' is already set. Cannot set 'subnetworkUri'.",
      );
    if (exec.ttl !== undefined) push(`${e}.ttl`, ttlProblem(exec.ttl, 'ttl'));
    if (exec.idleTtl !== undefined) push(`${e}.idleTtl`, ttlProblem(exec.idleTtl, 'idleTtl'));
    if (exec.stagingBucket) push(`${e}.stagingBucket`, bucketProblem(exec.stagingBucket));
    if (exec.kmsKey && !KMS_KEY.test(exec.kmsKey))
      push(
        `${e}.kmsKey`,
        'The KMS key must be projects/PROJECT/locations/LOCATION/keyRings/RING/cryptoKeys/KEY.',
      );
    if (exec.serviceAccount && !EMAIL.test(exec.serviceAccount))
      push(`${e}.serviceAccount`, 'The service account must be an email address.');
    if (exec.networkUri) push(`${e}.networkUri`, networkProblem(exec.networkUri));
    if (exec.subnetworkUri) push(`${e}.subnetworkUri`, subnetworkProblem(exec.subnetworkUri, place));
    for (const tag of exec.networkTags ?? [])
      if (!NETWORK_TAG.test(tag))
        push(
          `${e}.networkTags`,
          `Network tag "${tag}" must be 1 to 63 lowercase letters, digits or hyphens, starting with a letter.`,
        );
    const tags = exec.resourceManagerTags ?? {};
    if (Object.keys(tags).length > MAX_RESOURCE_MANAGER_TAGS)
      push(
        `${e}.resourceManagerTags`,
        `At most ${MAX_RESOURCE_MANAGER_TAGS} resource manager tags are allowed.`,
      );
    for (const [key, value] of Object.entries(tags))
      if (!TAG_KEY.test(key) || !TAG_VALUE.test(value))
        out.push({
          path: ['environmentConfig', 'executionConfig', 'resourceManagerTags', { key }],
          part: TAG_KEY.test(key) ? 'value' : 'key',
          description: `Tag "${key}": keys are tagKeys/ID or ORG_OR_PROJECT/SHORT_NAME, values tagValues/ID or SHORT_NAME.`,
        });
  }
  const peripherals = body.environmentConfig?.peripheralsConfig;
  const p = 'environmentConfig.peripheralsConfig';
  if (peripherals?.metastoreService && !METASTORE_SERVICE.test(peripherals.metastoreService))
    push(
      `${p}.metastoreService`,
      'The metastore service must be projects/PROJECT/locations/REGION/services/SERVICE.',
    );
  const cluster = peripherals?.sparkHistoryServerConfig?.dataprocCluster;
  if (cluster && !HISTORY_SERVER_CLUSTER.test(cluster))
    push(
      `${p}.sparkHistoryServerConfig.dataprocCluster`,
      'The history server cluster must be projects/PROJECT/regions/REGION/clusters/CLUSTER.',
    );
  return out;
}

/** Rules for a Session sent to sessions.create, except whether its template exists (a lookup). */
export function sessionRuleViolations(session: Session, place: Place): RuleViolation[] {
  const out = configViolations(session, place);
  if (session.user && !EMAIL.test(session.user))
    out.push({
      path: ['user'],
      description: 'The owner must be an email address, such as name@example.com.',
    });
  if (session.sessionTemplate) {
    const { problem } = normalizeTemplateRef(session.sessionTemplate, place);
    if (problem) out.push({ path: ['sessionTemplate'], description: problem });
  }
  return out;
}

export function sessionViolations(session: Session, place: Place): FieldViolation[] {
  return sessionRuleViolations(session, place).map((v) => wireViolation('session', v));
}

export function templateRuleViolations(template: SessionTemplate, place: Place): RuleViolation[] {
  const out = configViolations(template, place);
  if (!template.name) out.push({ path: ['name'], description: 'The template name is required.' });
  else {
    const parsed = parseName(template.name);
    if (
      parsed?.collection !== 'sessionTemplates' ||
      parsed.project !== place.project ||
      parsed.location !== place.location
    )
      out.push({
        path: ['name'],
        description: `The template name must be ${parentName(place)}/sessionTemplates/ID.`,
      });
    else {
      const idProblem = templateIdProblem(parsed.id);
      if (idProblem) out.push({ path: ['name'], description: idProblem });
    }
  }
  if (template.description && template.description.length > 1024)
    out.push({
      path: ['description'],
      description: `The description must be at most 1,024 characters (it has ${template.description.length.toLocaleString('en-US')}).`,
    });
  return out;
}

export function templateViolations(template: SessionTemplate, place: Place): FieldViolation[] {
  return templateRuleViolations(template, place).map((v) => wireViolation('sessionTemplate', v));
}
