import type { Session, SessionTemplate } from '../../src/schemas/wire';

/**
 * Our template rule (README): the template gives defaults and the session's own values win, field
 * by field; labels and Spark properties are merged key by key. A session type set on the session
 * replaces the template's.
 */
export function mergeTemplate(template: SessionTemplate, session: Session): Session {
  const sessionType =
    session.jupyterSession || session.sparkConnectSession
      ? { jupyterSession: session.jupyterSession, sparkConnectSession: session.sparkConnectSession }
      : { jupyterSession: template.jupyterSession, sparkConnectSession: template.sparkConnectSession };
  const tr = template.runtimeConfig ?? {};
  const sr = session.runtimeConfig ?? {};
  const te = template.environmentConfig ?? {};
  const se = session.environmentConfig ?? {};
  const merged: Session = {
    ...session,
    ...sessionType,
    labels: { ...template.labels, ...session.labels },
    runtimeConfig: { ...tr, ...sr, properties: { ...tr.properties, ...sr.properties } },
    environmentConfig: {
      executionConfig: { ...te.executionConfig, ...se.executionConfig },
      peripheralsConfig: { ...te.peripheralsConfig, ...se.peripheralsConfig },
    },
  };
  const exec = merged.environmentConfig!.executionConfig!;
  // network and subnetwork are one choice: the session's choice replaces the template's.
  if (se.executionConfig?.networkUri) delete exec.subnetworkUri;
  if (se.executionConfig?.subnetworkUri) delete exec.networkUri;
  if (!merged.jupyterSession) delete merged.jupyterSession;
  if (!merged.sparkConnectSession) delete merged.sparkConnectSession;
  if (Object.keys(merged.runtimeConfig!.properties!).length === 0) delete merged.runtimeConfig!.properties;
  return merged;
}
