import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpClient } from '../testing/http';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server';
import { waitFor } from '../testing/test-server';

const PARENT = 'projects/recovery/locations/us-central1';
const running: SpawnedServer[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(db: string, transitionMs = 300) {
  const server = await spawnServer([
    '--api-only',
    '--no-seed',
    '--db',
    db,
    '--transition-ms',
    String(transitionMs),
  ]);
  running.push(server);
  return server;
}

interface Health {
  status: string;
  skippedSessions?: { session: string; problem: string }[];
}

describe('a stored row the lifecycle cannot process', () => {
  it('is skipped and reported at start-up and on every tick; the process and every other session go on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataproc-recovery-'));
    tempDirs.push(dir);
    const db = path.join(dir, 'db.sqlite');
    // Long enough that no session leaves CREATING before the kill, even on a busy machine.
    const first = await start(db, 1500);
    const call = httpClient(first.url);
    const created = Date.now();
    for (const id of ['not-iterable', 'not-json', 'healthy'])
      expect((await call('POST', `/v1/${PARENT}/sessions?sessionId=${id}`, {})).status).toBe(200);
    await first.stop('SIGKILL');
    expect(Date.now() - created, 'the creates outlasted the CREATING step').toBeLessThan(1500);

    // Damage two rows the way a bad write or a hand edit would, while their CREATING step is due.
    const sqlite = new Database(db);
    sqlite
      .prepare("UPDATE sessions SET body = json_set(body, '$.stateHistory', 5) WHERE session_id = ?")
      .run('not-iterable');
    sqlite.prepare("UPDATE sessions SET body = '{not json' WHERE session_id = ?").run('not-json');
    sqlite.close();
    // Until the CREATING step is due for all three.
    await new Promise((r) => setTimeout(r, Math.max(0, created + 1600 - Date.now())));

    const again = await start(db);
    const call2 = httpClient(again.url);
    // The start-up catch-up moved the healthy session on in spite of the two bad rows before it.
    const healthy = await call2<{ state: string }>('GET', `/v1/${PARENT}/sessions/healthy`);
    expect(healthy.body.state).toBe('ACTIVE');
    const { body: health } = await call2<Health>('GET', '/control/health');
    expect(health.status).toBe('degraded');
    expect(health.skippedSessions?.map((s) => s.session).sort()).toEqual([
      `${PARENT}/sessions/not-iterable`,
      `${PARENT}/sessions/not-json`,
    ]);
    expect(health.skippedSessions?.find((s) => s.session.endsWith('not-iterable'))?.problem).toMatch(
      /iterable/,
    );
    // Reads still answer: the unreadable row from its columns, saying so.
    const list = await call2<{ sessions: { name: string; state: string; stateMessage?: string }[] }>(
      'GET',
      `/v1/${PARENT}/sessions`,
    );
    expect(list.status).toBe(200);
    expect(list.body.sessions).toHaveLength(3);
    expect(list.body.sessions.find((s) => s.name.endsWith('not-json'))).toMatchObject({
      state: 'CREATING',
      stateMessage: 'The emulator could not read this stored session.',
    });
    // Creates and ticks keep working while the bad rows stay skipped.
    expect((await call2('POST', `/v1/${PARENT}/sessions?sessionId=after-restart`, {})).status).toBe(200);
    await waitFor(async () => {
      const { body } = await call2<{ state: string }>('GET', `/v1/${PARENT}/sessions/after-restart`);
      return body.state === 'ACTIVE' ? true : undefined;
    });
    expect(again.child.exitCode).toBeNull();

    // Repairing the row through the control API puts it back into the lifecycle.
    const repaired = await call2('POST', '/control/sessions:overwrite', {
      name: `${PARENT}/sessions/not-iterable`,
      fields: { stateHistory: [] },
    });
    expect(repaired.status).toBe(200);
    await waitFor(async () => {
      const { body } = await call2<{ state: string }>('GET', `/v1/${PARENT}/sessions/not-iterable`);
      return body.state === 'ACTIVE' ? true : undefined;
    });
    const { body: after } = await call2<Health>('GET', '/control/health');
    expect(after.skippedSessions?.map((s) => s.session)).toEqual([`${PARENT}/sessions/not-json`]);
  });
});
