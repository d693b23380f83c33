import * as z from 'zod/mini';
import type { AuthenticationType, Kernel, Scenario } from '../../schemas/enums';
import {
  isSystemLabel,
  labelKeyProblem,
  labelValueProblem,
  parseDurationSeconds,
  parseFieldPath,
  runtimeVersionProblem,
  SUPPORTED_RUNTIME_VERSIONS,
  type PathSegment,
  type RuleViolation,
} from '../../schemas/rules';
import type { FieldViolation, Session } from '../../schemas/wire';
import { fieldLabel } from './field-names';
import type { ImportProblem } from './resource-text';

/**
 * What the session form and the template form share: the session type, labels, runtime config and
 * environment config, as form values; their mapping to and from the wire; and where a rule's
 * finding on them shows in the form. Each form adds its own fields (session ID and template, or
 * template ID and description) on top.
 */

export type TtlUnit = 'min' | 'h' | 'd';
export const TTL_UNIT_SECONDS: Record<TtlUnit, number> = { min: 60, h: 3600, d: 86400 };

export interface Row {
  key: string;
  value: string;
}

export interface ConfigFormValues {
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
}

/** The wire fields these values map to; a Session and a SessionTemplate both have them. */
export type ConfigBody = Pick<
  Session,
  'jupyterSession' | 'sparkConnectSession' | 'labels' | 'runtimeConfig' | 'environmentConfig'
>;

/** The versions offered; the same list the emulator runs (src/schemas/rules.ts). */
export const KNOWN_RUNTIME_VERSIONS = SUPPORTED_RUNTIME_VERSIONS;
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

export function emptyConfig(): ConfigFormValues {
  return {
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

export const text = (value: string) => (value.trim() ? value.trim() : undefined);
function rowsToMap(rows: Row[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.key.trim() !== '');
  return filled.length ? Object.fromEntries(filled.map((r) => [r.key.trim(), r.value.trim()])) : undefined;
}
function mapToRows(map: Record<string, string> | undefined): Row[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}

/** Drops undefined members and empty objects, so the body holds only what the user set. */
export function prune<T>(value: T): T | undefined {
  if (Array.isArray(value)) return (value.length ? value : undefined) as T | undefined;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? (Object.fromEntries(entries) as T) : undefined;
  }
  return value;
}

export function configToWire(values: ConfigFormValues): ConfigBody {
  const body: ConfigBody = {
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
  };
  const pruned = prune(body) ?? {};
  // Spark Connect's config is an empty message: prune would drop it, so it is set afterwards.
  return values.sessionType === 'sparkConnect' ? { ...pruned, sparkConnectSession: {} } : pruned;
}

/** A session's or template's config as form values. Service-added goog-* labels are left out. */
export function configFromWire(body: ConfigBody): ConfigFormValues {
  const exec = body.environmentConfig?.executionConfig;
  const peripherals = body.environmentConfig?.peripheralsConfig;
  const runtime = body.runtimeConfig;
  const auth = exec?.authenticationConfig?.userWorkloadAuthenticationType;
  return {
    sessionType: body.sparkConnectSession ? 'sparkConnect' : body.jupyterSession ? 'jupyter' : 'unset',
    kernel: body.jupyterSession?.kernel === 'SCALA' ? 'SCALA' : 'PYTHON',
    displayName: body.jupyterSession?.displayName ?? '',
    labels: mapToRows(body.labels).filter((r) => !isSystemLabel(r.key)),
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
  };
}

/** Where a config field's finding shows in the form, by its path below the resource. */
const CONFIG_FIELDS: Record<string, string> = {
  'environmentConfig.executionConfig.ttl': 'ttl.amount',
  'environmentConfig.executionConfig.idleTtl': 'idleTtl.amount',
  'environmentConfig.executionConfig.stagingBucket': 'stagingBucket',
  'environmentConfig.executionConfig.kmsKey': 'kmsKey',
  'environmentConfig.executionConfig.serviceAccount': 'serviceAccount',
  'environmentConfig.executionConfig.networkTags': 'networkTags',
  'environmentConfig.executionConfig.networkUri': 'networkUri',
  'environmentConfig.executionConfig.subnetworkUri': 'subnetworkUri',
  'environmentConfig.executionConfig.resourceManagerTags': 'resourceManagerTags',
  'environmentConfig.peripheralsConfig.metastoreService': 'metastoreService',
  'environmentConfig.peripheralsConfig.sparkHistoryServerConfig.dataprocCluster': 'historyServerCluster',
  'runtimeConfig.properties': 'properties',
  'runtimeConfig.repositoryConfig.pypiRepositoryConfig.pypiRepository': 'pypiRepository',
  'runtimeConfig.version': 'version',
  'runtimeConfig.containerImage': 'containerImage',
  'runtimeConfig.cohort': 'cohort',
  'runtimeConfig.autotuningConfig.scenarios': 'scenarios',
  'environmentConfig.executionConfig.authenticationConfig.userWorkloadAuthenticationType': 'authType',
  'jupyterSession.kernel': 'kernel',
  'jupyterSession.displayName': 'displayName',
  sparkConnectSession: 'sessionType',
  jupyterSession: 'sessionType',
  labels: 'labels',
};
const ROW_FIELDS = new Set(['labels', 'properties', 'resourceManagerTags']);

/**
 * The form path for a finding, from its structured path below the resource: a map entry lands on
 * its row's key or value, a whole map on the rows' own message. `own` maps the form's own fields.
 */
export function formPathFor(
  violation: Pick<RuleViolation, 'path' | 'part'>,
  values: ConfigFormValues,
  own: Record<string, string> = {},
): string | undefined {
  const names = violation.path.filter((s): s is string => typeof s === 'string');
  const key = violation.path.find((s): s is { key: string } => typeof s !== 'string')?.key;
  const joined = names.join('.');
  const field = own[joined] ?? CONFIG_FIELDS[joined];
  if (!field || !ROW_FIELDS.has(field)) return field;
  const rows = values[field as 'labels' | 'properties' | 'resourceManagerTags'];
  const index = key === undefined ? -1 : rows.findIndex((r) => r.key.trim() === key);
  if (index < 0) return `${field}.root`;
  // A server's answer does not say whether a label's key or value is wrong: our own rule does.
  const part = violation.part ?? (field === 'labels' && !labelKeyProblem(key!) ? 'value' : 'key');
  return `${field}.${index}.${part}`;
}

/** The same for a violation in a server's 400 answer (`session.labels["Bad"]`). */
export function formPathForWire(
  violation: FieldViolation,
  values: ConfigFormValues,
  own: Record<string, string> = {},
): string | undefined {
  const [, ...path] = parseFieldPath(violation.field);
  // A request-level field (sessionId, sessionTemplateId) has no resource root to drop.
  if (path.length === 0) return own[violation.field];
  return formPathFor({ path: path as PathSegment[] }, values, own);
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

/** Problems only the form can see (rows, a number and its unit, a network choice without a URI). */
export function configProblems(values: ConfigFormValues): FormProblem[] {
  const problems: FormProblem[] = [];
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
  // Checked here, not by the server's rules: an unsupported version is accepted by the API and
  // fails only when the session starts, so the form catches it before that.
  const version = values.version.trim();
  if (version) {
    const versionProblem = runtimeVersionProblem(version);
    if (versionProblem) problems.push({ path: 'version', message: versionProblem });
  }
  if (values.network === 'network' && !values.networkUri.trim())
    problems.push({ path: 'networkUri', message: 'Enter the network, or choose the default network.' });
  if (values.network === 'subnetwork' && !values.subnetworkUri.trim())
    problems.push({ path: 'subnetworkUri', message: 'Enter the subnetwork, or choose the default network.' });
  return problems;
}

/**
 * The form's own problems, then the shared rules' findings (the same the server runs) placed at
 * their fields; one message per field, the form's own first (they have friendlier context).
 */
export function mergeProblems(
  own: FormProblem[],
  violations: RuleViolation[],
  pathFor: (violation: RuleViolation) => string | undefined,
): FormProblem[] {
  const problems = [...own];
  const taken = new Set(problems.map((p) => p.path));
  for (const violation of violations) {
    const path = pathFor(violation) ?? 'root';
    if (!taken.has(path)) problems.push({ path, message: violation.description });
    taken.add(path);
  }
  return problems;
}

/** The zod schema react-hook-form validates with (via @hookform/resolvers), from a problems function. */
export function problemsSchema<T extends object>(problems: (values: T) => FormProblem[]) {
  return z
    .custom<T>((v) => typeof v === 'object' && v !== null)
    .check(
      z.superRefine((values: T, ctx) => {
        for (const problem of problems(values))
          ctx.addIssue({
            code: 'custom',
            path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            message: problem.message,
            input: values,
          });
      }),
    );
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * A duration as people and gcloud write it (`45m`, `1.5h`, `90s`, `2d`, `1h30m`, the API's
 * `3600s`, or a bare number of seconds) in seconds; undefined when it is none of these.
 */
export function readableDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (!/^(?:\d+(?:\.\d+)?[smhd])+$/.test(text)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)([smhd])/g))
    seconds += Number(amount) * UNIT_SECONDS[unit!]!;
  return seconds;
}

/** Seconds in the API's duration form: `5400s`, `1.5s`. */
export function secondsToDuration(seconds: number): string {
  return `${Number(seconds.toFixed(9))}s`;
}

/**
 * Before an import is parsed: TTLs written as gcloud takes them (`45m`, `1.5h`) become the API's
 * seconds; one that is no duration at all is named and left out.
 */
export function prepareConfigImport(raw: Record<string, unknown>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const env = raw.environmentConfig as Record<string, unknown> | undefined;
  const exec = env && typeof env === 'object' ? (env.executionConfig as Record<string, unknown>) : undefined;
  if (!exec || typeof exec !== 'object') return problems;
  for (const field of ['ttl', 'idleTtl'] as const) {
    if (exec[field] === undefined || exec[field] === null) continue;
    const seconds = readableDurationSeconds(exec[field]);
    if (seconds !== undefined) exec[field] = secondsToDuration(seconds);
    else {
      problems.push({
        path: ['environmentConfig', 'executionConfig', field],
        message: `${JSON.stringify(exec[field])} is not a duration (such as 3600s, 45m, 1.5h or 2d)`,
      });
      delete exec[field];
    }
  }
  return problems;
}

/**
 * A field of an imported session or template in the form's words: `Label "team"`, `Idle TTL`;
 * `own` names the form's own fields by their path in the text.
 */
export function importFieldLabel(path: (string | number)[], own: Record<string, string> = {}): string {
  const names = path.filter((s): s is string => typeof s === 'string');
  const joined = names.join('.');
  for (let n = names.length; n > 0; n--) {
    const prefix = names.slice(0, n).join('.');
    if (own[prefix]) return own[prefix];
    const formPath = CONFIG_FIELDS[prefix];
    if (!formPath) continue;
    if (ROW_FIELDS.has(formPath) && names[n] !== undefined) {
      const what = { labels: 'Label', properties: 'Spark property', resourceManagerTags: 'Tag' }[formPath];
      return `${what} "${names.slice(n).join('.')}"`;
    }
    return fieldLabel(formPath.split('.')[0]!) + (n < names.length ? ` (${joined})` : '');
  }
  return joined || 'The text';
}

type Leaves = Map<string, { path: string[]; value: string }>;
function leaves(value: unknown, path: string[], out: Leaves): Leaves {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, String(i)], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else if (value !== undefined && value !== null && value !== '')
    out.set(JSON.stringify(path), { path, value: String(value) });
  return out;
}

/**
 * What the form cannot hold of an imported config: it is read into form values and back, and
 * every value that does not come back the same is named (a second session type, a network and a
 * subnetwork both, a `goog-` label, an unspecified enum), so nothing is dropped unsaid.
 */
export function configImportLosses(body: ConfigBody): ImportProblem[] {
  const config: ConfigBody = {
    jupyterSession: body.jupyterSession,
    sparkConnectSession: body.sparkConnectSession,
    labels: body.labels,
    runtimeConfig: body.runtimeConfig,
    environmentConfig: body.environmentConfig,
  };
  const before = leaves(config, [], new Map());
  const after = leaves(configToWire(configFromWire(config)), [], new Map());
  const problems: ImportProblem[] = [];
  for (const [key, { path, value }] of before) {
    const kept = after.get(key)?.value;
    if (kept === value) continue;
    const field = path[path.length - 1]!;
    if ((field === 'ttl' || field === 'idleTtl') && kept !== undefined) {
      if (parseDurationSeconds(kept) === parseDurationSeconds(value)) continue;
    }
    const message =
      path[0] === 'labels' && isSystemLabel(field)
        ? `"${value}" is set by the service, so it is not copied`
        : path[0] === 'jupyterSession' && body.sparkConnectSession
          ? `"${value}" belongs to a Jupyter session, but the text also sets Spark Connect, which was kept`
          : field === 'subnetworkUri' && body.environmentConfig?.executionConfig?.networkUri
            ? `"${value}" was left out: a session has a network or a subnetwork, and the network was kept`
            : value.endsWith('_UNSPECIFIED')
              ? `"${value}" means "not set"; the form shows its default`
              : `"${value}" cannot be shown in this form, so it was left out`;
    problems.push({ path, message });
  }
  return problems;
}
