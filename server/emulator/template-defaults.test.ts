import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * Template values are defaults for every field the session leaves unset, at every depth (issue 16,
 * item 7): what gcloud sends (`jupyterSession: {}`) keeps the template's kernel and display name.
 */
let server: TestServer;
const parent = 'projects/tmpl/locations/us-central1';

async function post(path: string, body: unknown) {
  const response = await fetch(`${server.url}/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 600_000 });
  const created = await post(`${parent}/sessionTemplates`, {
    name: `${parent}/sessionTemplates/scala`,
    labels: { team: 'data', tier: 'gold' },
    jupyterSession: { kernel: 'SCALA', displayName: 'Scala notebook' },
    runtimeConfig: { version: '2.2', properties: { 'spark:spark.a': '1', 'spark:spark.b': '2' } },
    environmentConfig: {
      executionConfig: {
        serviceAccount: 'sa@tmpl.iam.gserviceaccount.com',
        ttl: '14400s',
        subnetworkUri: 'sub-a',
      },
      peripheralsConfig: {
        sparkHistoryServerConfig: { dataprocCluster: 'projects/tmpl/regions/us-central1/clusters/phs' },
      },
    },
  });
  expect(created.status).toBe(200);
});
afterAll(() => server.close());

async function createFrom(id: string, session: Record<string, unknown>) {
  const op = await post(`${parent}/sessions?sessionId=${id}`, {
    sessionTemplate: `${parent}/sessionTemplates/scala`,
    ...session,
  });
  expect(op.status).toBe(200);
  return (await (await fetch(`${server.url}/v1/${parent}/sessions/${id}`)).json()) as Record<string, unknown>;
}

describe('template defaults, field by field at every depth', () => {
  it('jupyterSession: {} keeps the template’s kernel and display name; set fields win', async () => {
    const session = await createFrom('gcloud-like', {
      jupyterSession: {},
      labels: { tier: 'silver' },
      runtimeConfig: { properties: { 'spark:spark.b': '3' } },
      environmentConfig: { executionConfig: { ttl: '7200s' } },
    });
    expect(session.jupyterSession).toEqual({ kernel: 'SCALA', displayName: 'Scala notebook' });
    expect(session.labels).toMatchObject({ team: 'data', tier: 'silver' });
    expect(session.runtimeConfig).toMatchObject({
      version: '2.2',
      properties: { 'spark:spark.a': '1', 'spark:spark.b': '3' },
    });
    expect(session.environmentConfig).toMatchObject({
      executionConfig: {
        serviceAccount: 'sa@tmpl.iam.gserviceaccount.com',
        ttl: '7200s',
        subnetworkUri: 'sub-a',
      },
      peripheralsConfig: {
        sparkHistoryServerConfig: { dataprocCluster: 'projects/tmpl/regions/us-central1/clusters/phs' },
      },
    });
  });

  it('a kernel set on the session wins over the template’s, and its display name still defaults', async () => {
    const session = await createFrom('python-kernel', { jupyterSession: { kernel: 'PYTHON' } });
    expect(session.jupyterSession).toEqual({ kernel: 'PYTHON', displayName: 'Scala notebook' });
  });

  it('one-choice fields are not mixed: Spark Connect, and a network in place of a subnetwork', async () => {
    const session = await createFrom('connect', {
      sparkConnectSession: {},
      environmentConfig: { executionConfig: { networkUri: 'net-b' } },
    });
    expect(session.jupyterSession).toBeUndefined();
    expect(session.sparkConnectSession).toEqual({});
    const exec = (session.environmentConfig as { executionConfig: Record<string, unknown> }).executionConfig;
    expect(exec.networkUri).toBe('net-b');
    expect(exec.subnetworkUri).toBeUndefined();
    expect(exec.serviceAccount).toBe('sa@tmpl.iam.gserviceaccount.com');
  });
});
