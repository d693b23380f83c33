import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { httpClient } from '../testing/http';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server';

const PARENT = 'projects/durable/locations/us-central1';
const running: SpawnedServer[] = [];
const tempDirs: string[] = [];

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataproc-emulator-'));
  tempDirs.push(dir);
  return path.join(dir, 'db.sqlite');
}
async function start(args: string[]) {
  const server = await spawnServer(['--api-only', '--no-seed', ...args]);
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('a kill -9 loses no acknowledged create', async () => {
    const db = tempDb();
    const server = await start(['--db', db]);
    const call = httpClient(server.url);
    const acknowledged: string[] = [];
    const attempts = Array.from({ length: 60 }, (_, i) =>
      call('POST', `/v1/${PARENT}/sessions?sessionId=kill-${i}`, {})
        .then((r) => {
          if (r.status === 200) acknowledged.push(`kill-${i}`);
        })
        .catch(() => undefined),
    );
    // Kill mid-stream, once some creates have been acknowledged and others are still in flight.
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 2));
    await server.stop('SIGKILL');
    await Promise.all(attempts);

    const again = await start(['--db', db]);
    const { body } = await httpClient(again.url)<{ sessions?: { name: string }[] }>(
      'GET',
      `/v1/${PARENT}/sessions?pageSize=1000`,
    );
    const stored = new Set((body.sessions ?? []).map((s) => s.name.split('/').at(-1)));
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });

  it('lifecycles continue across a restart, each step dated when it fell due', async () => {
    const db = tempDb();
    const server = await start(['--db', db, '--transition-ms', '1500']);
    const { body: op } = await httpClient(server.url)<{ name: string }>(
      'POST',
      `/v1/${PARENT}/sessions?sessionId=restart-me`,
      {},
    );
    await server.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 1700));

    const again = await start(['--db', db, '--transition-ms', '1500']);
    const call = httpClient(again.url);
    const { body } = await call<{
      state: string;
      createTime: string;
      stateTime: string;
      stateHistory: { state: string }[];
    }>('GET', `/v1/${PARENT}/sessions/restart-me`);
    expect(body.state).toBe('ACTIVE');
    expect(body.stateHistory.map((h) => h.state)).toEqual(['CREATING']);
    expect(Date.parse(body.stateTime) - Date.parse(body.createTime)).toBe(1500);
    const { body: done } = await call<{ done: boolean }>('GET', `/v1/${op.name}`);
    expect(done.done).toBe(true);
  });

  it('npm start seeds demo data once, across both regions and every state', async () => {
    const db = tempDb();
    // Long transitions, so the states seeded as CREATING and TERMINATING are still in them when read.
    const server = await spawnServer(['--api-only', '--db', db, '--transition-ms', '60000']);
    running.push(server);
    const call = httpClient(server.url);
    const states = new Set<string>();
    let total = 0;
    for (const region of ['us-central1', 'europe-west1']) {
      const { body } = await call<{ sessions: { state: string; stateHistory: unknown[] }[] }>(
        'GET',
        `/v1/projects/demo-project/locations/${region}/sessions?pageSize=100`,
      );
      total += body.sessions.length;
      for (const s of body.sessions) states.add(s.state);
      const { body: templates } = await call<{ sessionTemplates?: unknown[] }>(
        'GET',
        `/v1/projects/demo-project/locations/${region}/sessionTemplates`,
      );
      expect(templates.sessionTemplates?.length).toBeGreaterThan(0);
    }
    expect(total).toBe(20);
    for (const state of ['CREATING', 'ACTIVE', 'TERMINATING', 'TERMINATED', 'FAILED'])
      expect(states).toContain(state);
    await server.stop();
    const again = await spawnServer(['--api-only', '--db', db]);
    running.push(again);
    const { body } = await httpClient(again.url)<{ sessions: unknown[] }>(
      'GET',
      '/v1/projects/demo-project/locations/us-central1/sessions?pageSize=100',
    );
    expect(body.sessions.length).toBe(15);
  });
});
