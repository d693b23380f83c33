import type { Db } from '../database';
import type { SessionFacts, WorkloadRun } from './simulation';
import { WORKLOADS } from './workloads';

/** A session's hand-started runs are few: each is a bounded script, and reads look at each run. */
export const MAX_RUNS_PER_SESSION = 50;

/**
 * Workload runs started through the control API, by session uuid (a new session never inherits
 * one). The table is created and reset with the rest of the database (database.ts).
 */
export class WorkloadRuns {
  constructor(private readonly db: Db) {}

  add(uuid: string, workload: string, start: number): void {
    this.db
      .prepare('INSERT INTO spark_workload_runs (session_uuid, workload, start_ms) VALUES (?, ?, ?)')
      .run(uuid, workload, start);
  }

  count(uuid: string): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM spark_workload_runs WHERE session_uuid = ?').get(uuid) as {
        n: number;
      }
    ).n;
  }

  /** The notebook workload from the moment the session became ACTIVE, then the runs started by hand. */
  of(facts: SessionFacts): WorkloadRun[] {
    const rows = this.db
      .prepare('SELECT seq, workload, start_ms FROM spark_workload_runs WHERE session_uuid = ? ORDER BY seq')
      .all(facts.uuid) as { seq: number; workload: string; start_ms: number }[];
    const notebook = WORKLOADS.notebook!;
    // A `quiet` run ends the notebook with the cycle under way when it was asked for.
    const quiet = rows.find((r) => r.workload === 'quiet');
    const cycles = quiet
      ? Math.max(0, Math.ceil((quiet.start_ms - facts.activeSince) / notebook.cycleMs))
      : notebook.cycles;
    return [
      { seq: 0, workload: { ...notebook, cycles }, start: facts.activeSince },
      ...rows
        .filter((r) => Object.hasOwn(WORKLOADS, r.workload))
        .map((r) => ({ seq: r.seq, workload: WORKLOADS[r.workload]!, start: r.start_ms })),
    ];
  }
}
