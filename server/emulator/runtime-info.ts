import type { SessionState } from '../../src/schemas/enums';
import type { Session } from '../../src/schemas/wire';
import type { SessionRow } from './session-store';
import { parseName } from '../../src/schemas/names';
import type { UsageModel } from './spark/usage';

/** The runtimeInfo a session carries once it enters `state`: endpoints while running, usage after. */
export function runtimeInfoFor(
  session: Session,
  state: SessionState,
  activeSince: number | null,
  at: number,
  usage: UsageModel,
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
    // The usage ends when the session stopped being ACTIVE (TERMINATING, or FAILED straight from it).
    const end = endOfActive(session) ?? at;
    return {
      ...base,
      diagnosticOutputUri: `${base.outputUri.replace(/output$/, 'diagnostics')}/diagnostic.tar.gz`,
      approximateUsage: usage(session, activeSince, end, true).approximateUsage,
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

/** When the session left ACTIVE, from its history (the step after the ACTIVE one). */
function endOfActive(session: Session): number | undefined {
  const steps = [
    ...(session.stateHistory ?? []).map((h) => ({ state: h.state, at: h.stateStartTime })),
    { state: session.state, at: session.stateTime },
  ];
  const i = steps.findIndex((s) => s.state === 'ACTIVE');
  const after = i >= 0 ? steps[i + 1]?.at : undefined;
  return after ? Date.parse(after) : undefined;
}

/**
 * The session as read: usage figures change with time, so they are computed when it is read:
 * `currentUsage` and a growing `approximateUsage` while ACTIVE, the usage up to the end of ACTIVE
 * while TERMINATING (final figures are stored when it ends).
 */
export function renderSession(row: SessionRow, now: number, usage: UsageModel): Session {
  const session = storedSession(row);
  if ((row.state === 'ACTIVE' || row.state === 'TERMINATING') && row.active_since !== null) {
    const end = row.state === 'TERMINATING' ? endOfActive(session) : undefined;
    // Figures stored with the session (only the control API's overwrite puts them there) win.
    session.runtimeInfo = {
      ...usage(session, row.active_since, end ?? now, end !== undefined),
      ...session.runtimeInfo,
    };
  }
  return session;
}
