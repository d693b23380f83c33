import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { findGcloud, gcloudFor, type Gcloud } from './testing/gcloud';
import { startTestServer, type TestServer } from './testing/test-server';

/**
 * The installed gcloud (Google's own client) drives the emulator as it would drive Google: it must
 * create (waiting on the operation), read, list, end and delete sessions, and import and export
 * templates. gcloud takes seconds per call, so the calls are few and run one after another.
 */
const gcloudPath = findGcloud();
if (!gcloudPath) console.warn('gcloud is not installed: the gcloud client tests are skipped.');

const PROJECT = 'gcloud-proj';
const LOCATION = 'us-central1';
const PARENT = `projects/${PROJECT}/locations/${LOCATION}`;
let server: TestServer;
let gcloud: Gcloud;
let dir: string;

const rest = async (pathname: string) =>
  (await (await fetch(`${server.url}/v1/${pathname}`)).json()) as Record<string, unknown>;

/** The session without its live usage figures, which move between two reads of an ACTIVE session. */
function withoutSnapshotTime(session: Record<string, unknown>) {
  const copy = structuredClone(session) as {
    runtimeInfo?: { currentUsage?: unknown; approximateUsage?: unknown };
  };
  if (copy.runtimeInfo) {
    delete copy.runtimeInfo.currentUsage;
    delete copy.runtimeInfo.approximateUsage;
  }
  return copy;
}

describe.skipIf(!gcloudPath)('gcloud against the emulator', () => {
  beforeAll(async () => {
    server = await startTestServer({ transitionMs: 300 });
    gcloud = gcloudFor(server.url, PROJECT);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcloud-files-'));
  });
  afterAll(async () => {
    gcloud?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  it(
    'sessions: create (waiting on the operation), describe, list, terminate, delete',
    { timeout: 150_000 },
    async () => {
      const created = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'create',
        'spark',
        'by-gcloud',
        `--location=${LOCATION}`,
        '--labels=team=data,env=test',
        '--property=spark.executor.cores=8',
        '--ttl=7200s',
        '--format=json',
      ]);
      expect(created.stderr).toContain('is created');
      expect(created.code).toBe(0);
      const name = `${PARENT}/sessions/by-gcloud`;
      const stored = await rest(name);
      expect(stored).toMatchObject({
        state: 'ACTIVE',
        labels: expect.objectContaining({ team: 'data', env: 'test' }),
        runtimeConfig: expect.objectContaining({ properties: { 'spark.executor.cores': '8' } }),
        environmentConfig: { executionConfig: expect.objectContaining({ ttl: '7200s' }) },
      });

      const described = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'describe',
        'by-gcloud',
        `--location=${LOCATION}`,
        '--format=json',
      ]);
      expect(described.code).toBe(0);
      // The same session, field for field, but for the usage snapshot, stamped at each read.
      expect(withoutSnapshotTime(JSON.parse(described.stdout))).toEqual(
        withoutSnapshotTime(await rest(name)),
      );

      const listed = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'list',
        `--location=${LOCATION}`,
        '--format=json(name,state)',
      ]);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([{ name, state: 'ACTIVE' }]);

      const terminated = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'terminate',
        'by-gcloud',
        `--location=${LOCATION}`,
      ]);
      expect(terminated.code).toBe(0);
      expect((await rest(name)).state).toBe('TERMINATED');

      const deleted = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'delete',
        'by-gcloud',
        `--location=${LOCATION}`,
      ]);
      expect(deleted.code).toBe(0);
      expect(((await rest(name)).error as { code: number }).code).toBe(404);
    },
  );

  it(
    'a refused session ID comes back as the API’s error, and nothing is stored',
    { timeout: 60_000 },
    async () => {
      const refused = await gcloud.run([
        'beta',
        'dataproc',
        'sessions',
        'create',
        'spark',
        'Bad_ID',
        `--location=${LOCATION}`,
      ]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/INVALID_ARGUMENT|sessionId|session ID/i);
      const listed = (await rest(`${PARENT}/sessions`)) as { sessions?: { name: string }[] };
      expect((listed.sessions ?? []).map((s) => s.name)).not.toContain(`${PARENT}/sessions/Bad_ID`);
    },
  );

  it('session templates: import a YAML file, export it back', { timeout: 90_000 }, async () => {
    const template = {
      description: 'Scala notebooks, "quoted", $HOME, été',
      labels: { team: 'data' },
      jupyterSession: { kernel: 'SCALA', displayName: 'Scala' },
      runtimeConfig: { version: '2.3', properties: { 'spark:spark.sql.shuffle.partitions': '64' } },
      environmentConfig: { executionConfig: { ttl: '14400s', networkTags: ['a', 'b'] } },
    };
    const source = path.join(dir, 'template.yaml');
    fs.writeFileSync(source, YAML.stringify(template));
    const imported = await gcloud.run([
      'beta',
      'dataproc',
      'session-templates',
      'import',
      'from-gcloud',
      `--location=${LOCATION}`,
      `--source=${source}`,
      '--quiet',
    ]);
    expect(imported.code).toBe(0);
    const stored = await rest(`${PARENT}/sessionTemplates/from-gcloud`);
    expect(stored).toMatchObject(template);

    const destination = path.join(dir, 'exported.yaml');
    const exported = await gcloud.run([
      'beta',
      'dataproc',
      'session-templates',
      'export',
      'from-gcloud',
      `--location=${LOCATION}`,
      `--destination=${destination}`,
    ]);
    expect(exported.code).toBe(0);
    expect(YAML.parse(fs.readFileSync(destination, 'utf8'))).toMatchObject(template);
  });
});
