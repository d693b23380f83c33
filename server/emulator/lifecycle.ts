import { TERMINAL_STATES, type OperationType, type SessionState } from '../../src/schemas/enums';
import { parseDurationSeconds } from '../../src/schemas/rules';
import type { Session, SessionStateHistory } from '../../src/schemas/wire';
import { rfc3339, type Clock } from './clock';
import type { Db } from './database';
import { RpcError } from './errors';
import type { Operations } from './operations';
import { renderSession, runtimeInfoFor } from './runtime-info';
import type { UsageModel } from './spark/usage';
import { DEFAULT_IDLE_TTL, DEFAULT_TTL } from './session-defaults';
import type { SessionRow, SessionStore } from './session-store';

export interface LifecycleOptions {
  db: Db;
  store: SessionStore;
  clock: Clock;
  operations: Operations;
  /** How long CREATING and TERMINATING last. */
  transitionMs: number;
  /** The usage figures of a running or ended session. */
  usage: UsageModel;
}

export interface SkippedSession {
  session: string;
  problem: string;
  /** When it was first skipped (emulator clock). */
  at: string;
}

/** The state machine: CREATING → ACTIVE → TERMINATING → TERMINATED, or FAILED. */
export class Lifecycle {
  /** Rows whose step failed, by seq: left as stored, not retried until rewritten or restarted. */
  private readonly skipped = new Map<number, SkippedSession>();

  constructor(private readonly o: LifecycleOptions) {}

  /**
   * Starts TERMINATING a live session. On a session that has already ended the request is a
   * no-op that succeeds at once (our choice; README), and a pending delete removes it now.
   */
  beginTermination(row: SessionRow, message: string, kinds: OperationType[]): void {
    const now = this.o.clock.now();
    if (TERMINAL_STATES.has(row.state as SessionState)) {
      this.endOfLife(row, now, kinds);
      return;
    }
    if (row.state === 'TERMINATING') return; // already on its way; the operation completes with it
    this.transition(row, 'TERMINATING', message, now, now + this.o.transitionMs);
  }

  /** Completes operations on a session that has reached TERMINATED or FAILED, and deletes it if asked. */
  private endOfLife(row: SessionRow, at: number, kinds: OperationType[]) {
    const session = renderSession(row, this.o.clock.now(), this.o.usage);
    if (row.delete_when_terminated) this.o.store.remove(row.seq);
    this.o.operations.finish(row.name, kinds, at, { session });
  }

  private transition(
    row: SessionRow,
    to: SessionState,
    message: string | undefined,
    at: number,
    nextEventAt: number | null,
  ) {
    const session = JSON.parse(row.body) as Session;
    const history: SessionStateHistory[] = [...(session.stateHistory ?? [])];
    history.push({
      state: session.state,
      ...(session.stateMessage ? { stateMessage: session.stateMessage } : {}),
      stateStartTime: session.stateTime,
    });
    session.stateHistory = history;
    session.state = to;
    session.stateTime = rfc3339(at);
    if (message) session.stateMessage = message;
    else delete session.stateMessage;
    const activeSince = to === 'ACTIVE' ? at : row.active_since;
    session.runtimeInfo = runtimeInfoFor(session, to, activeSince, at, this.o.usage);
    this.o.store.updateState(row, {
      state: to,
      body: JSON.stringify(session),
      next_event_at: nextEventAt,
      active_since: activeSince,
    });
  }

  /**
   * Applies every lifecycle step that is due by `now`, each at the time it was due. Each session's
   * step runs in its own transaction: a stored row that cannot be processed is rolled back, logged,
   * skipped from then on and reported by `problems()` (GET /control/health). Nothing here throws,
   * so neither the background tick nor the start-up catch-up can stop the process.
   */
  advance(now: number): void {
    try {
      for (let row = this.nextDue(now); row; row = this.nextDue(now)) {
        const due = row;
        try {
          this.o.db.transaction(() => this.step(due))();
        } catch (error) {
          const problem = error instanceof Error ? error.message : String(error);
          console.error(`Lifecycle: skipping session ${due.name} (row ${due.seq}): ${problem}`);
          this.skipped.set(due.seq, { session: due.name, problem, at: rfc3339(this.o.clock.now()) });
        }
      }
    } catch (error) {
      // The query itself failed (a locked or damaged database): try again on the next tick.
      console.error('Lifecycle: tick failed:', error);
    }
  }

  /** Sessions whose stored row could not be processed, skipped until overwritten or restarted. */
  problems(): SkippedSession[] {
    return [...this.skipped.values()];
  }

  /** A session's row was rewritten (control API): try its lifecycle again. */
  retry(seq: number): void {
    this.skipped.delete(seq);
  }

  private nextDue(now: number): SessionRow | undefined {
    return this.o.store.nextDue(now, [...this.skipped.keys()]);
  }

  private step(row: SessionRow): void {
    const at = row.next_event_at!;
    if (row.state === 'CREATING') {
      if (row.fail_message) {
        this.transition(row, 'FAILED', row.fail_message, at, null);
        this.o.operations.finish(row.name, ['CREATE'], at, {
          error: new RpcError('FAILED_PRECONDITION', row.fail_message),
        });
        this.endOfLife(row, at, ['TERMINATE', 'DELETE']);
      } else {
        const session = JSON.parse(row.body) as Session;
        this.transition(row, 'ACTIVE', undefined, at, at + lifetimeLimit(session).seconds * 1000);
        this.o.operations.finish(row.name, ['CREATE'], at, {
          session: renderSession(row, this.o.clock.now(), this.o.usage),
        });
      }
    } else if (row.state === 'ACTIVE') {
      const { reason } = lifetimeLimit(JSON.parse(row.body) as Session);
      this.transition(row, 'TERMINATING', reason, at, at + this.o.transitionMs);
    } else if (row.state === 'TERMINATING') {
      this.transition(row, 'TERMINATED', undefined, at, null);
      this.o.operations.finish(row.name, ['CREATE'], at, {
        error: new RpcError('ABORTED', 'The session was terminated before it became active.'),
      });
      this.endOfLife(row, at, ['TERMINATE', 'DELETE']);
    } else {
      this.o.store.clearNextEvent(row.seq);
    }
  }
}

/**
 * How long an ACTIVE session lives and what ends it: the TTL or the idle TTL, whichever is shorter
 * (the emulator runs no workloads, so idleness counts from becoming ACTIVE).
 */
export function lifetimeLimit(session: Session): { seconds: number; reason: string } {
  const exec = session.environmentConfig?.executionConfig;
  const ttl = exec?.ttl ?? DEFAULT_TTL;
  const idleTtl = exec?.idleTtl ?? DEFAULT_IDLE_TTL;
  const ttlSeconds = parseDurationSeconds(ttl)!;
  const idleSeconds = parseDurationSeconds(idleTtl)!;
  return idleSeconds <= ttlSeconds
    ? { seconds: idleSeconds, reason: `Session idle for longer than its idle TTL (${idleTtl}).` }
    : { seconds: ttlSeconds, reason: `Session reached its TTL (${ttl}).` };
}
