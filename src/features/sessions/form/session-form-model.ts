import * as z from 'zod/mini';
import type { AuthenticationType, Kernel, Scenario } from '../../../schemas/enums';
import {
  labelKeyProblem,
  labelValueProblem,
  normalizeTemplateRef,
  parseDurationSeconds,
  sessionIdProblem,
  sessionViolations,
  type Place,
} from '../../../schemas/rules';
import {
  SESSION_OUTPUT_ONLY,
  lenient,
  strict,
  type FieldViolation,
  type Session,
} from '../../../schemas/wire';
import { idOf } from '../../../schemas/names';
import { isSystemLabel } from '../session-state';

/**
 * The create form's values and their translation to and from a Session. The form is validated by
 * turning its values into the Session it would send and running the same rules the emulator runs
 * (`sessionViolations`), so the form and the server cannot disagree.
 */

export type TtlUnit = 'min' | 'h' | 'd';
export const TTL_UNIT_SECONDS: Record<TtlUnit, number> = { min: 60, h: 3600, d: 86400 };

export interface Row {
  key: string;
  value: string;
}

export interface SessionFormValues {
  sessionId: string;
  sessionType: 'jupyter' | 'sparkConnect' | 'unset';
  kernel: Extract<Kernel, 'PYTHON' | 'SCALA'>;
  displayName: string;
  labels: Row[];
  version: string;
  containerImage: string;
  properties: Row[];
  pypiRepository: string;
  scenarios: Scenario[];
  cohort: string;
  serviceAccount: string;
  network: 'default' | 'network' | 'subnetwork';
  networkUri: string;
  subnetworkUri: string;
  networkTags: string;
  kmsKey: string;
  ttl: { amount: string; unit: TtlUnit };
  idleTtl: { amount: string; unit: TtlUnit };
  stagingBucket: string;
  authType: '' | Exclude<AuthenticationType, 'AUTHENTICATION_TYPE_UNSPECIFIED'>;
  resourceManagerTags: Row[];
  metastoreService: string;
  historyServerCluster: string;
  sessionTemplate: string;
  user: string;
}

export const KNOWN_RUNTIME_VERSIONS = ['3.0', '2.3', '2.2', '1.2'];
export const COMMON_SPARK_PROPERTIES = [
  'spark.executor.cores',
  'spark.executor.memory',
  'spark.driver.cores',
  'spark.driver.memory',
  'spark.executor.instances',
  'spark.dynamicAllocation.enabled',
  'spark.dynamicAllocation.minExecutors',
  'spark.dynamicAllocation.maxExecutors',
  'spark.sql.shuffle.partitions',
  'spark.dataproc.driver.compute.tier',
  'spark.dataproc.executor.compute.tier',
  'spark.dataproc.executor.disk.size',
  'spark.jars.packages',
];
export const SCENARIOS: Scenario[] = ['AUTO', 'SCALING', 'BROADCAST_HASH_JOIN', 'MEMORY', 'NONE'];

export function suggestSessionId(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `session-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export function emptyForm(sessionId = suggestSessionId()): SessionFormValues {
  return {
    sessionId,
    sessionType: 'jupyter',
    kernel: 'PYTHON',
    displayName: '',
    labels: [],
    version: '',
    containerImage: '',
    properties: [],
    pypiRepository: '',
    scenarios: [],
    cohort: '',
    serviceAccount: '',
    network: 'default',
    networkUri: '',
    subnetworkUri: '',
    networkTags: '',
    kmsKey: '',
    ttl: { amount: '', unit: 'h' },
    idleTtl: { amount: '', unit: 'h' },
    stagingBucket: '',
    authType: '',
    resourceManagerTags: [],
    metastoreService: '',
    historyServerCluster: '',
    sessionTemplate: '',
    user: '',
  };
}

/** "1.5" hours → "5400s"; undefined when empty or not a number. */
export function ttlToDuration(ttl: { amount: string; unit: TtlUnit }): string | undefined {
  const amount = ttl.amount.trim();
  if (!amount) return undefined;
  const n = Number(amount);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return `${Math.round(n * TTL_UNIT_SECONDS[ttl.unit])}s`;
}

/** "5400s" → 1.5 h, choosing the largest unit that gives a whole or short number. */
export function durationToTtl(duration: string | undefined): { amount: string; unit: TtlUnit } {
  const seconds = duration ? parseDurationSeconds(duration) : undefined;
  if (seconds === undefined) return { amount: '', unit: 'h' };
  for (const unit of ['d', 'h', 'min'] as const) {
    const amount = seconds / TTL_UNIT_SECONDS[unit];
    if (Number.isInteger(amount)) return { amount: String(amount), unit };
  }
  return { amount: String(Math.round((seconds / 60) * 1000) / 1000), unit: 'min' };
}

const text = (value: string) => (value.trim() ? value.trim() : undefined);
function rowsToMap(rows: Row[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.key.trim() !== '');
  return filled.length ? Object.fromEntries(filled.map((r) => [r.key.trim(), r.value.trim()])) : undefined;
}
function mapToRows(map: Record<string, string> | undefined): Row[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}

/** Drops undefined members and empty objects, so the body holds only what the user set. */
function prune<T>(value: T): T | undefined {
  if (Array.isArray(value)) return (value.length ? value : undefined) as T | undefined;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? (Object.fromEntries(entries) as T) : undefined;
  }
  return value;
}

export function toSession(values: SessionFormValues, place: Place): Session {
  const template = text(values.sessionTemplate);
  const normalized = template ? (normalizeTemplateRef(template, place).name ?? template) : undefined;
  const session: Session = {
    jupyterSession:
      values.sessionType === 'jupyter'
        ? {
            kernel: values.kernel,
            ...(text(values.displayName) ? { displayName: text(values.displayName) } : {}),
          }
        : undefined,
    labels: rowsToMap(values.labels),
    runtimeConfig: {
      version: text(values.version),
      containerImage: text(values.containerImage),
      properties: rowsToMap(values.properties),
      repositoryConfig: { pypiRepositoryConfig: { pypiRepository: text(values.pypiRepository) } },
      autotuningConfig: { scenarios: values.scenarios.length ? values.scenarios : undefined },
      cohort: text(values.cohort),
    },
    environmentConfig: {
      executionConfig: {
        serviceAccount: text(values.serviceAccount),
        networkUri: values.network === 'network' ? text(values.networkUri) : undefined,
        subnetworkUri: values.network === 'subnetwork' ? text(values.subnetworkUri) : undefined,
        networkTags: values.networkTags.split(/[\s,]+/).filter(Boolean),
        kmsKey: text(values.kmsKey),
        ttl: ttlToDuration(values.ttl),
        idleTtl: ttlToDuration(values.idleTtl),
        stagingBucket: text(values.stagingBucket),
        authenticationConfig: { userWorkloadAuthenticationType: values.authType || undefined },
        resourceManagerTags: rowsToMap(values.resourceManagerTags),
      },
      peripheralsConfig: {
        metastoreService: text(values.metastoreService),
        sparkHistoryServerConfig: { dataprocCluster: text(values.historyServerCluster) },
      },
    },
    sessionTemplate: normalized,
    user: text(values.user),
  };
  const pruned = prune(session) ?? {};
  // Spark Connect's config is an empty message: prune would drop it, so it is set afterwards.
  return values.sessionType === 'sparkConnect' ? { ...pruned, sparkConnectSession: {} } : pruned;
}

/** A Session (cloned, imported or a draft) as form values. Service-added goog-* labels are left out. */
export function fromSession(session: Session, sessionId: string): SessionFormValues {
  const exec = session.environmentConfig?.executionConfig;
  const peripherals = session.environmentConfig?.peripheralsConfig;
  const runtime = session.runtimeConfig;
  const auth = exec?.authenticationConfig?.userWorkloadAuthenticationType;
  return {
    ...emptyForm(sessionId),
    sessionType: session.sparkConnectSession ? 'sparkConnect' : session.jupyterSession ? 'jupyter' : 'unset',
    kernel: session.jupyterSession?.kernel === 'SCALA' ? 'SCALA' : 'PYTHON',
    displayName: session.jupyterSession?.displayName ?? '',
    labels: mapToRows(session.labels).filter((r) => !isSystemLabel(r.key)),
    version: runtime?.version ?? '',
    containerImage: runtime?.containerImage ?? '',
    properties: mapToRows(runtime?.properties),
    pypiRepository: runtime?.repositoryConfig?.pypiRepositoryConfig?.pypiRepository ?? '',
    scenarios: (runtime?.autotuningConfig?.scenarios ?? []).filter((s) => s !== 'SCENARIO_UNSPECIFIED'),
    cohort: runtime?.cohort ?? '',
    serviceAccount: exec?.serviceAccount ?? '',
    network: exec?.networkUri ? 'network' : exec?.subnetworkUri ? 'subnetwork' : 'default',
    networkUri: exec?.networkUri ?? '',
    subnetworkUri: exec?.subnetworkUri ?? '',
    networkTags: (exec?.networkTags ?? []).join(', '),
    kmsKey: exec?.kmsKey ?? '',
    ttl: durationToTtl(exec?.ttl),
    idleTtl: durationToTtl(exec?.idleTtl),
    stagingBucket: exec?.stagingBucket ?? '',
    authType: auth && auth !== 'AUTHENTICATION_TYPE_UNSPECIFIED' ? auth : '',
    resourceManagerTags: mapToRows(exec?.resourceManagerTags),
    metastoreService: peripherals?.metastoreService ?? '',
    historyServerCluster: peripherals?.sparkHistoryServerConfig?.dataprocCluster ?? '',
    sessionTemplate: session.sessionTemplate ?? '',
    user: session.user ?? '',
  };
}

/** Where a Session field's violation shows in the form. */
const FIELD_PATHS: [RegExp, string][] = [
  [/^sessionId$/, 'sessionId'],
  [/^session\.environmentConfig\.executionConfig\.ttl$/, 'ttl.amount'],
  [/^session\.environmentConfig\.executionConfig\.idleTtl$/, 'idleTtl.amount'],
  [/^session\.environmentConfig\.executionConfig\.stagingBucket$/, 'stagingBucket'],
  [/^session\.environmentConfig\.executionConfig\.kmsKey$/, 'kmsKey'],
  [/^session\.environmentConfig\.executionConfig\.serviceAccount$/, 'serviceAccount'],
  [/^session\.environmentConfig\.executionConfig\.networkTags$/, 'networkTags'],
  [/^session\.environmentConfig\.executionConfig\.networkUri$/, 'networkUri'],
  [/^session\.environmentConfig\.executionConfig\.subnetworkUri$/, 'subnetworkUri'],
  [/^session\.environmentConfig\.executionConfig\.resourceManagerTags/, 'resourceManagerTags.root'],
  [/^session\.environmentConfig\.peripheralsConfig\.metastoreService$/, 'metastoreService'],
  [
    /^session\.environmentConfig\.peripheralsConfig\.sparkHistoryServerConfig\.dataprocCluster$/,
    'historyServerCluster',
  ],
  [/^session\.runtimeConfig\.properties/, 'properties.root'],
  [/^session\.runtimeConfig\.repositoryConfig/, 'pypiRepository'],
  [/^session\.runtimeConfig\.version$/, 'version'],
  [/^session\.runtimeConfig\.containerImage$/, 'containerImage'],
  [/^session\.sessionTemplate$/, 'sessionTemplate'],
  [/^session\.user$/, 'user'],
  [/^session\.labels$/, 'labels.root'],
];

/** The form path for a violation from the rules or from a server 400; undefined when none fits. */
export function formPathFor(violation: FieldViolation, values: SessionFormValues): string | undefined {
  const label = /^session\.labels\["(.*)"\]$/.exec(violation.field);
  if (label) {
    const index = values.labels.findIndex((r) => r.key.trim() === label[1]);
    if (index < 0) return 'labels.root';
    return `labels.${index}.${violation.description.startsWith('A label key') ? 'key' : 'value'}`;
  }
  return FIELD_PATHS.find(([pattern]) => pattern.test(violation.field))?.[1];
}

export interface FormProblem {
  path: string;
  message: string;
}

function rowProblems(rows: Row[], name: string, what: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (!key && row.value.trim())
      problems.push({ path: `${name}.${i}.key`, message: `Enter a ${what} key, or remove the row.` });
    if (key && seen.has(key))
      problems.push({ path: `${name}.${i}.key`, message: `Duplicate ${what} key "${key}".` });
    seen.set(key, i);
  });
  return problems;
}

/** Every problem with the form's values, at the field it concerns. */
export function formProblems(values: SessionFormValues, place: Place): FormProblem[] {
  const problems: FormProblem[] = [];
  const idProblem = sessionIdProblem(values.sessionId.trim());
  if (idProblem) problems.push({ path: 'sessionId', message: idProblem });
  problems.push(...rowProblems(values.labels, 'labels', 'label'));
  values.labels.forEach((row, i) => {
    if (!row.key.trim()) return;
    const keyProblem = labelKeyProblem(row.key.trim());
    if (keyProblem) problems.push({ path: `labels.${i}.key`, message: keyProblem });
    const valueProblem = labelValueProblem(row.value.trim());
    if (valueProblem) problems.push({ path: `labels.${i}.value`, message: valueProblem });
  });
  problems.push(...rowProblems(values.properties, 'properties', 'property'));
  problems.push(...rowProblems(values.resourceManagerTags, 'resourceManagerTags', 'tag'));
  for (const which of ['ttl', 'idleTtl'] as const) {
    const amount = values[which].amount.trim();
    if (amount && !(Number(amount) > 0))
      problems.push({
        path: `${which}.amount`,
        message: 'Enter a positive number, or leave empty for the default.',
      });
  }
  if (values.network === 'network' && !values.networkUri.trim())
    problems.push({ path: 'networkUri', message: 'Enter the network, or choose the default network.' });
  if (values.network === 'subnetwork' && !values.subnetworkUri.trim())
    problems.push({ path: 'subnetworkUri', message: 'Enter the subnetwork, or choose the default network.' });
  const taken = new Set(problems.map((p) => p.path));
  for (const violation of sessionViolations(toSession(values, place), place)) {
    const path = formPathFor(violation, values) ?? 'root';
    // Row-level label problems were reported above with friendlier context.
    if (!taken.has(path)) problems.push({ path, message: violation.description });
    taken.add(path);
  }
  return problems;
}

/** The zod schema react-hook-form validates with (via @hookform/resolvers). */
export function sessionFormSchema(place: Place) {
  return z
    .custom<SessionFormValues>((v) => typeof v === 'object' && v !== null)
    .check(
      z.superRefine((values: SessionFormValues, ctx) => {
        for (const problem of formProblems(values, place))
          ctx.addIssue({
            code: 'custom',
            path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            message: problem.message,
            input: values,
          });
      }),
    );
}

export interface ImportResult {
  values?: SessionFormValues;
  error?: string;
  /** Fields present in the JSON that the form does not take: output-only ones and unknown ones. */
  ignored: string[];
}

/** Parses pasted Session JSON (View JSON, or gcloud … describe --format=json) into form values. */
export function importSession(textValue: string, sessionId: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(textValue);
  } catch (error) {
    return {
      error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      ignored: [],
    };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: 'Expected a JSON object (a Session).', ignored: [] };
  const ignored: string[] = [];
  for (const field of [...SESSION_OUTPUT_ONLY, 'name'] as const)
    if (field in (raw as Record<string, unknown>)) ignored.push(`${field} (set by the service)`);
  const strictResult = strict.Session.safeParse(raw);
  if (!strictResult.success)
    for (const issue of strictResult.error.issues)
      if (issue.code === 'unrecognized_keys')
        ignored.push(...issue.keys.map((k) => `${[...issue.path, k].join('.')} (unknown field)`));
  const parsed = lenient.Session.safeParse(raw);
  if (!parsed.success)
    return {
      error: `Not a Session: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      ignored,
    };
  const id = (raw as { name?: unknown }).name;
  const importedId = typeof id === 'string' ? idOf(id) : undefined;
  return {
    values: fromSession(parsed.data, importedId ? `${importedId}-copy`.slice(0, 63) : sessionId),
    ignored,
  };
}

/** The gcloud command that creates the same session, for people who script. */
export function gcloudCommand(values: SessionFormValues, session: Session, place: Place): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const exec = session.environmentConfig?.executionConfig;
  const parts = [
    'gcloud beta dataproc sessions create spark',
    quote(values.sessionId.trim()),
    `--project=${quote(place.project)}`,
    `--location=${quote(place.location)}`,
  ];
  const flag = (name: string, value: string | undefined) => {
    if (value) parts.push(`--${name}=${quote(value)}`);
  };
  const joined = (map: Record<string, string> | undefined) =>
    map && Object.keys(map).length
      ? Object.entries(map)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : undefined;
  flag('session_template', session.sessionTemplate);
  if (session.jupyterSession?.kernel) flag('kernel', session.jupyterSession.kernel.toLowerCase());
  flag('labels', joined(session.labels));
  flag('version', session.runtimeConfig?.version);
  flag('container-image', session.runtimeConfig?.containerImage);
  flag('property', joined(session.runtimeConfig?.properties));
  flag('service-account', exec?.serviceAccount);
  flag('network', exec?.networkUri);
  flag('subnet', exec?.subnetworkUri);
  flag('tags', exec?.networkTags?.join(','));
  flag('kms-key', exec?.kmsKey);
  flag('ttl', exec?.ttl);
  flag('max-idle', exec?.idleTtl);
  flag('staging-bucket', exec?.stagingBucket);
  flag('metastore-service', session.environmentConfig?.peripheralsConfig?.metastoreService);
  flag(
    'history-server-cluster',
    session.environmentConfig?.peripheralsConfig?.sparkHistoryServerConfig?.dataprocCluster,
  );
  return parts.join(' \\\n  ');
}
