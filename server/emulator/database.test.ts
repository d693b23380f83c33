import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Emulator } from './emulator';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a database from before retention', () => {
  it('is upgraded in place: its requestIds still replay and its operations get a retention start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataproc-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'old.sqlite');
    // The first release's tables for operations and requestIds, with one finished create in them.
    const old = new Database(file);
    old.exec(`
      CREATE TABLE operations (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,
        parent TEXT NOT NULL, session_name TEXT NOT NULL, kind TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL);
      CREATE TABLE request_ids (scope TEXT NOT NULL, request_id TEXT NOT NULL, operation TEXT NOT NULL,
        PRIMARY KEY (scope, request_id));
    `);
    const name = 'projects/old/regions/us-central1/operations/op-1';
    old
      .prepare(
        'INSERT INTO operations (name, parent, session_name, kind, done, body) VALUES (?, ?, ?, ?, 1, ?)',
      )
      .run(
        name,
        'projects/old/regions/us-central1',
        'projects/old/locations/us-central1/sessions/s1',
        'CREATE',
        JSON.stringify({ name, done: true }),
      );
    old
      .prepare('INSERT INTO request_ids (scope, request_id, operation) VALUES (?, ?, ?)')
      .run('create:projects/old/locations/us-central1', 'r1', name);
    old.close();

    const before = Date.now();
    const emulator = new Emulator({ db: file, transitionMs: 10, seed: false });
    try {
      const replayed = emulator.sessions.create({
        parent: 'projects/old/locations/us-central1',
        sessionId: 'other-id',
        requestId: 'r1',
        session: {},
      });
      expect(replayed.name).toBe(name);
      const row = emulator.db.prepare('SELECT done_at FROM operations WHERE name = ?').get(name) as {
        done_at: number;
      };
      expect(row.done_at).toBeGreaterThanOrEqual(before);
    } finally {
      emulator.close();
    }
  });
});
