import { idOf } from '../../schemas/names';
import { SERVICE_DEFAULTS, type Session, type SessionTemplate } from '../../schemas/wire';

type Json = unknown;

/** `value` without what equals `base`, key by key (maps too); undefined when nothing is left. */
function without(value: Json, base: Json): Json {
  if (base === undefined) return value;
  const isObject = (v: Json): v is Record<string, Json> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(value) && isObject(base)) {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      const rest = Object.hasOwn(base, key) ? without(v, base[key]) : v;
      if (rest !== undefined) out[key] = rest;
    }
    return Object.keys(out).length || !Object.keys(value).length ? out : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** Values the service fills in when a session does not set them (see README, server-filled fields). */
const DEFAULT_SERVICE_ACCOUNT = /^\d+-compute@developer\.gserviceaccount\.com$/;

/**
 * What a clone copies: what the user set on the session, not what its template gave it (the copy
 * keeps following the template) nor what the service filled in (the default service account, TTL
 * and idle TTL). `leftOut` says, in words, what was not copied and why.
 */
export function cloneOf(
  session: Session,
  template?: SessionTemplate,
): { session: Session; leftOut: string[] } {
  const leftOut: string[] = [];
  const config = {
    jupyterSession: session.jupyterSession,
    sparkConnectSession: session.sparkConnectSession,
    labels: session.labels,
    runtimeConfig: session.runtimeConfig,
    environmentConfig: session.environmentConfig,
  };
  // A copy: the defaults below are deleted from it, never from the session on screen.
  let own = structuredClone(config) as Session;
  if (template) {
    own = (without(own, {
      jupyterSession: template.jupyterSession,
      sparkConnectSession: template.sparkConnectSession,
      labels: template.labels,
      runtimeConfig: template.runtimeConfig,
      environmentConfig: template.environmentConfig,
    }) ?? {}) as Session;
    if (JSON.stringify(own) !== JSON.stringify(config))
      leftOut.push(
        `the values that come from template ${idOf(template.name)}, so the copy keeps following it`,
      );
  }
  const exec = own.environmentConfig?.executionConfig;
  const defaults: string[] = [];
  if (exec?.serviceAccount && DEFAULT_SERVICE_ACCOUNT.test(exec.serviceAccount)) {
    delete exec.serviceAccount;
    defaults.push('the default service account');
  }
  if (exec?.ttl === SERVICE_DEFAULTS.ttl) {
    delete exec.ttl;
    defaults.push('the default TTL (24 h)');
  }
  if (exec?.idleTtl === SERVICE_DEFAULTS.idleTtl) {
    delete exec.idleTtl;
    defaults.push('the default idle TTL (1 h)');
  }
  if (defaults.length) leftOut.push(`${defaults.join(', ')}, which the service fills in again`);
  return {
    session: { ...own, name: session.name, sessionTemplate: session.sessionTemplate },
    leftOut,
  };
}
