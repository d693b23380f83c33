import type { SessionState } from '../../src/schemas/enums';
import type { Session } from '../../src/schemas/wire';
import { rfc3339 } from './clock';
import type { SessionRow } from './session-store';
import { parseName } from '../../src/schemas/names';

/** Emulated size of every session: 4 DCU and 25 GB of shuffle storage while running. */
const MILLI_DCU = 4000;
const SHUFFLE_GB = 25;

/** The runtimeInfo a session carries once it enters `state`: endpoints while running, usage after. */
export function runtimeInfoFor(
  session: Session,
  state: SessionState,
  activeSince: number | null,
  at: number,
): Session['runtimeInfo'] {
  const id = session.uuid ?? '';
  const location = parseName(session.name)?.location ?? 'us-central1';
  const host = `https://${id.slice(0, 8)}-dot-${location}.dataproc.googleusercontent.com`;
  const base = {
    outputUri: `gs://dataproc-staging-${location}/google-cloud-dataproc-metainfo/${id}/sessions/output`,
  };
  if (state === 'ACTIVE' || state === 'TERMINATING')
    return {
      ...base,
      endpoints: {
        'Spark History Server': `${host}/sparkhistory/`,
        ...(session.sparkConnectSession
          ? {
              'Spark Connect Server': `sc://${id.slice(0, 8)}-dot-${location}.dataproc.googleusercontent.com:443`,
            }
          : { 'Jupyter Kernel Gateway': `${host}/gateway/` }),
      },
    };
  if ((state === 'TERMINATED' || state === 'FAILED') && activeSince !== null) {
    const seconds = Math.max(0, (at - activeSince) / 1000);
    return {
      ...base,
      diagnosticOutputUri: `${base.outputUri.replace(/output$/, 'diagnostics')}/diagnostic.tar.gz`,
      approximateUsage: {
        milliDcuSeconds: String(Math.round(MILLI_DCU * seconds)),
        shuffleStorageGbSeconds: String(Math.round(SHUFFLE_GB * seconds)),
        updateTime: rfc3339(at),
      },
    };
  }
  return state === 'FAILED' ? { ...base } : {};
}

/**
 * The stored Session JSON. A row damaged outside the API (its JSON unreadable) is answered from
 * its columns with a message saying so, so that one bad row never makes a whole list fail.
 */
export function storedSession(row: SessionRow): Session {
  try {
    const parsed: unknown = JSON.parse(row.body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Session;
  } catch {
    // fall through to the columns
  }
  return {
    name: row.name,
    uuid: row.uuid,
    state: row.state as SessionState,
    createTime: row.create_time,
    stateMessage: 'The emulator could not read this stored session.',
  };
}

/** The session as read: usage figures change with time, so they are computed when it is read. */
export function renderSession(row: SessionRow, now: number): Session {
  const session = storedSession(row);
  if ((row.state === 'ACTIVE' || row.state === 'TERMINATING') && row.active_since !== null) {
    session.runtimeInfo = {
      ...session.runtimeInfo,
      currentUsage: {
        milliDcu: String(MILLI_DCU),
        shuffleStorageGb: String(SHUFFLE_GB),
        snapshotTime: rfc3339(now),
      },
    };
  }
  return session;
}
