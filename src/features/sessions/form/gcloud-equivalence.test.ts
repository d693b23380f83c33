import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../schemas/wire';
import { gcloudCommand } from './session-form-model';

/**
 * The console's equivalent gcloud command, run by the installed gcloud against the emulator,
 * creates the same session as the REST request the form sends. The emulator runs as its own
 * process (the console reaches the server over HTTP only; this test does too). Skipped, with a
 * message, where gcloud is not installed.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const hasGcloud = (process.env.PATH ?? '')
  .split(path.delimiter)
  .some((dir) => fs.existsSync(path.join(dir, 'gcloud')));
if (!hasGcloud) console.warn('gcloud is not installed: the gcloud equivalence test is skipped.');

const place = { project: 'equiv-proj', location: 'us-central1' };
const parent = `projects/${place.project}/locations/${place.location}`;
let child: ChildProcess;
let url: string;
let configDir: string;

async function post(pathname: string, body: unknown) {
  const response = await fetch(`${url}/v1/${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}
const get = async (pathname: string) =>
  (await (await fetch(`${url}/v1/${pathname}`)).json()) as Session & Record<string, unknown>;

/** What the session asked for: output-only fields and the ID-bearing service labels left out. */
function asked(session: Session) {
  return {
    sessionTemplate: session.sessionTemplate,
    jupyterSession: session.jupyterSession,
    sparkConnectSession: session.sparkConnectSession,
    runtimeConfig: session.runtimeConfig,
    environmentConfig: session.environmentConfig,
    labels: Object.fromEntries(Object.entries(session.labels ?? {}).filter(([k]) => !k.startsWith('goog-'))),
  };
}

describe.skipIf(!hasGcloud)('the console’s gcloud command, run by gcloud', () => {
  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'server/main.ts'),
        '--api-only',
        '--db',
        ':memory:',
        '--port',
        '0',
        '--transition-ms',
        '300',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Listening on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcloud-config-'));
    fs.mkdirSync(path.join(configDir, 'configurations'));
    fs.writeFileSync(path.join(configDir, 'token'), 'any-token');
    fs.writeFileSync(path.join(configDir, 'active_config'), 'default');
    fs.writeFileSync(
      path.join(configDir, 'configurations', 'config_default'),
      `[core]\ndisable_usage_reporting = true\n[auth]\naccess_token_file = ${path.join(configDir, 'token')}\n[api_endpoint_overrides]\ndataproc = ${url}/\n[component_manager]\ndisable_update_check = true\n`,
    );
  }, 60_000);
  afterAll(() => {
    child?.kill();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it(
    'recreates the session the REST request creates, field by field: commas, quotes, $, unicode, tags, a template',
    { timeout: 90_000 },
    async () => {
      await post(`${parent}/sessionTemplates`, {
        name: `${parent}/sessionTemplates/base`,
        labels: { owner: 'platform' },
        runtimeConfig: { version: '2.2', properties: { 'spark.sql.shuffle.partitions': '64' } },
        environmentConfig: { executionConfig: { serviceAccount: 'tmpl@equiv-proj.iam.gserviceaccount.com' } },
      });
      const session: Session = {
        sessionTemplate: `${parent}/sessionTemplates/base`,
        jupyterSession: { kernel: 'PYTHON' },
        labels: { team: 'data', env: 'prod-1' },
        runtimeConfig: {
          version: '2.3',
          properties: {
            'spark.jars.packages': 'org.a:b:1.0,org.c:d:2.0',
            'spark.driver.extraJavaOptions': `-Dx=1 -Dy='two words' -Dz="q" -Dhome=$HOME -Dcost=\${price}`,
            'spark.app.name': 'Données été ✓ 数据',
          },
        },
        environmentConfig: {
          executionConfig: {
            ttl: '7200s',
            idleTtl: '1800s',
            networkTags: ['tag-a', 'tag-b'],
            subnetworkUri: 'sub-1',
          },
        },
      };
      const { command, notExpressible } = gcloudCommand(session, place, 'via-gcloud');
      expect(notExpressible).toEqual([]);
      const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(
          'bash',
          ['-c', command],
          {
            env: { ...process.env, CLOUDSDK_CONFIG: configDir, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
            timeout: 80_000,
          },
          (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }),
        ),
      );
      expect(result.stderr).toContain('is created');
      expect(result.code).toBe(0);
      await post(`${parent}/sessions?sessionId=via-rest`, session);
      const byGcloud = await get(`${parent}/sessions/via-gcloud`);
      const byRest = await get(`${parent}/sessions/via-rest`);
      expect(asked(byGcloud)).toEqual(asked(byRest));
      // And what was asked for arrived, merged over the template.
      expect(byGcloud.runtimeConfig?.properties).toMatchObject(session.runtimeConfig!.properties!);
      expect(byGcloud.labels).toMatchObject({ owner: 'platform', team: 'data', env: 'prod-1' });
    },
  );
});
