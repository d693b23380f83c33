import {
  configFromWire,
  configImportLosses,
  configProblems,
  configToWire,
  emptyConfig,
  formPathFor as configFormPath,
  formPathForWire,
  importFieldLabel,
  mergeProblems,
  prepareConfigImport,
  problemsSchema,
  prune,
  text,
  type ConfigFormValues,
  type FormProblem,
} from '../../../components/config-form/config-form-model';
import { readResource, type ImportResult } from '../../../components/config-form/resource-text';
import { CommandLine, gcloudChoice, gcloudDict, gcloudJoin } from '../../../lib/gcloud';
import { idOf, parentName, sessionName } from '../../../schemas/names';
import {
  normalizeTemplateRef,
  sessionIdProblem,
  sessionRuleViolations,
  type Place,
  type RuleViolation,
} from '../../../schemas/rules';
import {
  SESSION_OUTPUT_ONLY,
  lenient,
  strict,
  type FieldViolation,
  type Session,
} from '../../../schemas/wire';

/**
 * The create form's values and their translation to and from a Session. The shared config part
 * (type, labels, runtime, environment) is the template form's too (components/config-form). The
 * form is validated by turning its values into the Session it would send and running the same
 * rules the emulator runs (`sessionRuleViolations`), so the form and the server cannot disagree.
 */

export interface SessionFormValues extends ConfigFormValues {
  sessionId: string;
  sessionTemplate: string;
  user: string;
}

export function suggestSessionId(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `session-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export function emptyForm(sessionId = suggestSessionId()): SessionFormValues {
  return { sessionId, ...emptyConfig(), sessionTemplate: '', user: '' };
}

export function toSession(values: SessionFormValues, place: Place): Session {
  const template = text(values.sessionTemplate);
  const normalized = template ? (normalizeTemplateRef(template, place).name ?? template) : undefined;
  return { ...configToWire(values), ...prune({ sessionTemplate: normalized, user: text(values.user) }) };
}

/** A Session (cloned, imported or a draft) as form values. Service-added goog-* labels are left out. */
export function fromSession(session: Session, sessionId: string): SessionFormValues {
  return {
    sessionId,
    ...configFromWire(session),
    sessionTemplate: session.sessionTemplate ?? '',
    user: session.user ?? '',
  };
}

/** The session form's own fields, by their path (sessionId is a request parameter, not below `session`). */
const OWN_FIELDS = { sessionId: 'sessionId', sessionTemplate: 'sessionTemplate', user: 'user' };
/** The session form's own fields as their labels read. */
export const OWN_LABELS = { sessionId: 'Session ID', sessionTemplate: 'Template', user: 'Owner email' };

/** The form path for a rule's finding; undefined when none fits. */
export function sessionFormPath(violation: RuleViolation, values: SessionFormValues): string | undefined {
  return configFormPath(violation, values, OWN_FIELDS);
}

/** The form path for a violation in the server's 400 answer; undefined when none fits. */
export function formPathFor(violation: FieldViolation, values: SessionFormValues): string | undefined {
  return formPathForWire(violation, values, OWN_FIELDS);
}

/** Every problem with the form's values, at the field it concerns. */
export function formProblems(values: SessionFormValues, place: Place): FormProblem[] {
  const own: FormProblem[] = [];
  const idProblem = sessionIdProblem(values.sessionId.trim());
  if (idProblem) own.push({ path: 'sessionId', message: idProblem });
  own.push(...configProblems(values));
  if (values.sessionType === 'unset' && !values.sessionTemplate.trim())
    own.push({
      path: 'sessionTemplate',
      message: 'Choose a template, or pick Jupyter or Spark Connect as the session type.',
    });
  return mergeProblems(own, sessionRuleViolations(toSession(values, place), place), (v) =>
    sessionFormPath(v, values),
  );
}

/** The zod schema react-hook-form validates with (via @hookform/resolvers). */
export function sessionFormSchema(place: Place) {
  return problemsSchema((values: SessionFormValues) => formProblems(values, place));
}

/** Parses a pasted Session, JSON or YAML (View JSON, gcloud … describe), into form values. */
export async function importSession(
  textValue: string,
  sessionId: string,
): Promise<ImportResult<SessionFormValues>> {
  const { data, raw, error, ignored, problems } = await readResource(
    textValue,
    'Session',
    { strict: strict.Session, lenient: lenient.Session },
    SESSION_OUTPUT_ONLY,
    {
      other: { name: 'set by the service' },
      prepare: prepareConfigImport,
      label: (path) => importFieldLabel(path, OWN_LABELS),
    },
  );
  if (!data) return { error, ignored };
  const importedId = typeof raw?.name === 'string' ? idOf(raw.name) : undefined;
  const losses = configImportLosses(data).map((p) => `${importFieldLabel(p.path)}: ${p.message}`);
  return {
    values: fromSession(data, importedId ? `${importedId}-copy`.slice(0, 63) : sessionId),
    ignored,
    problems: [...problems, ...losses],
  };
}

/** The gcloud command that creates the same session, and what it cannot say. */
export interface GcloudCommand {
  command: string;
  /** Fields set in the request that gcloud has no flag for, in plain words. */
  notExpressible: string[];
}

/**
 * The `gcloud beta dataproc sessions create spark` command that creates the same session as the
 * REST request: every field gcloud has a flag for, escaped so the shell and gcloud read it back as
 * sent; what it cannot express is listed, not silently dropped.
 */
export function gcloudCommand(
  session: Session,
  place: Place,
  sessionId: string,
  requestId?: string,
): GcloudCommand {
  const runtime = session.runtimeConfig;
  const exec = session.environmentConfig?.executionConfig;
  const peripherals = session.environmentConfig?.peripheralsConfig;
  const notExpressible: string[] = [];
  const id = sessionId.trim();
  // gcloud reads a word starting with "-" as a flag; the session's full resource name never
  // starts with one and names the same session, so any ID typed so far stays an argument.
  const line = new CommandLine('gcloud beta dataproc sessions create spark')
    .arg(id.startsWith('-') || id === '' ? sessionName(parentName(place), id) : id)
    .flag('project', place.project)
    .flag('location', place.location)
    .flag('session_template', session.sessionTemplate);
  line.flag('kernel', gcloudChoice(session.jupyterSession?.kernel));
  if (session.jupyterSession?.displayName) notExpressible.push('the Jupyter kernel display name');
  if (session.sparkConnectSession)
    notExpressible.push('the Spark Connect session type (gcloud creates Jupyter sessions only)');
  line
    .flag('labels', gcloudDict(session.labels))
    .flag('version', runtime?.version)
    .flag('container-image', runtime?.containerImage)
    .flag('property', gcloudDict(runtime?.properties))
    .flag('service-account', exec?.serviceAccount)
    .flag('network', exec?.networkUri)
    .flag('subnet', exec?.subnetworkUri)
    .flag('tags', exec?.networkTags?.length ? gcloudJoin(exec.networkTags) : undefined)
    .flag('kms-key', exec?.kmsKey)
    .flag('ttl', exec?.ttl)
    .flag('max-idle', exec?.idleTtl)
    .flag('staging-bucket', exec?.stagingBucket)
    .flag(
      'user-workload-authentication-type',
      gcloudChoice(exec?.authenticationConfig?.userWorkloadAuthenticationType),
    )
    .flag('metastore-service', peripherals?.metastoreService)
    .flag('history-server-cluster', peripherals?.sparkHistoryServerConfig?.dataprocCluster)
    .flag('request-id', requestId);
  // gcloud 528 (the version this was checked with) has no --resource-manager-tag for sessions.
  if (exec?.resourceManagerTags && Object.keys(exec.resourceManagerTags).length)
    notExpressible.push('resource manager tags (gcloud 528 has no flag for them)');
  if (runtime?.autotuningConfig?.scenarios?.length)
    notExpressible.push(`autotuning scenarios (${runtime.autotuningConfig.scenarios.join(', ')})`);
  if (runtime?.cohort) notExpressible.push(`the autotuning cohort "${runtime.cohort}"`);
  if (runtime?.repositoryConfig?.pypiRepositoryConfig?.pypiRepository)
    notExpressible.push('the PyPI repository');
  return { command: line.toString(), notExpressible };
}
