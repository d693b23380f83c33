import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken } from '../paging';
import { startTestServer, waitFor, type TestServer } from '../../testing/test-server';

/**
 * The hostile-client probe's Spark cases (issue 16): a session 13 days old, page tokens while the
 * data changes, forged tokens, and the checks every other route makes, over real HTTP.
 */
let server: TestServer;
const parent = 'projects/probe/locations/us-central1';

interface Envelope {
  error?: { code: number; details?: { fieldViolations?: { field: string; description: string }[] }[] };
}
const fieldsOf = (body: Envelope) =>
  (body.error?.details ?? []).flatMap((d) => d.fieldViolations ?? []).map((v) => v.field);

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & Envelope };
}
async function post(path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An ACTIVE session that lives up to 14 days (the longest TTL allowed), and its application's name. */
async function activeSession(id: string) {
  const name = `${parent}/sessions/${id}`;
  const created = await post(`/v1/${parent}/sessions?sessionId=${id}`, {
    environmentConfig: { executionConfig: { ttl: '1209600s', idleTtl: '1209600s' } },
  });
  expect(created.status).toBe(200);
  await waitFor(async () => ((await get(`/v1/${name}`)).body.state === 'ACTIVE' ? true : undefined));
  return name;
}
async function appOf(session: string) {
  const { body } = await get(`/v1/${session}/sparkApplications:search`);
  return (body.sparkApplications as { name: string }[])[0]!.name;
}

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 20 });
});
afterAll(() => server.close());

describe('Spark reads on a long-lived session', () => {
  it('a session 13 days old answers every read, with totals that add up', async () => {
    const session = await activeSession('thirteen-days');
    await post('/control/clock:advance', { seconds: 13 * 86_400 });
    const app = await appOf(session);
    const read = async (verb: string, query = '') => {
      const { status, body } = await get(`/v1/${app}:${verb}?parent=${session}&${query}`);
      expect([verb, status]).toEqual([verb, 200]);
      return body;
    };
    const newest = (await read('searchJobs', 'pageSize=1')).sparkApplicationJobs as { jobId: string }[];
    const jobCount = Number(newest[0]!.jobId) + 1;
    // A notebook cycle (5 jobs) every 3 minutes for 13 days.
    expect(jobCount).toBeGreaterThan(13 * 480 * 5 - 10);
    const summary = (await read('summarizeJobs')).jobsSummary as Record<string, number>;
    expect(summary.activeJobs! + summary.completedJobs! + summary.failedJobs!).toBe(jobCount);
    const failed = (await read('searchJobs', 'jobStatus=JOB_EXECUTION_STATUS_FAILED&pageSize=100'))
      .sparkApplicationJobs as { status: string }[];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((j) => j.status === 'JOB_EXECUTION_STATUS_FAILED')).toBe(true);
    const stages = (await read('summarizeStages')).stagesSummary as Record<string, number>;
    expect(stages.numCompletedStages).toBeGreaterThan(13 * 480 * 7);
    const executors = (await read('summarizeExecutors')) as Record<string, { count: number }>;
    // The driver, two static executors, one added per skewed join (one a cycle).
    expect(executors.totalExecutorSummary!.count).toBeGreaterThan(13 * 480);
    const firstPage = (await read('searchExecutors')).sparkApplicationExecutors as { executorId: string }[];
    expect(firstPage.map((e) => e.executorId).slice(0, 3)).toEqual(['driver', '1', '2']);
    await read('searchStages', 'stageStatus=STAGE_STATUS_FAILED');
    await read('searchSqlQueries');
    await post(`/v1/${session}:terminate`, {});
  });
});

describe('Spark page tokens', () => {
  it('keep their place when the item they point at leaves the filtered list (no restart from the top)', async () => {
    const session = await activeSession('keyset');
    // The bench workload submits a short job every 100 ms: a few run at any moment.
    expect((await post('/control/sessions:runWorkload', { name: session, workload: 'bench' })).status).toBe(
      200,
    );
    await post('/control/clock:advance', { seconds: 1 });
    const app = await appOf(session);
    const running = `/v1/${app}:searchJobs?parent=${session}&jobStatus=JOB_EXECUTION_STATUS_RUNNING&pageSize=1`;
    const first = await get(running);
    const [job] = first.body.sparkApplicationJobs as { jobId: string }[];
    expect(first.body.nextPageToken).toBeTruthy();
    // By now that job, and every job older than it, has finished; newer ones are running.
    await post('/control/clock:advance', { seconds: 1 });
    const next = await get(`${running}&pageToken=${String(first.body.nextPageToken)}`);
    expect(next.status).toBe(200);
    const ids = ((next.body.sparkApplicationJobs ?? []) as { jobId: string }[]).map((j) => Number(j.jobId));
    for (const id of ids) expect(id).toBeLessThan(Number(job!.jobId));
    const newer = await get(running);
    expect(Number((newer.body.sparkApplicationJobs as { jobId: string }[])[0]!.jobId)).toBeGreaterThan(
      Number(job!.jobId),
    );
  });

  it('a forged token, even with the right filter digest, is refused with 400', async () => {
    const session = await activeSession('forged');
    await post('/control/clock:advance', { seconds: 200 });
    const app = await appOf(session);
    const filterKey = JSON.stringify([['parent', session]]);
    for (const key of ['not-a-position', '99999999']) {
      const token = encodePageToken({ key, seq: 0 }, filterKey);
      const { status, body } = await get(`/v1/${app}:searchJobs?parent=${session}&pageToken=${token}`);
      expect([key, status]).toEqual([key, 400]);
      expect(JSON.stringify(body)).toContain('pageToken');
    }
    // The same digest on a real position is accepted: the filter key above is the one used.
    const real = encodePageToken({ key: '3', seq: 0 }, filterKey);
    const ok = await get(`/v1/${app}:searchJobs?parent=${session}&pageToken=${real}`);
    expect(ok.status).toBe(200);
    expect((ok.body.sparkApplicationJobs as { jobId: string }[])[0]!.jobId).toBe('2');
  });
});

describe('Spark routes check their input like every other route', () => {
  let session: string;
  let app: string;
  beforeAll(async () => {
    session = await activeSession('checked');
    await post('/control/clock:advance', { seconds: 200 });
    app = await appOf(session);
  });

  it('project, location and session ID: 400 naming the field, not 404', async () => {
    const bad = await get('/v1/projects/UPPER/locations/global/sessions/x%00y/sparkApplications:search');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('parent');
    const badId = await get(`/v1/${parent}/sessions/x%00y/sparkApplications:search`);
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toContain('name');
    const badJobs = await get(`/v1/${parent}/sessions/x%00y/sparkApplications/app-1:searchJobs?parent=x`);
    expect(badJobs.status).toBe(400);
  });

  it('an unknown summaryMetricsMask value: 400 naming it', async () => {
    const { status, body } = await get(`/v1/${app}:searchStages?parent=${session}&summaryMetricsMask=bogus`);
    expect(status).toBe(400);
    expect(fieldsOf(body)).toEqual(['summaryMetricsMask']);
    const known = await get(
      `/v1/${app}:searchStages?parent=${session}&summaryMetricsMask=task_quantile_metrics,executorMetricsDistributions`,
    );
    expect(known.status).toBe(200);
  });

  it('times that are no RFC 3339 moment, or impossible dates: 400 naming the parameter', async () => {
    for (const [key, value] of [
      ['minTime', '1'],
      ['maxTime', '2024-13-01T00:00:00Z'],
      ['minEndTime', '2024-02-31T00:00:00Z'],
      ['maxEndTime', '2024-01-01T24:00:00Z'],
    ] as const) {
      const { status, body } = await get(`/v1/${session}/sparkApplications:search?${key}=${value}`);
      expect([key, status, fieldsOf(body)]).toEqual([key, 400, [key]]);
    }
    const leap = await get(`/v1/${session}/sparkApplications:search?minTime=2024-02-29T00:00:00Z`);
    expect(leap.status).toBe(200);
  });

  it('an impossible date in a list filter is refused, not rolled over to March', async () => {
    const filter = encodeURIComponent('create_time > "2024-02-31T00:00:00Z"');
    const { status } = await get(`/v1/${parent}/sessions?filter=${filter}`);
    expect(status).toBe(400);
    const fine = encodeURIComponent('create_time > "2024-02-29T00:00:00Z"');
    expect((await get(`/v1/${parent}/sessions?filter=${fine}`)).status).toBe(200);
  });

  it('the environment states the executor size the application reports', async () => {
    const { body: access } = await get(`/v1/${app}:access?parent=${session}`);
    const info = access.application as { memoryPerExecutorMb: number; coresPerExecutor: number };
    const { body } = await get(`/v1/${app}:accessEnvironmentInfo?parent=${session}`);
    const env = body.applicationEnvironmentInfo as {
      sparkProperties: Record<string, string>;
      resourceProfiles: { executorResources: Record<string, { amount: string }> }[];
    };
    expect(env.sparkProperties['spark.executor.memory']).toBe(`${info.memoryPerExecutorMb}m`);
    expect(env.sparkProperties['spark.executor.cores']).toBe(String(info.coresPerExecutor));
    expect(env.resourceProfiles[0]!.executorResources.memory!.amount).toBe(String(info.memoryPerExecutorMb));
  });

  it('/control/reset clears the workload runs with the rest of the database', async () => {
    expect((await post('/control/sessions:runWorkload', { name: session, workload: 'etl' })).status).toBe(
      200,
    );
    const count = () =>
      (server.emulator.db.prepare('SELECT count(*) AS n FROM spark_workload_runs').get() as { n: number }).n;
    expect(count()).toBeGreaterThan(0);
    expect((await post('/control/reset', {})).status).toBe(200);
    expect(count()).toBe(0);
  });
});
