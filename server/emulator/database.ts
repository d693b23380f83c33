import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Opens (or creates) the emulator's SQLite file. WAL with synchronous=FULL: a write is on disk
 * before its response is sent, so `kill -9` at any moment loses nothing that was acknowledged.
 * better-sqlite3 is synchronous, so each handler's transaction runs alone: concurrent requests
 * can neither interleave inside one nor lose each other's writes.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS sessions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      parent TEXT NOT NULL,
      session_id TEXT NOT NULL,
      uuid TEXT NOT NULL,
      state TEXT NOT NULL,
      create_time TEXT NOT NULL,
      labels TEXT NOT NULL,
      body TEXT NOT NULL,
      next_event_at INTEGER,
      active_since INTEGER,
      fail_message TEXT,
      delete_when_terminated INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS sessions_by_parent ON sessions(parent, create_time DESC, seq DESC);
    CREATE INDEX IF NOT EXISTS sessions_due ON sessions(next_event_at) WHERE next_event_at IS NOT NULL;
    CREATE TABLE IF NOT EXISTS operations (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      parent TEXT NOT NULL,
      session_name TEXT NOT NULL,
      kind TEXT NOT NULL,
      done INTEGER NOT NULL DEFAULT 0,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS operations_pending ON operations(session_name) WHERE done = 0;
    CREATE TABLE IF NOT EXISTS request_ids (
      scope TEXT NOT NULL,
      request_id TEXT NOT NULL,
      operation TEXT NOT NULL,
      PRIMARY KEY (scope, request_id)
    );
    CREATE TABLE IF NOT EXISTS templates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      parent TEXT NOT NULL,
      create_time TEXT NOT NULL,
      labels TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS spark_workload_runs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      session_uuid TEXT NOT NULL,
      workload TEXT NOT NULL,
      start_ms INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS spark_workload_runs_by_session ON spark_workload_runs(session_uuid, seq);
  `);
  migrate(db);
  return db;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some(
    (c) => c.name === column,
  );
}

/**
 * Columns added after the first release, for retention (when an operation finished, when a
 * requestId was recorded) and for finding a requestId's session once its operation is gone. Rows
 * from before get the time of the upgrade, so their retention starts then.
 */
function migrate(db: Db): void {
  const now = Date.now();
  db.transaction(() => {
    if (!hasColumn(db, 'operations', 'done_at')) {
      db.exec('ALTER TABLE operations ADD COLUMN done_at INTEGER');
      db.prepare('UPDATE operations SET done_at = ? WHERE done = 1').run(now);
    }
    if (!hasColumn(db, 'request_ids', 'created_at')) {
      db.exec('ALTER TABLE request_ids ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0');
      db.exec('ALTER TABLE request_ids ADD COLUMN session_name TEXT');
      db.prepare('UPDATE request_ids SET created_at = ?').run(now);
    }
    db.exec(`
      CREATE INDEX IF NOT EXISTS operations_done_at ON operations(done_at) WHERE done = 1;
      CREATE INDEX IF NOT EXISTS request_ids_created_at ON request_ids(created_at);
    `);
  })();
}

export function resetDatabase(db: Db): void {
  db.exec(
    'DELETE FROM sessions; DELETE FROM operations; DELETE FROM request_ids; DELETE FROM templates; DELETE FROM meta; DELETE FROM spark_workload_runs;',
  );
}
