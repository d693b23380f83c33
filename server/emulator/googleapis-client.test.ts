import { google, type dataproc_v1 } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstDiscovery, checkOperation } from '../testing/discovery';
import { startTestServer, waitFor, type TestServer } from '../testing/test-server';

/** Google's own Node client, pointed at the emulator: what a user's script would do. */
let server: TestServer;
let dataproc: dataproc_v1.Dataproc;
const parent = 'projects/gapi/locations/us-central1';

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 30 });
  dataproc = google.dataproc({ version: 'v1', rootUrl: `${server.url}/` });
});
afterAll(() => server.close());

async function poll(name: string) {
  return waitFor(async () => {
    const { data } = await dataproc.projects.regions.operations.get({ name });
    expect(checkOperation(data)).toEqual([]);
    return data.done ? data : undefined;
  });
}

describe('googleapis Node client against the emulator', () => {
  it('creates, gets, lists with filters and pages, terminates and deletes', async () => {
    for (const [id, env] of [
      ['gapi-one', 'prod'],
      ['gapi-two', 'dev'],
      ['gapi-three', 'prod'],
    ]) {
      const { data: op } = await dataproc.projects.locations.sessions.create({
        parent,
        sessionId: id,
        requestId: `req-${id}`,
        requestBody: {
          labels: { env: env! },
          jupyterSession: { kernel: 'PYTHON' },
          environmentConfig: { executionConfig: { ttl: '7200s' } },
        },
      });
      expect(op.name).toMatch(/\/regions\/us-central1\/operations\//);
      const done = await poll(op.name!);
      expect(done.response).toMatchObject({ state: 'ACTIVE' });
    }

    const { data: got } = await dataproc.projects.locations.sessions.get({
      name: `${parent}/sessions/gapi-two`,
    });
    expect(checkAgainstDiscovery(got, 'Session')).toEqual([]);
    expect(got.environmentConfig?.executionConfig?.ttl).toBe('7200s');

    const { data: filtered } = await dataproc.projects.locations.sessions.list({
      parent,
      filter: 'state = ACTIVE and labels.env = prod',
    });
    expect(filtered.sessions?.map((s) => s.name?.split('/').at(-1))).toEqual(['gapi-three', 'gapi-one']);

    const names: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await dataproc.projects.locations.sessions.list({ parent, pageSize: 2, pageToken });
      names.push(...(data.sessions ?? []).map((s) => s.name!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(names).toHaveLength(3);

    const { data: terminate } = await dataproc.projects.locations.sessions.terminate({
      name: `${parent}/sessions/gapi-one`,
      requestBody: { requestId: 'term-gapi-one' },
    });
    expect((await poll(terminate.name!)).response).toMatchObject({ state: 'TERMINATED' });

    const { data: del } = await dataproc.projects.locations.sessions.delete({
      name: `${parent}/sessions/gapi-two`,
    });
    await poll(del.name!);
    await expect(
      dataproc.projects.locations.sessions.get({ name: `${parent}/sessions/gapi-two` }),
    ).rejects.toMatchObject({
      status: 404,
      message: `Not found: Session ${parent}/sessions/gapi-two`,
    });
  });

  it('polls operations through the locations collection too', async () => {
    const { data: op } = await dataproc.projects.locations.sessions.create({
      parent,
      sessionId: 'gapi-loc',
      requestBody: {},
    });
    const { data } = await dataproc.projects.locations.operations.get({
      name: op.name!.replace('/regions/', '/locations/'),
    });
    expect(data.name).toBe(op.name);
  });

  it('gets the API errors: 400 with field violations, 409 and 404', async () => {
    const bad = dataproc.projects.locations.sessions.create({
      parent,
      sessionId: 'Bad_Id',
      requestBody: {},
    });
    await expect(bad).rejects.toMatchObject({ status: 400, message: expect.stringContaining('sessionId') });
    const labels = dataproc.projects.locations.sessions.create({
      parent,
      sessionId: 'gapi-labels',
      requestBody: { labels: { UP: 'x' } },
    });
    await expect(labels).rejects.toMatchObject({
      status: 400,
      response: {
        data: {
          error: {
            details: [{ fieldViolations: [expect.objectContaining({ field: 'session.labels["UP"]' })] }],
          },
        },
      },
    });
    await dataproc.projects.locations.sessions.create({ parent, sessionId: 'gapi-dupe', requestBody: {} });
    await expect(
      dataproc.projects.locations.sessions.create({ parent, sessionId: 'gapi-dupe', requestBody: {} }),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      dataproc.projects.locations.sessions.terminate({ name: `${parent}/sessions/none`, requestBody: {} }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('manages session templates and creates a session from one', async () => {
    const name = `${parent}/sessionTemplates/gapi-template`;
    const { data: created } = await dataproc.projects.locations.sessionTemplates.create({
      parent,
      requestBody: {
        name,
        description: 'from googleapis',
        labels: { team: 'x' },
        runtimeConfig: { properties: { 'spark.a': '1', 'spark.b': '2' } },
      },
    });
    expect(checkAgainstDiscovery(created, 'SessionTemplate')).toEqual([]);
    expect(created.uuid).toBeTruthy();
    const { data: patched } = await dataproc.projects.locations.sessionTemplates.patch({
      name,
      requestBody: {
        name,
        description: 'patched',
        labels: { team: 'y' },
        runtimeConfig: { properties: { 'spark.a': '1', 'spark.b': '2' } },
      },
    });
    expect(patched).toMatchObject({
      description: 'patched',
      createTime: created.createTime,
      uuid: created.uuid,
    });
    const { data: listed } = await dataproc.projects.locations.sessionTemplates.list({ parent });
    expect(listed.sessionTemplates?.map((t) => t.name)).toEqual([name]);

    const { data: op } = await dataproc.projects.locations.sessions.create({
      parent,
      sessionId: 'from-template',
      requestBody: {
        sessionTemplate: `https://www.googleapis.com/compute/v1/${name}`,
        labels: { env: 'dev' },
        runtimeConfig: { properties: { 'spark.b': 'mine' } },
      },
    });
    const session = (await poll(op.name!)).response as dataproc_v1.Schema$Session;
    expect(session.sessionTemplate).toBe(name);
    expect(session.labels).toMatchObject({ team: 'y', env: 'dev' });
    expect(session.runtimeConfig?.properties).toEqual({ 'spark.a': '1', 'spark.b': 'mine' });

    await dataproc.projects.locations.sessionTemplates.delete({ name });
    await expect(dataproc.projects.locations.sessionTemplates.get({ name })).rejects.toMatchObject({
      status: 404,
    });
  });
});
