import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  ApplicationStatus,
  ExecutorStatus,
  JobExecutionStatus,
  StageStatus,
  TaskStatus,
} from '../../../src/schemas/spark';
import type { Session } from '../../../src/schemas/wire';
import { reply } from '../api-routes';
import type { Clock } from '../clock';
import { body } from '../control-routes';
import type { Db } from '../database';
import { RpcError, invalidArgument, notFound } from '../errors';
import { decodePageToken, encodePageToken, pageSizeFrom } from '../paging';
import type { Sessions } from '../sessions';
import { SparkApplication, type JobRef, type SessionFacts, type WorkloadRun } from './application';
import { WORKLOADS } from './workloads';
import { parentName, sessionName } from '../../../src/schemas/names';

/** Page sizes the discovery document states for every sparkApplications search: 10 by default, at most 100. */
const PAGES = { defaultSize: 10, maxSize: 100 };

/** Workload runs started through the control API, by session uuid (a new session never inherits one). */
export class WorkloadRuns {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS spark_workload_runs (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      session_uuid TEXT NOT NULL,
      workload TEXT NOT NULL,
      start_ms INTEGER NOT NULL
    )`);
  }
  add(uuid: string, workload: string, start: number): void {
    this.db
      .prepare('INSERT INTO spark_workload_runs (session_uuid, workload, start_ms) VALUES (?, ?, ?)')
      .run(uuid, workload, start);
  }
  /** The notebook workload from the moment the session became ACTIVE, then the runs started by hand. */
  of(facts: SessionFacts): WorkloadRun[] {
    const rows = this.db
      .prepare('SELECT seq, workload, start_ms FROM spark_workload_runs WHERE session_uuid = ? ORDER BY seq')
      .all(facts.uuid) as { seq: number; workload: string; start_ms: number }[];
    const notebook = WORKLOADS.notebook!;
    // A `quiet` run ends the notebook with the cycle under way when it was asked for.
    const quiet = rows.find((r) => r.workload === 'quiet');
    const cycles = quiet
      ? Math.max(0, Math.ceil((quiet.start_ms - facts.activeSince) / notebook.cycleMs))
      : notebook.cycles;
    return [
      { seq: 0, workload: { ...notebook, cycles }, start: facts.activeSince },
      ...rows
        .filter((r) => Object.hasOwn(WORKLOADS, r.workload))
        .map((r) => ({ seq: r.seq, workload: WORKLOADS[r.workload]!, start: r.start_ms })),
    ];
  }
}

/** What the application needs to know of its session; undefined when it never became ACTIVE. */
export function sessionFacts(session: Session): SessionFacts | undefined {
  const steps = [
    ...(session.stateHistory ?? []).map((h) => ({ state: h.state, at: h.stateStartTime })),
    { state: session.state, at: session.stateTime },
  ];
  const i = steps.findIndex((s) => s.state === 'ACTIVE');
  if (i < 0 || !steps[i]!.at) return undefined;
  const after = steps[i + 1]?.at;
  const kernel = session.jupyterSession?.kernel;
  return {
    name: session.name!,
    uuid: session.uuid!,
    activeSince: Date.parse(steps[i]!.at!),
    ...(after ? { end: Date.parse(after) } : {}),
    runtimeVersion: session.runtimeConfig?.version ?? '2.3',
    appName: session.sparkConnectSession
      ? 'Spark Connect server'
      : kernel === 'SCALA'
        ? 'spark-shell'
        : 'PySparkShell',
    properties: session.runtimeConfig?.properties ?? {},
  };
}

/** Enum names become numbers under `$alt=json;enum-encoding=int`; a field name alone cannot tell
 * a job's status from a stage's (or from a task's, which is plain text), so the value decides. */
function encodeSparkEnums(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeSparkEnums);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeSparkEnums(v)]));
  if (typeof value === 'string') {
    if (value.startsWith('JOB_EXECUTION_STATUS_'))
      return JobExecutionStatus.numberOf.get(value as never) ?? value;
    if (value.startsWith('STAGE_STATUS_')) return StageStatus.numberOf.get(value as never) ?? value;
    if (
      value === 'QUANTILE_DATA_STATUS_COMPLETED' ||
      value === 'APPLICATION_CONTEXT_INGESTION_STATUS_COMPLETED'
    )
      return 1;
  }
  return value;
}

function sparkReply(c: Context, payload: unknown) {
  const alt = c.req.query('$alt') ?? c.req.query('alt') ?? '';
  return reply(c, alt.includes('enum-encoding=int') ? encodeSparkEnums(payload) : payload);
}

function int64Param(c: Context, key: string, required: boolean): number | undefined {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '') {
    if (required) throw invalidArgument([{ field: key, description: `${key} is required.` }]);
    return undefined;
  }
  if (!/^\d+$/.test(raw))
    throw invalidArgument([{ field: key, description: `"${raw}" is not a non-negative integer.` }]);
  return Number(raw);
}

function int64List(c: Context, key: string): Set<number> | undefined {
  const values = c.req.queries(key);
  if (!values?.length) return undefined;
  for (const v of values)
    if (!/^\d+$/.test(v))
      throw invalidArgument([{ field: key, description: `"${v}" is not a non-negative integer.` }]);
  return new Set(values.map(Number));
}

function boolParam(c: Context, key: string): boolean {
  return c.req.query(key) === 'true';
}

function enumParam<T extends string>(c: Context, key: string, values: readonly T[]): T | undefined {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d+$/.test(raw) ? values[Number(raw)] : (raw as T);
  if (!value || !values.includes(value))
    throw invalidArgument([{ field: key, description: `"${raw}" is not one of ${values.join(', ')}.` }]);
  return value.endsWith('_UNSPECIFIED') ? undefined : value;
}

/** Keyset pages over a list in a fixed order: items added later never shift the next page. */
function page<T>(c: Context, items: T[], keyOf: (item: T) => string, filterKey: string) {
  const size = pageSizeFrom(c.req.query('pageSize'), PAGES);
  const position = decodePageToken(c.req.query('pageToken'), filterKey);
  const from = position ? items.findIndex((item) => keyOf(item) === position.key) + 1 : 0;
  const slice = items.slice(from, from + size);
  const more = from + size < items.length;
  return {
    slice,
    nextPageToken: more ? encodePageToken({ key: keyOf(slice.at(-1)!), seq: 0 }, filterKey) : undefined,
  };
}

/** A summaryMetricsMask names fields by their proto or JSON name; either is accepted. */
function maskHas(c: Context, field: string): boolean {
  const mask = (c.req.query('summaryMetricsMask') ?? '')
    .split(',')
    .map((p) => p.trim().replace(/_([a-z])/g, (_, l: string) => l.toUpperCase()));
  return mask.includes(field);
}

const P = '/v1/projects/:project/locations/:location/sessions/:session';

export function sparkRoutes(sessions: Sessions, clock: Clock, runs: WorkloadRuns): Hono {
  const api = new Hono();
  const nameOf = (c: Context) =>
    sessionName(
      parentName({ project: c.req.param('project') ?? '', location: c.req.param('location') ?? '' }),
      c.req.param('session') ?? '',
    );

  /** The session's application, or 404: it exists once the session has been ACTIVE. */
  function application(c: Context, appId: string): SparkApplication {
    const name = nameOf(c);
    const facts = sessionFacts(sessions.get(name));
    if (!facts) throw notFound('Spark application', `${name}/sparkApplications/${appId}`);
    const app = new SparkApplication(facts, runs.of(facts), clock.now());
    if (appId !== app.appId) throw notFound('Spark application', `${name}/sparkApplications/${appId}`);
    return app;
  }

  api.get(`${P}/:verb{sparkApplications:search}`, (c) => {
    const name = nameOf(c);
    const facts = sessionFacts(sessions.get(name));
    const status = enumParam(c, 'applicationStatus', ApplicationStatus.values);
    const bound = (key: string) => {
      const raw = c.req.query(key);
      if (!raw) return undefined;
      const t = Date.parse(raw);
      if (Number.isNaN(t))
        throw invalidArgument([{ field: key, description: `"${raw}" is not an RFC 3339 timestamp.` }]);
      return t;
    };
    const [minTime, maxTime, minEnd, maxEnd] = ['minTime', 'maxTime', 'minEndTime', 'maxEndTime'].map(bound);
    const apps = facts ? [new SparkApplication(facts, runs.of(facts), clock.now())] : [];
    const matching = apps.filter((app) => {
      const start = app.facts.activeSince;
      const end = app.ended ? app.at : undefined;
      if (status === 'APPLICATION_STATUS_RUNNING' && app.ended) return false;
      if (status === 'APPLICATION_STATUS_COMPLETED' && !app.ended) return false;
      if (minTime !== undefined && start < minTime) return false;
      if (maxTime !== undefined && start > maxTime) return false;
      if (minEnd !== undefined && (end === undefined || end < minEnd)) return false;
      if (maxEnd !== undefined && (end === undefined || end > maxEnd)) return false;
      return true;
    });
    const { slice, nextPageToken } = page(c, matching, (a) => a.appId, filterKeyOf(c));
    return sparkReply(c, {
      sparkApplications: slice.map((app) => ({ name: app.name, application: app.applicationInfo() })),
      ...(nextPageToken ? { nextPageToken } : {}),
    });
  });

  api.get(`${P}/sparkApplications/:app{[^/:]+:[A-Za-z]+}`, (c) => {
    const [appId, verb] = c.req.param('app').split(':') as [string, string];
    const parent = c.req.query('parent');
    if (!parent)
      throw invalidArgument([
        { field: 'parent', description: 'parent is required: the session resource name.' },
      ]);
    if (parent !== nameOf(c))
      throw invalidArgument([{ field: 'parent', description: `parent must be the session ${nameOf(c)}.` }]);
    // The verb is user input: only HANDLERS' own entries count, never Object.prototype's.
    const handler = Object.hasOwn(HANDLERS, verb) ? HANDLERS[verb] : undefined;
    if (!handler)
      throw new RpcError(
        'NOT_FOUND',
        `The requested URL ${new URL(c.req.url).pathname} was not found on this server (method GET).`,
      );
    return sparkReply(c, handler(c, application(c, appId)));
  });
  return api;
}

/** A page token is bound to the query's other parameters (AIP-158): the same filter, in any order. */
function filterKeyOf(c: Context): string {
  const params = [...new URL(c.req.url).searchParams].filter(([k]) => k !== 'pageToken' && k !== 'pageSize');
  return JSON.stringify(params.sort(([a], [b]) => a.localeCompare(b)));
}

const stageOptions = (c: Context) => ({
  quantiles: maskHas(c, 'taskQuantileMetrics'),
  distributions: maskHas(c, 'executorMetricsDistributions'),
  executors: false,
});

function jobsOf(c: Context, app: SparkApplication): JobRef[] {
  const ids = int64List(c, 'jobIds');
  return ids ? app.jobs.filter((j) => ids.has(j.jobId)) : app.jobs;
}

function allStages(app: SparkApplication, ids?: Set<number>) {
  const out: { ref: JobRef; index: number; stageId: number }[] = [];
  for (const ref of app.jobs)
    ref.spec.stages.forEach((_, index) => {
      const stageId = ref.stageBase + index;
      if (!ids || ids.has(stageId)) out.push({ ref, index, stageId });
    });
  return out;
}

type Handler = (c: Context, app: SparkApplication) => unknown;
const HANDLERS: Record<string, Handler> = {
  access: (_c, app) => ({ application: app.applicationInfo() }),

  searchJobs: (c, app) => {
    const status = enumParam(c, 'jobStatus', JobExecutionStatus.values);
    // Newest first, as Spark's UI lists them.
    let jobs = [...jobsOf(c, app)].reverse();
    if (status) jobs = jobs.filter((j) => app.jobStatus(j).status === status);
    const { slice, nextPageToken } = page(c, jobs, (j) => String(j.jobId), filterKeyOf(c));
    return {
      sparkApplicationJobs: slice.map((j) => app.jobData(j)),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  },
  accessJob: (c, app) => ({ jobData: app.jobData(app.job(int64Param(c, 'jobId', true)!)) }),
  summarizeJobs: (c, app) => {
    const statuses = jobsOf(c, app).map((j) => app.jobStatus(j).status);
    return {
      jobsSummary: {
        applicationId: app.appId,
        attempts: [app.attempt()],
        schedulingMode: 'FIFO',
        activeJobs: statuses.filter((s) => s === 'JOB_EXECUTION_STATUS_RUNNING').length,
        completedJobs: statuses.filter((s) => s === 'JOB_EXECUTION_STATUS_SUCCEEDED').length,
        failedJobs: statuses.filter((s) => s === 'JOB_EXECUTION_STATUS_FAILED').length,
      },
    };
  },

  searchStages: (c, app) => {
    const status = enumParam(c, 'stageStatus', StageStatus.values);
    let stages = allStages(app, int64List(c, 'stageIds')).reverse();
    if (status) stages = stages.filter((s) => app.stageStatus(app.run(s.ref).stages[s.index]!) === status);
    const { slice, nextPageToken } = page(c, stages, (s) => String(s.stageId), filterKeyOf(c));
    return {
      sparkApplicationStages: slice.map((s) => app.stageData(s.ref, s.index, stageOptions(c))),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  },
  searchStageAttempts: (c, app) => {
    // The emulator never retries a whole stage: each stage has the one attempt 0.
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!);
    const { slice, nextPageToken } = page(c, [0], String, filterKeyOf(c));
    return {
      sparkApplicationStageAttempts: slice.map(() => app.stageData(ref, index, stageOptions(c))),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  },
  accessStageAttempt: (c, app) => {
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!, int64Param(c, 'stageAttemptId', true));
    return { stageData: app.stageData(ref, index, { ...stageOptions(c), executors: true }) };
  },
  searchStageAttemptTasks: (c, app) => {
    const { ref, index } = app.stage(
      int64Param(c, 'stageId', true)!,
      int64Param(c, 'stageAttemptId', false) ?? 0,
    );
    const status = enumParam(c, 'taskStatus', TaskStatus.values);
    let views = app.tasksOf(app.run(ref).stages[index]!);
    if (status) views = views.filter((v) => `TASK_STATUS_${v.status}` === status);
    let tasks = views.map((v) => app.taskData(ref, index, v));
    if (boolParam(c, 'sortRuntime'))
      tasks = [...tasks].sort((a, b) => Number(b.durationMillis) - Number(a.durationMillis));
    const { slice, nextPageToken } = page(c, tasks, (t) => t.taskId, filterKeyOf(c));
    return { sparkApplicationStageAttemptTasks: slice, ...(nextPageToken ? { nextPageToken } : {}) };
  },
  summarizeStages: (c, app) => {
    const statuses = allStages(app, int64List(c, 'stageIds')).map((s) =>
      app.stageStatus(app.run(s.ref).stages[s.index]!),
    );
    const n = (s: string) => statuses.filter((x) => x === s).length;
    return {
      stagesSummary: {
        applicationId: app.appId,
        numActiveStages: n('STAGE_STATUS_ACTIVE'),
        numCompletedStages: n('STAGE_STATUS_COMPLETE'),
        numFailedStages: n('STAGE_STATUS_FAILED'),
        numPendingStages: n('STAGE_STATUS_PENDING'),
        numSkippedStages: n('STAGE_STATUS_SKIPPED'),
      },
    };
  },
  summarizeStageAttemptTasks: (c, app) => {
    const stageId = int64Param(c, 'stageId', true)!;
    const attempt = int64Param(c, 'stageAttemptId', true)!;
    const { ref, index } = app.stage(stageId, attempt);
    const stage = app.run(ref).stages[index]!;
    const views = app.tasksOf(stage);
    const n = (s: string) => views.filter((v) => v.status === s).length;
    const launchedIndices = new Set(views.map((v) => v.task.index)).size;
    return {
      stageAttemptTasksSummary: {
        applicationId: app.appId,
        stageId: String(stageId),
        stageAttemptId: attempt,
        numTasks: views.length,
        numRunningTasks: n('RUNNING'),
        numSuccessTasks: n('SUCCESS'),
        numFailedTasks: n('FAILED'),
        numKilledTasks: n('KILLED'),
        numPendingTasks: app.ended ? 0 : stage.spec.tasks - launchedIndices,
      },
    };
  },

  searchExecutors: (c, app) => {
    const status = enumParam(c, 'executorStatus', ExecutorStatus.values);
    let executors = app.executors();
    if (status) executors = executors.filter((e) => e.isActive === (status === 'EXECUTOR_STATUS_ACTIVE'));
    const { slice, nextPageToken } = page(c, executors, (e) => e.executorId, filterKeyOf(c));
    return { sparkApplicationExecutors: slice, ...(nextPageToken ? { nextPageToken } : {}) };
  },
  summarizeExecutors: (_c, app) => {
    const executors = app.executors();
    const consolidate = (list: typeof executors) => {
      const sum = (f: (e: (typeof executors)[number]) => number) => list.reduce((n, e) => n + f(e), 0);
      return {
        count: list.length,
        activeTasks: sum((e) => e.activeTasks),
        completedTasks: sum((e) => e.completedTasks),
        failedTasks: sum((e) => e.failedTasks),
        totalTasks: sum((e) => e.totalTasks),
        totalCores: sum((e) => e.totalCores),
        rddBlocks: 0,
        isExcluded: 0,
        diskUsed: '0',
        memoryUsed: String(sum((e) => Number(e.memoryUsed))),
        maxMemory: String(sum((e) => Number(e.maxMemory))),
        totalDurationMillis: String(sum((e) => Number(e.totalDurationMillis))),
        totalGcTimeMillis: String(sum((e) => Number(e.totalGcTimeMillis))),
        totalInputBytes: String(sum((e) => Number(e.totalInputBytes))),
        totalShuffleRead: String(sum((e) => Number(e.totalShuffleRead))),
        totalShuffleWrite: String(sum((e) => Number(e.totalShuffleWrite))),
        memoryMetrics: {
          usedOnHeapStorageMemory: String(sum((e) => Number(e.memoryMetrics.usedOnHeapStorageMemory))),
          usedOffHeapStorageMemory: '0',
          totalOnHeapStorageMemory: String(sum((e) => Number(e.memoryMetrics.totalOnHeapStorageMemory))),
          totalOffHeapStorageMemory: '0',
        },
      };
    };
    return {
      applicationId: app.appId,
      activeExecutorSummary: consolidate(executors.filter((e) => e.isActive)),
      deadExecutorSummary: consolidate(executors.filter((e) => !e.isActive)),
      totalExecutorSummary: consolidate(executors),
    };
  },
  searchExecutorStageSummary: (c, app) => {
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!, int64Param(c, 'stageAttemptId', true));
    const { slice, nextPageToken } = page(
      c,
      app.executorStageSummaries(ref, index),
      (s) => s.executorId,
      filterKeyOf(c),
    );
    return { sparkApplicationStageExecutors: slice, ...(nextPageToken ? { nextPageToken } : {}) };
  },

  searchSqlQueries: (c, app) => {
    // The emulator's queries come from notebook cells, not Spark Connect: no operation ID matches.
    const queries = c.req.queries('operationIds')?.length
      ? []
      : app.jobs.filter((j) => j.sqlId !== undefined).reverse();
    const { slice, nextPageToken } = page(c, queries, (j) => String(j.sqlId), filterKeyOf(c));
    const options = { details: boolParam(c, 'details'), planDescription: boolParam(c, 'planDescription') };
    return {
      sparkApplicationSqlQueries: slice.map((j) => app.sqlQuery(j, options)),
      ...(nextPageToken ? { nextPageToken } : {}),
    };
  },
  accessSqlQuery: (c, app) => ({
    executionData: app.sqlQuery(sqlJob(c, app), {
      details: boolParam(c, 'details'),
      planDescription: boolParam(c, 'planDescription'),
    }),
  }),
  accessSqlPlan: (c, app) => ({ sparkPlanGraph: app.sqlPlan(sqlJob(c, app)) }),
  accessEnvironmentInfo: (_c, app) => ({
    applicationEnvironmentInfo: {
      runtime: {
        javaVersion: '17.0.13 (Eclipse Adoptium)',
        javaHome: '/usr/lib/jvm/temurin-17-jdk-amd64',
        scalaVersion: 'version 2.13.14',
      },
      sparkProperties: {
        'spark.app.id': app.appId,
        'spark.app.name': app.facts.appName,
        'spark.dynamicAllocation.enabled': 'true',
        'spark.dynamicAllocation.executorIdleTimeout': '60s',
        'spark.dynamicAllocation.initialExecutors': '2',
        'spark.dynamicAllocation.maxExecutors': '20',
        'spark.executor.cores': '4',
        'spark.executor.memory': '12200m',
        'spark.driver.cores': '4',
        'spark.driver.memory': '12200m',
        'spark.sql.adaptive.enabled': 'true',
        'spark.sql.shuffle.partitions': '200',
        'spark.task.maxFailures': '4',
        // The session's own properties, as Dataproc passes them (without the `spark:` prefix).
        ...Object.fromEntries(
          Object.entries(app.facts.properties).map(([k, v]) => [k.replace(/^spark:/, ''), v]),
        ),
      },
      systemProperties: { 'java.version': '17.0.13', 'user.name': 'spark', 'file.encoding': 'UTF-8' },
      hadoopProperties: { 'fs.gs.impl': 'com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem' },
      metricsProperties: { '*.sink.servlet.class': 'org.apache.spark.metrics.sink.MetricsServlet' },
      classpathEntries: { '/usr/lib/spark/jars/*': 'System Classpath' },
      resourceProfiles: [
        {
          resourceProfileId: 0,
          executorResources: {
            cores: { resourceName: 'cores', amount: '4' },
            memory: { resourceName: 'memory', amount: '12200' },
          },
          taskResources: { cpus: { resourceName: 'cpus', amount: 1 } },
        },
      ],
    },
  }),

  // Lightning Engine (native execution) is not emulated: no native queries, no build info.
  searchNativeSqlQueries: () => ({}),
  accessNativeSqlQuery: (c, app) => {
    throw notFound('Native SQL query', `${int64Param(c, 'executionId', true)} in ${app.name}`);
  },
  accessNativeBuildInfo: () => ({}),
};

function sqlJob(c: Context, app: SparkApplication): JobRef {
  const id = int64Param(c, 'executionId', true)!;
  const job = app.jobs.find((j) => j.sqlId === id);
  if (!job) throw notFound('SQL execution', `${id} in ${app.name}`);
  return job;
}

const RunWorkloadBody = z.object({ name: z.string(), workload: z.string() });

/** POST /control/sessions:runWorkload {name, workload}: starts a named workload now, in an ACTIVE session. */
export function sparkControlRoutes(sessions: Sessions, clock: Clock, runs: WorkloadRuns): Hono {
  const control = new Hono();
  control.post('/control/sessions:runWorkload', async (c) => {
    const { name, workload } = await body(RunWorkloadBody, c.req.raw);
    if (!Object.hasOwn(WORKLOADS, workload))
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Unknown workload "${workload}"; known: ${Object.keys(WORKLOADS).join(', ')}.`,
      );
    const session = sessions.get(name);
    if (session.state !== 'ACTIVE')
      throw new RpcError(
        'FAILED_PRECONDITION',
        `Session ${name} is ${session.state}; a workload runs only in an ACTIVE session.`,
      );
    runs.add(session.uuid!, workload, clock.now());
    return reply(c, { workload, start: new Date(clock.now()).toISOString() });
  });
  control.get('/control/workloads', (c) =>
    reply(c, { workloads: Object.values(WORKLOADS).map((w) => ({ name: w.name, summary: w.summary })) }),
  );
  return control;
}
