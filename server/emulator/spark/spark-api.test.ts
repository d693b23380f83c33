import { google, type dataproc_v1 } from 'googleapis';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkResponses } from '../../../src/schemas/spark';
import { checkAgainstDiscovery } from '../../testing/discovery';
import { startTestServer, waitFor, type TestServer } from '../../testing/test-server';
import { EXECUTOR } from './schedule';

/** Google's own Node client drives every implemented sparkApplications method. */
let server: TestServer;
let dataproc: dataproc_v1.Dataproc;
let spark: dataproc_v1.Resource$Projects$Locations$Sessions$Sparkapplications;
const parentOfSessions = 'projects/gapi/locations/us-central1';
const session = `${parentOfSessions}/sessions/spark-one`;
let app: string;

async function control(pathname: string, body: unknown) {
  const response = await fetch(`${server.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createActive(name: string) {
  const id = name.split('/').at(-1)!;
  await dataproc.projects.locations.sessions.create({
    parent: parentOfSessions,
    sessionId: id,
    requestBody: {},
  });
  await waitFor(async () => {
    const { data } = await dataproc.projects.locations.sessions.get({ name });
    return data.state === 'ACTIVE' ? data : undefined;
  });
}

/** Every response is checked field by field against the discovery document. */
function valid<T>(method: keyof typeof sparkResponses, data: T): T {
  expect(checkAgainstDiscovery(data, sparkResponses[method], method)).toEqual([]);
  return data;
}

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 30 });
  dataproc = google.dataproc({ version: 'v1', rootUrl: `${server.url}/` });
  spark = dataproc.projects.locations.sessions.sparkApplications;
  await createActive(session);
  // One full notebook cycle (3 minutes), then a job that fails for good.
  await control('/control/clock:advance', { seconds: 185 });
  expect(
    (await control('/control/sessions:runWorkload', { name: session, workload: 'failing-udf' })).status,
  ).toBe(200);
  await control('/control/clock:advance', { seconds: 30 });
  const { data } = await spark.search({ parent: session });
  valid('search', data);
  app = data.sparkApplications![0]!.name!;
});
afterAll(() => server.close());

describe('sparkApplications through the googleapis client', () => {
  it('search and access: one running application, filtered by status and time', async () => {
    const { data } = await spark.search({ parent: session });
    expect(data.sparkApplications).toHaveLength(1);
    expect(data.sparkApplications![0]!.application).toMatchObject({
      applicationId: app.split('/').at(-1),
      attempts: [expect.objectContaining({ completed: false, sparkUser: 'spark' })],
    });
    const completed = await spark.search({
      parent: session,
      applicationStatus: 'APPLICATION_STATUS_COMPLETED',
    });
    expect(valid('search', completed.data).sparkApplications ?? []).toEqual([]);
    const later = await spark.search({ parent: session, minTime: '2999-01-01T00:00:00Z' });
    expect(later.data.sparkApplications ?? []).toEqual([]);
    const { data: access } = await spark.access({ name: app, parent: session });
    expect(valid('access', access).application?.applicationId).toBe(app.split('/').at(-1));
  });

  it('searchJobs pages through every job, newest first, and filters by status and id', async () => {
    const ids: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await spark.searchJobs({ name: app, parent: session, pageSize: 2, pageToken });
      valid('searchJobs', data);
      ids.push(...data.sparkApplicationJobs!.map((j) => j.jobId!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    // Five notebook jobs, a sixth from the second cycle, and the failing UDF run.
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(ids).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
    expect(new Set(ids).size).toBe(ids.length);

    const { data: failed } = await spark.searchJobs({
      name: app,
      parent: session,
      jobStatus: 'JOB_EXECUTION_STATUS_FAILED',
    });
    expect(failed.sparkApplicationJobs!.length).toBeGreaterThanOrEqual(1);
    expect(failed.sparkApplicationJobs!.every((j) => j.status === 'JOB_EXECUTION_STATUS_FAILED')).toBe(true);
    const { data: two } = await spark.searchJobs({ name: app, parent: session, jobIds: ['0', '2'] });
    expect(two.sparkApplicationJobs!.map((j) => j.jobId)).toEqual(['2', '0']);

    const { data: one } = await spark.accessJob({ name: app, parent: session, jobId: '2' });
    expect(valid('accessJob', one).jobData).toMatchObject({
      jobId: '2',
      status: 'JOB_EXECUTION_STATUS_SUCCEEDED',
    });
    const { data: summary } = await spark.summarizeJobs({ name: app, parent: session });
    valid('summarizeJobs', summary);
    const s = summary.jobsSummary!;
    expect(s.activeJobs! + s.completedJobs! + s.failedJobs!).toBe(ids.length);
  });

  it('the skewed join stage: task quantiles show the skew, spill is reported, an executor came and went', async () => {
    const { data: job } = await spark.accessJob({ name: app, parent: session, jobId: '2' });
    const joinStage = job.jobData!.stageIds!.at(-1)!;
    const { data } = await spark.searchStages({
      name: app,
      parent: session,
      stageIds: [joinStage],
      summaryMetricsMask: 'taskQuantileMetrics,executorMetricsDistributions',
    });
    valid('searchStages', data);
    const stage = data.sparkApplicationStages![0]!;
    const duration = stage.taskQuantileMetrics!.durationMillis!;
    expect(Number(duration.maximum)).toBeGreaterThan(10 * Number(duration.percentile50));
    expect(Number(stage.stageMetrics!.memoryBytesSpilled)).toBeGreaterThan(0);
    expect(Number(stage.stageMetrics!.diskBytesSpilled)).toBeGreaterThan(0);
    expect(stage.executorMetricsDistributions?.quantiles).toEqual([0, 0.25, 0.5, 0.75, 1]);

    const { data: noMask } = await spark.searchStages({ name: app, parent: session, stageIds: [joinStage] });
    expect(noMask.sparkApplicationStages![0]!.taskQuantileMetrics).toBeUndefined();

    const { data: executors } = await spark.searchExecutors({ name: app, parent: session });
    valid('searchExecutors', executors);
    const dynamic = executors.sparkApplicationExecutors!.find((e) => e.executorId === '3')!;
    expect(dynamic).toMatchObject({ isActive: false, removeReason: expect.stringContaining('idle') });
    const { data: dead } = await spark.searchExecutors({
      name: app,
      parent: session,
      executorStatus: 'EXECUTOR_STATUS_DEAD',
    });
    expect(dead.sparkApplicationExecutors!.map((e) => e.executorId)).toEqual(['3']);
    const { data: summary } = await spark.summarizeExecutors({ name: app, parent: session });
    valid('summarizeExecutors', summary);
    expect(summary.totalExecutorSummary!.count).toBe(executors.sparkApplicationExecutors!.length);
    expect(summary.deadExecutorSummary!.count).toBe(1);

    // Peak JVM memory, as Spark reports it: every executor has one, below its heap, higher where more tasks ran.
    const peakHeap = (e: dataproc_v1.Schema$ExecutorSummary) =>
      Number(e.peakMemoryMetrics?.metrics?.JVMHeapMemory);
    const list = executors.sparkApplicationExecutors!;
    for (const e of list) {
      expect(peakHeap(e), `executor ${e.executorId}`).toBeGreaterThan(0);
      expect(peakHeap(e)).toBeLessThan(EXECUTOR.memoryMb * 1024 * 1024);
      expect(Number(e.peakMemoryMetrics?.metrics?.JVMOffHeapMemory)).toBeGreaterThan(0);
    }
    const byTasks = [...list].sort((a, b) => (a.totalTasks ?? 0) - (b.totalTasks ?? 0));
    const fewest = byTasks[0]!;
    const most = byTasks.at(-1)!;
    expect(most.totalTasks).toBeGreaterThan(fewest.totalTasks ?? 0);
    expect(peakHeap(most)).toBeGreaterThan(peakHeap(fewest));
  });

  it('stage attempts, tasks and their summaries, with the failed task error as text', async () => {
    const { data: failed } = await spark.searchStages({
      name: app,
      parent: session,
      stageStatus: 'STAGE_STATUS_FAILED',
    });
    valid('searchStages', failed);
    const stage = failed.sparkApplicationStages![0]!;
    expect(stage.failureReason).toMatch(/failed 4 times.*ValueError: invalid literal/s);
    const stageId = stage.stageId!;

    const { data: attempts } = await spark.searchStageAttempts({ name: app, parent: session, stageId });
    expect(valid('searchStageAttempts', attempts).sparkApplicationStageAttempts).toHaveLength(1);
    const { data: attempt } = await spark.accessStageAttempt({
      name: app,
      parent: session,
      stageId,
      stageAttemptId: 0,
      summaryMetricsMask: 'task_quantile_metrics',
    });
    valid('accessStageAttempt', attempt);
    expect(attempt.stageData!.taskQuantileMetrics?.durationMillis?.count).toBeTruthy();
    expect(Object.keys(attempt.stageData!.executorSummary ?? {}).length).toBeGreaterThan(0);

    const { data: tasks } = await spark.searchStageAttemptTasks({
      name: app,
      parent: session,
      stageId,
      stageAttemptId: 0,
      taskStatus: 'TASK_STATUS_FAILED',
    });
    valid('searchStageAttemptTasks', tasks);
    expect(tasks.sparkApplicationStageAttemptTasks!.map((t) => t.attempt)).toEqual([0, 1, 2, 3]);
    expect(tasks.sparkApplicationStageAttemptTasks![0]!.errorMessage).toContain('File "<stdin>", line 4');
    const { data: slowest } = await spark.searchStageAttemptTasks({
      name: app,
      parent: session,
      stageId,
      sortRuntime: true,
      pageSize: 100,
    });
    const durations = slowest.sparkApplicationStageAttemptTasks!.map((t) => Number(t.durationMillis));
    expect(durations).toEqual([...durations].sort((a, b) => b - a));

    const { data: taskSummary } = await spark.summarizeStageAttemptTasks({
      name: app,
      parent: session,
      stageId,
      stageAttemptId: 0,
    });
    valid('summarizeStageAttemptTasks', taskSummary);
    expect(taskSummary.stageAttemptTasksSummary).toMatchObject({ numFailedTasks: 4, stageId });
    const { data: stagesSummary } = await spark.summarizeStages({ name: app, parent: session });
    valid('summarizeStages', stagesSummary);
    expect(stagesSummary.stagesSummary!.numFailedStages).toBeGreaterThanOrEqual(1);
    const { data: perExecutor } = await spark.searchExecutorStageSummary({
      name: app,
      parent: session,
      stageId,
      stageAttemptId: 0,
    });
    valid('searchExecutorStageSummary', perExecutor);
    const failedTasks = perExecutor.sparkApplicationStageExecutors!.reduce((n, e) => n + e.failedTasks!, 0);
    expect(failedTasks).toBe(4);
  });

  it('SQL queries with their plans, and the environment', async () => {
    const { data } = await spark.searchSqlQueries({
      name: app,
      parent: session,
      planDescription: true,
      details: true,
    });
    valid('searchSqlQueries', data);
    const join = data.sparkApplicationSqlQueries!.find((q) => q.description?.includes('JOIN'))!;
    expect(join.physicalPlanDescription).toMatch(/^== Physical Plan ==\n.*\n\+- \*Project/s);
    expect(join.physicalPlanDescription).toContain('SortMergeJoin');
    const { data: bare } = await spark.searchSqlQueries({ name: app, parent: session });
    expect(bare.sparkApplicationSqlQueries![0]!.physicalPlanDescription).toBeUndefined();
    const { data: connect } = await spark.searchSqlQueries({
      name: app,
      parent: session,
      operationIds: ['op-1'],
    });
    expect(connect.sparkApplicationSqlQueries ?? []).toEqual([]);

    const { data: one } = await spark.accessSqlQuery({
      name: app,
      parent: session,
      executionId: join.executionId!,
      planDescription: true,
    });
    expect(valid('accessSqlQuery', one).executionData?.executionId).toBe(join.executionId);
    const { data: plan } = await spark.accessSqlPlan({
      name: app,
      parent: session,
      executionId: join.executionId!,
    });
    valid('accessSqlPlan', plan);
    const graph = plan.sparkPlanGraph!;
    expect(graph.nodes!.length).toBe(graph.edges!.length + 1);
    expect(graph.nodes!.map((n) => n.node?.name)).toContain('SortMergeJoin');

    const { data: env } = await spark.accessEnvironmentInfo({ name: app, parent: session });
    valid('accessEnvironmentInfo', env);
    expect(env.applicationEnvironmentInfo!.sparkProperties).toMatchObject({
      'spark.sql.shuffle.partitions': '200',
    });

    const { data: native } = await spark.searchNativeSqlQueries({ name: app, parent: session });
    expect(valid('searchNativeSqlQueries', native)).toEqual({});
    const { data: build } = await spark.accessNativeBuildInfo({ name: app, parent: session });
    expect(valid('accessNativeBuildInfo', build)).toEqual({});
  });

  it("accessStageRddGraph: each stage's RDDs by operator, chained to its neighbours in the job", async () => {
    // Job 2 is the notebook's join: two scans that write shuffle, then the join that reads it.
    const { data: job } = await spark.accessJob({ name: app, parent: session, jobId: '2' });
    const stageIds = job.jobData!.stageIds!.map(Number).sort((a, b) => a - b);
    const { data: stages } = await spark.searchStages({
      name: app,
      parent: session,
      stageIds: stageIds.map(String),
    });
    const graphs = [];
    for (const stageId of stageIds) {
      const { data } = await spark.accessStageRddGraph({
        name: app,
        parent: session,
        stageId: String(stageId),
      });
      valid('accessStageRddGraph', data);
      graphs.push(data.rddOperationGraph!);
    }
    const nodesOf = (
      cluster: dataproc_v1.Schema$RddOperationCluster,
    ): dataproc_v1.Schema$RddOperationNode[] => [
      ...(cluster.childNodes ?? []),
      ...(cluster.childClusters ?? []).flatMap(nodesOf),
    ];
    for (const [i, graph] of graphs.entries()) {
      const stage = stages.sparkApplicationStages!.find((s) => s.stageId === String(stageIds[i]))!;
      expect(graph.stageId).toBe(stage.stageId);
      expect(graph.rootCluster!.rddClusterId).toBe(`stage_${stage.stageId}`);
      // The graph's nodes are the stage's own RDDs, and its edges join only them.
      const ids = nodesOf(graph.rootCluster!).map((n) => n.nodeId);
      expect(ids.map(String)).toEqual(stage.rddIds);
      for (const edge of graph.edges!) expect(ids).toEqual(expect.arrayContaining([edge.fromId, edge.toId]));
      expect(graph.edges).toHaveLength(ids.length - 1);
      // Edges across the stage's boundary: from its parent stage's last RDD, to the next stage's first.
      const parent = stage.parentStageIds?.[0];
      expect(graph.incomingEdges!.map((e) => e.fromId)).toEqual(parent ? [Number(parent) * 3 + 2] : []);
      expect(graph.outgoingEdges!.length).toBe(i < graphs.length - 1 ? 1 : 0);
      // …and the next stage's incoming edge is the same edge.
      if (i < graphs.length - 1) expect(graphs[i + 1]!.incomingEdges).toEqual(graph.outgoingEdges);
    }
    // The join stage reads shuffle: its first operator is the Exchange holding the AQE read.
    const join = graphs.at(-1)!.rootCluster!.childClusters![0]!;
    expect(join.name).toBe('Exchange');
    expect(join.childClusters![0]!.childNodes![0]!.name).toBe('ShuffledRowRDD');
    expect(nodesOf(graphs[0]!.rootCluster!)[0]!.name).toBe('FileScanRDD');
    // Numeric enums reach the node's deterministic level too.
    const int = await fetch(
      `${server.url}/v1/${app}:accessStageRddGraph?parent=${session}&stageId=${stageIds[0]}&$alt=json;enum-encoding=int`,
    );
    const intBody = (await int.json()) as {
      rddOperationGraph: { rootCluster: dataproc_v1.Schema$RddOperationCluster };
    };
    expect(
      (nodesOf(intBody.rddOperationGraph.rootCluster)[0] as { outputDeterministicLevel: unknown })
        .outputDeterministicLevel,
    ).toBe(1);
    // The same checks as every Spark route: stageId required and a number, parent required, 404 beyond.
    for (const query of ['', '&stageId=', '&stageId=abc', '&stageId=-1']) {
      const bad = await fetch(`${server.url}/v1/${app}:accessStageRddGraph?parent=${session}${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain('stageId');
    }
    await expect(spark.accessStageRddGraph({ name: app, stageId: '0' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      spark.accessStageRddGraph({ name: app, parent: session, stageId: '100000' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('errors: 400 without parent, 404 for unknown applications, jobs, stages and queries', async () => {
    await expect(spark.searchJobs({ name: app })).rejects.toMatchObject({ status: 400 });
    await expect(
      spark.searchJobs({ name: app, parent: `${parentOfSessions}/sessions/other` }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      spark.access({ name: `${session}/sparkApplications/app-nope`, parent: session }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { error: { status: 'NOT_FOUND', code: 404 } } },
    });
    await expect(spark.accessJob({ name: app, parent: session, jobId: '100000' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      spark.accessStageAttempt({ name: app, parent: session, stageId: '100000', stageAttemptId: 0 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      spark.accessStageAttempt({ name: app, parent: session, stageId: '0', stageAttemptId: 1 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      spark.accessSqlQuery({ name: app, parent: session, executionId: '100000' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(spark.search({ parent: `${parentOfSessions}/sessions/none` })).rejects.toMatchObject({
      status: 404,
    });
    await expect(spark.searchJobs({ name: app, parent: session, pageSize: -1 })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('numeric enums under $alt=json;enum-encoding=int, and page sizes capped at 100', async () => {
    const response = await fetch(
      `${server.url}/v1/${app}:searchJobs?parent=${session}&pageSize=500&$alt=json;enum-encoding=int`,
    );
    const body = (await response.json()) as { sparkApplicationJobs: { status: unknown }[] };
    expect(body.sparkApplicationJobs.length).toBeLessThanOrEqual(100);
    expect(body.sparkApplicationJobs.map((j) => j.status)).toContain(3);
    expect(body.sparkApplicationJobs.every((j) => typeof j.status === 'number')).toBe(true);
    const tasks = await fetch(
      `${server.url}/v1/${app}:searchStageAttemptTasks?parent=${session}&stageId=0&$alt=json;enum-encoding=int`,
    );
    const taskBody = (await tasks.json()) as { sparkApplicationStageAttemptTasks: { status: unknown }[] };
    // A task's status is plain text in the API, not an enum.
    expect(taskBody.sparkApplicationStageAttemptTasks[0]!.status).toBe('SUCCESS');
    const stages = await fetch(
      `${server.url}/v1/${app}:searchStages?parent=${session}&stageIds=0&$alt=json;enum-encoding=int`,
    );
    expect(
      ((await stages.json()) as { sparkApplicationStages: { status: unknown }[] }).sparkApplicationStages[0]!
        .status,
    ).toBe(2);
    const sql = await fetch(
      `${server.url}/v1/${app}:searchSqlQueries?parent=${session}&$alt=json;enum-encoding=int`,
    );
    const queries = (
      (await sql.json()) as { sparkApplicationSqlQueries: { jobs: Record<string, unknown> }[] }
    ).sparkApplicationSqlQueries;
    expect(queries.flatMap((q) => Object.values(q.jobs)).every((v) => typeof v === 'number')).toBe(true);
  });

  it('when the session ends, the application completes and what ran is cancelled', async () => {
    const other = `${parentOfSessions}/sessions/spark-two`;
    await createActive(other);
    // 45 s in, the skewed join is running.
    await control('/control/clock:advance', { seconds: 45 });
    const { data: before } = await spark.search({ parent: other });
    const name = before.sparkApplications![0]!.name!;
    const { data: running } = await spark.searchJobs({
      name,
      parent: other,
      jobStatus: 'JOB_EXECUTION_STATUS_RUNNING',
    });
    expect(running.sparkApplicationJobs).toHaveLength(1);
    await dataproc.projects.locations.sessions.terminate({ name: other, requestBody: {} });
    await waitFor(async () => {
      const { data } = await spark.search({
        parent: other,
        applicationStatus: 'APPLICATION_STATUS_COMPLETED',
      });
      return data.sparkApplications?.length ? data : undefined;
    });
    const { data: job } = await spark.accessJob({
      name,
      parent: other,
      jobId: running.sparkApplicationJobs![0]!.jobId!,
    });
    expect(job.jobData?.status).toBe('JOB_EXECUTION_STATUS_FAILED');
    const { data: active } = await spark.searchExecutors({
      name,
      parent: other,
      executorStatus: 'EXECUTOR_STATUS_ACTIVE',
    });
    expect(active.sparkApplicationExecutors ?? []).toEqual([]);
    // Later, nothing more happens.
    await control('/control/clock:advance', { seconds: 600 });
    const { data: after } = await spark.searchJobs({ name, parent: other, pageSize: 100 });
    expect(after.sparkApplicationJobs!.length).toBe(Number(job.jobData!.jobId) + 1);
  });
});

describe('persistence', () => {
  it('the same history after a restart on the same database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spark-emulator-'));
    const db = path.join(dir, 'db.sqlite');
    try {
      const first = await startTestServer({ transitionMs: 30, db });
      const client = google.dataproc({ version: 'v1', rootUrl: `${first.url}/` });
      await client.projects.locations.sessions.create({
        parent: parentOfSessions,
        sessionId: 'kept',
        requestBody: {},
      });
      const name = `${parentOfSessions}/sessions/kept`;
      await waitFor(async () =>
        (await client.projects.locations.sessions.get({ name })).data.state === 'ACTIVE' ? true : undefined,
      );
      await fetch(`${first.url}/control/sessions:runWorkload`, {
        method: 'POST',
        body: JSON.stringify({ name, workload: 'aggregation' }),
      });
      first.emulator.clock.advance(20_000);
      const read = async (c: typeof client) => {
        const { data } = await c.projects.locations.sessions.sparkApplications.search({ parent: name });
        const appName = data.sparkApplications![0]!.name!;
        const jobs = await c.projects.locations.sessions.sparkApplications.searchJobs({
          name: appName,
          parent: name,
        });
        return jobs.data.sparkApplicationJobs!.filter((j) => j.status !== 'JOB_EXECUTION_STATUS_RUNNING');
      };
      const before = await read(client);
      expect(before.length).toBeGreaterThanOrEqual(2);
      await first.close();
      const second = await startTestServer({ transitionMs: 30, db });
      second.emulator.clock.advance(20_000);
      const after = await read(google.dataproc({ version: 'v1', rootUrl: `${second.url}/` }));
      await second.close();
      expect(after).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the demo seed', () => {
  it('gives every session that was ACTIVE a Spark history: running while ACTIVE, completed once ended', async () => {
    // Seeded CREATING sessions stay CREATING while the test reads them.
    const seeded = await startTestServer({ seed: true, transitionMs: 600_000 });
    try {
      const client = google.dataproc({ version: 'v1', rootUrl: `${seeded.url}/` });
      const { data } = await client.projects.locations.sessions.list({
        parent: 'projects/demo-project/locations/us-central1',
        pageSize: 100,
      });
      const checked: string[] = [];
      for (const session of data.sessions ?? []) {
        const everActive =
          session.state === 'ACTIVE' || (session.stateHistory ?? []).some((h) => h.state === 'ACTIVE');
        const { data: apps } = await client.projects.locations.sessions.sparkApplications.search({
          parent: session.name!,
        });
        if (!everActive) {
          expect(apps.sparkApplications ?? []).toEqual([]);
          continue;
        }
        const app = apps.sparkApplications![0]!;
        expect(app.application?.attempts?.[0]?.completed).toBe(session.state !== 'ACTIVE');
        const { data: jobs } = await client.projects.locations.sessions.sparkApplications.summarizeJobs({
          name: app.name!,
          parent: session.name!,
        });
        const s = jobs.jobsSummary!;
        if (session.state !== 'ACTIVE') expect(s.activeJobs).toBe(0);
        checked.push(`${session.state}:${s.completedJobs! + s.failedJobs! + s.activeJobs! > 0}`);
      }
      // Live and ended sessions both, each with jobs.
      expect(checked).toContain('ACTIVE:true');
      expect(checked).toContain('TERMINATED:true');
    } finally {
      await seeded.close();
    }
  });
});
