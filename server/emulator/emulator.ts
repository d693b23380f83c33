import { Clock } from './clock';
import { openDatabase, resetDatabase, type Db } from './database';
import { Faults } from './faults';
import { Operations } from './operations';
import { seedDemoData } from './seed';
import { Sessions } from './sessions';
import { Templates } from './templates';

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
  private timer: NodeJS.Timeout;

  constructor(options: EmulatorOptions) {
    this.db = openDatabase(options.db);
    const creator = options.creator ?? 'emulator-user@example.com';
    this.operations = new Operations(this.db, this.clock);
    this.templates = new Templates(this.db, this.clock, creator);
    this.sessions = new Sessions({
      db: this.db,
      clock: this.clock,
      operations: this.operations,
      templates: this.templates,
      transitionMs: options.transitionMs,
      creator,
    });
    // Catch up on transitions that fell due while the process was stopped.
    this.sessions.advance(this.clock.now());
    const seeded = this.db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get();
    if (options.seed && !seeded) this.seed();
    // Lifecycle steps happen on time even when nobody is asking.
    this.timer = setInterval(() => this.sessions.advance(this.clock.now()), 100);
    this.timer.unref();
  }

  private seed() {
    seedDemoData(this.sessions, this.templates, this.clock);
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')").run();
  }

  reset(seed: boolean): void {
    resetDatabase(this.db);
    this.faults.clear();
    this.clock.offset = 0;
    if (seed) this.seed();
  }

  close(): void {
    clearInterval(this.timer);
    this.db.close();
  }
}
