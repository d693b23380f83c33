import type { Session, SessionTemplate } from '../../src/schemas/wire';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The template's value as the default for whatever `own` leaves unset, at every depth: objects
 * (messages and maps alike, so labels and Spark properties merge key by key) field by field; a
 * value the session sets (a string, a number, a list) replaces the template's.
 */
function withDefaults<T>(template: T | undefined, own: T | undefined): T | undefined {
  if (own === undefined) return template === undefined ? undefined : structuredClone(template);
  if (!isObject(own) || !isObject(template)) return own;
  const out: Record<string, unknown> = structuredClone(template);
  for (const [key, value] of Object.entries(own)) out[key] = withDefaults(template[key], value);
  return out as T;
}

/**
 * Our template rule (README), after the API's: the template's values are defaults for every field
 * the session leaves unset, at every depth. Two fields are one choice each and are not mixed: the
 * session type (a session's `jupyterSession: {}` keeps the template's kernel and display name, but
 * a Spark Connect session does not inherit a Jupyter template's settings) and network vs subnetwork.
 */
export function mergeTemplate(template: SessionTemplate, session: Session): Session {
  const sessionType = session.jupyterSession
    ? { jupyterSession: withDefaults(template.jupyterSession, session.jupyterSession) }
    : session.sparkConnectSession
      ? { sparkConnectSession: withDefaults(template.sparkConnectSession, session.sparkConnectSession) }
      : { jupyterSession: template.jupyterSession, sparkConnectSession: template.sparkConnectSession };
  const te = template.environmentConfig ?? {};
  const se = session.environmentConfig ?? {};
  const merged: Session = {
    ...session,
    jupyterSession: undefined,
    sparkConnectSession: undefined,
    ...sessionType,
    labels: { ...template.labels, ...session.labels },
    runtimeConfig: withDefaults(template.runtimeConfig ?? {}, session.runtimeConfig ?? {}),
    environmentConfig: {
      executionConfig: withDefaults(te.executionConfig ?? {}, se.executionConfig ?? {}),
      peripheralsConfig: withDefaults(te.peripheralsConfig ?? {}, se.peripheralsConfig ?? {}),
    },
  };
  const exec = merged.environmentConfig!.executionConfig!;
  // network and subnetwork are one choice: the session's choice replaces the template's.
  if (se.executionConfig?.networkUri) delete exec.subnetworkUri;
  if (se.executionConfig?.subnetworkUri) delete exec.networkUri;
  if (!merged.jupyterSession) delete merged.jupyterSession;
  if (!merged.sparkConnectSession) delete merged.sparkConnectSession;
  const properties = merged.runtimeConfig!.properties;
  if (properties && Object.keys(properties).length === 0) delete merged.runtimeConfig!.properties;
  return merged;
}
