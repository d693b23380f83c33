import { createHash } from 'node:crypto';
import { SERVICE_DEFAULTS, type Session } from '../../src/schemas/wire';
import { isSupportedRuntimeVersion, SUPPORTED_RUNTIME_VERSIONS } from '../../src/schemas/rules';
import { rfc3339 } from './clock';

/**
 * Runtime versions the emulator "supports" (the rule lives in src/schemas/rules.ts, so the form
 * refuses before sending exactly what would fail here); any other version fails during start-up.
 */
export { SUPPORTED_RUNTIME_VERSIONS };
export const DEFAULT_RUNTIME_VERSION = SERVICE_DEFAULTS.runtimeVersion;
export const DEFAULT_IDLE_TTL = SERVICE_DEFAULTS.idleTtl;
export const DEFAULT_TTL = SERVICE_DEFAULTS.ttl;

export interface SessionIds {
  name: string;
  uuid: string;
  project: string;
  location: string;
  sessionId: string;
  now: number;
  creator: string;
}

/** The server-filled fields of a new session, as the real API fills them (README). */
export function withDefaults(input: Session, ids: SessionIds): Session {
  const exec = input.environmentConfig?.executionConfig ?? {};
  const projectNumber = BigInt('0x' + createHash('sha256').update(ids.project).digest('hex').slice(0, 12))
    .toString()
    .slice(0, 12);
  const time = rfc3339(ids.now);
  return {
    ...input,
    name: ids.name,
    uuid: ids.uuid,
    createTime: time,
    state: 'CREATING',
    stateTime: time,
    creator: ids.creator,
    labels: {
      ...input.labels,
      'goog-dataproc-session-id': ids.sessionId,
      'goog-dataproc-session-uuid': ids.uuid,
      'goog-dataproc-location': ids.location,
      'goog-dataproc-drz-resource-uuid': `session-${ids.uuid}`,
    },
    runtimeConfig: {
      ...input.runtimeConfig,
      version: input.runtimeConfig?.version ?? DEFAULT_RUNTIME_VERSION,
    },
    environmentConfig: {
      ...input.environmentConfig,
      executionConfig: {
        ...exec,
        serviceAccount: exec.serviceAccount ?? `${projectNumber}-compute@developer.gserviceaccount.com`,
        idleTtl: exec.idleTtl ?? DEFAULT_IDLE_TTL,
        ttl: exec.ttl ?? DEFAULT_TTL,
      },
      peripheralsConfig: { sparkHistoryServerConfig: {}, ...input.environmentConfig?.peripheralsConfig },
    },
    runtimeInfo: {},
    stateHistory: [],
  };
}

/** The start-up failure message for a runtime version the emulator does not "support", if any. */
export function runtimeVersionFailure(session: Session): string | null {
  const version = session.runtimeConfig?.version ?? DEFAULT_RUNTIME_VERSION;
  return isSupportedRuntimeVersion(version)
    ? null
    : `Unsupported runtime version "${version}". Supported versions: ${SUPPORTED_RUNTIME_VERSIONS.join(', ')}.`;
}
