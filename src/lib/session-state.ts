import { TERMINAL_STATES, TRANSITIONAL_STATES, type SessionState } from '../schemas/session-states';
import type { Session } from '../schemas/wire';

export { TERMINAL_STATES, TRANSITIONAL_STATES };

/** How often to refresh, by what is on screen: fast while something is changing. */
export const FAST_POLL_MS = 2000;
export const SLOW_POLL_MS = 10000;

export function isTransitional(state: SessionState | undefined): boolean {
  return state !== undefined && TRANSITIONAL_STATES.has(state);
}

export function isTerminal(state: SessionState | undefined): boolean {
  return state !== undefined && TERMINAL_STATES.has(state);
}

export const STATE_LABEL: Record<SessionState, string> = {
  STATE_UNSPECIFIED: 'Unknown',
  CREATING: 'Creating',
  ACTIVE: 'Active',
  TERMINATING: 'Terminating',
  TERMINATED: 'Terminated',
  FAILED: 'Failed',
};

export type SessionKind = 'Jupyter (Python)' | 'Jupyter (Scala)' | 'Jupyter' | 'Spark Connect' | 'Not set';

export function sessionKind(session: Pick<Session, 'jupyterSession' | 'sparkConnectSession'>): SessionKind {
  if (session.sparkConnectSession) return 'Spark Connect';
  if (session.jupyterSession) {
    if (session.jupyterSession.kernel === 'PYTHON') return 'Jupyter (Python)';
    if (session.jupyterSession.kernel === 'SCALA') return 'Jupyter (Scala)';
    return 'Jupyter';
  }
  return 'Not set';
}
