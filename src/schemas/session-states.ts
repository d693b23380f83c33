/**
 * A session's states, in the order of their proto numbers, without a schema: the list route sorts,
 * filters and labels by state and needs no zod for it (src/schemas/enums.ts builds the wire schema
 * from this list).
 */
export const SESSION_STATES = [
  'STATE_UNSPECIFIED',
  'CREATING',
  'ACTIVE',
  'TERMINATING',
  'TERMINATED',
  'FAILED',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<SessionState> = new Set(['TERMINATED', 'FAILED']);
export const TRANSITIONAL_STATES: ReadonlySet<SessionState> = new Set(['CREATING', 'TERMINATING']);
