import { Clock } from './clock';
import { openDatabase, resetDatabase, type Db } from './database';
import { Faults } from './faults';
import { Operations } from './operations';
import { seedDemoData } from './seed';
import { Sessions } from './sessions';
import { sparkUsageModel } from './spark/usage';
import { WorkloadRuns } from './spark/workload-runs';
import { Templates } from './templates';

/**
 * Retention (README): finished operations, and requestId records, are removed 30 days (emulator
 * clock) after they finished or were recorded. Pending operations stay until their session acts.
 */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 60_000;

export interface EmulatorOptions {
  db: string;
  transitionMs: number;
  seed: boolean;
  creator?: string;
}

/** The emulator's state and services, with no HTTP in it. */
export class Emulator {
  readonly db: Db;
  readonly clock = new Clock();
  readonly faults = new Faults();
  readonly operations: Operations;
  readonly templates: Templates;
  readonly sessions: Sessions;
  /** Spark workloads started through the control API; they also drive the usage figures. */
  readonly runs: WorkloadRuns;
  private timer: NodeJS.Timeout;
  private lastPrune = -Infinity;

  constructor(options: EmulatorOptions) {
    this.db = openDatabase(options.db);
    const creator = options.creator ?? 'emulator-user@example.com';
    this.operations = new Operations(this.db, this.clock);
    this.templates = new Templates(this.db, this.clock, creator);
    this.runs = new WorkloadRuns(this.db);
    this.sessions = new Sessions({
      db: this.db,
      clock: this.clock,
      operations: this.operations,
      templates: this.templates,
      transitionMs: options.transitionMs,
      creator,
      usage: sparkUsageModel(this.runs),
    });
    // Catch up on transitions that fell due while the process was stopped, and on retention.
    this.tick();
    const seeded = this.db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get();
    if (options.seed && !seeded) this.seed();
    // Lifecycle steps happen on time even when nobody is asking.
    this.timer = setInterval(() => this.tick(), 100);
    this.timer.unref();
  }

  /**
   * One background step: the lifecycle, then (at most once a minute of emulator time) retention.
   * Never throws: the lifecycle skips rows it cannot process, and a failed prune is tried again.
   */
  tick(): void {
    const now = this.clock.now();
    this.sessions.advance(now);
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    try {
      const before = now - RETENTION_MS;
      this.operations.prune(before);
      this.sessions.pruneRequestIds(before);
    } catch (error) {
      console.error('Retention: prune failed:', error);
    }
  }

  private seed() {
    seedDemoData(this.sessions, this.templates, this.clock, this.runs);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')").run();
  }

  reset(seed: boolean): void {
    resetDatabase(this.db);
    this.faults.clear();
    this.clock.offset = 0;
    this.lastPrune = -Infinity;
    if (seed) this.seed();
  }

  close(): void {
    clearInterval(this.timer);
    this.db.close();
  }
}
