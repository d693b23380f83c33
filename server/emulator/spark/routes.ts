import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { sessionIdProblem } from '../../../src/schemas/rules';
import {
  ApplicationContextIngestionStatus,
  ApplicationStatus,
  DeterministicLevel,
  ExecutorStatus,
  JobExecutionStatus,
  QuantileDataStatus,
  StageStatus,
  TaskStatus,
} from '../../../src/schemas/spark';
import type { Session } from '../../../src/schemas/wire';
import { parentName, sessionName } from '../../../src/schemas/names';
import { reply, type EnumTable } from '../api-routes';
import type { Clock } from '../clock';
import { body } from '../control-routes';
import { RpcError, invalidArgument, notFound } from '../errors';
import { LIMITS, checkLength } from '../limits';
import { decodePageToken, encodePageToken, pageSizeFrom } from '../paging';
import { checkPlace } from '../place';
import type { Sessions } from '../sessions';
import { parseTimestamp } from '../timestamps';
import { SparkProjection, type TaskView } from './projection';
import { DRIVER, EXECUTOR, MAX_EXECUTORS, STATIC_EXECUTORS } from './schedule';
import { EXECUTOR_IDLE_TIMEOUT_MS, Simulation, type SessionFacts } from './simulation';
import { MAX_RUNS_PER_SESSION, type WorkloadRuns } from './workload-runs';
import { WORKLOADS } from './workloads';

/** Page sizes the discovery document states for every sparkApplications search: 10 by default, at most 100. */
const PAGES = { defaultSize: 10, maxSize: 100 };
/**
 * The most candidates one filtered search looks at. A filter that matches little on a long
 * history answers with fewer items than pageSize and a nextPageToken, as Google's list methods
 * may, rather than walking the history in one request.
 */
export const SCAN_BUDGET = 2_000;

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

/** Which Spark fields are enums, per answer: `status` is a job's in one and a stage's in another. */
const APPLICATION_ENUMS = {
  quantileDataStatus: QuantileDataStatus,
  applicationContextIngestionStatus: ApplicationContextIngestionStatus,
  outputDeterministicLevel: DeterministicLevel,
};
const enums = (status?: { numberOf: Map<string, number> }): EnumTable => ({
  fields: { ...APPLICATION_ENUMS, ...(status ? { status } : {}) },
  maps: { jobs: JobExecutionStatus },
});

function int64Param(c: Context, key: string, required: boolean): number | undefined {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '') {
    if (required) throw invalidArgument([{ field: key, description: `${key} is required.` }]);
    return undefined;
  }
  if (!/^\d{1,15}$/.test(raw))
    throw invalidArgument([{ field: key, description: `"${raw}" is not a non-negative integer.` }]);
  return Number(raw);
}

function int64List(c: Context, key: string): number[] | undefined {
  const values = c.req.queries(key);
  if (!values?.length) return undefined;
  for (const v of values)
    if (!/^\d{1,15}$/.test(v))
      throw invalidArgument([{ field: key, description: `"${v}" is not a non-negative integer.` }]);
  return [...new Set(values.map(Number))];
}

function boolParam(c: Context, key: string): boolean {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw invalidArgument([{ field: key, description: `"${raw}" is not true or false.` }]);
}

function enumParam<T extends string>(c: Context, key: string, values: readonly T[]): T | undefined {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d{1,3}$/.test(raw) ? values[Number(raw)] : (raw as T);
  if (!value || !values.includes(value))
    throw invalidArgument([{ field: key, description: `"${raw}" is not one of ${values.join(', ')}.` }]);
  return value.endsWith('_UNSPECIFIED') ? undefined : value;
}

/** An RFC 3339 time parameter; an impossible date or a bare number is refused, naming it. */
function timeParam(c: Context, key: string): number | undefined {
  const raw = c.req.query(key);
  if (raw === undefined || raw === '') return undefined;
  const t = parseTimestamp(raw);
  if (t === undefined)
    throw invalidArgument([
      {
        field: key,
        description: `"${raw.slice(0, 64)}" is not an RFC 3339 timestamp such as 2026-01-01T00:00:00Z.`,
      },
    ]);
  return t;
}

/** The summary metrics a stage can carry; summaryMetricsMask names them by proto or JSON name. */
const SUMMARY_METRICS = ['taskQuantileMetrics', 'executorMetricsDistributions'] as const;
function summaryMask(c: Context): Set<string> {
  const raw = c.req.query('summaryMetricsMask') ?? '';
  const paths = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out = new Set<string>();
  for (const path of paths) {
    const top = path.split('.')[0]!.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());
    if (!(SUMMARY_METRICS as readonly string[]).includes(top))
      throw invalidArgument([
        {
          field: 'summaryMetricsMask',
          description: `"${path.slice(0, 64)}" is not a summary metric; known: ${SUMMARY_METRICS.join(', ')}.`,
        },
      ]);
    out.add(top);
  }
  return out;
}

/** A page token is bound to the query's other parameters (AIP-158): the same filter, in any order. */
function filterKeyOf(c: Context): string {
  const params = [...new URL(c.req.url).searchParams].filter(([k]) => k !== 'pageToken' && k !== 'pageSize');
  return JSON.stringify(params.sort(([a], [b]) => a.localeCompare(b)));
}

const badToken = () =>
  new RpcError('INVALID_ARGUMENT', 'Invalid pageToken: it was not issued by this list call.');

/**
 * Keyset pages over positions in a fixed order (IDs newest first, executors in ID order): the
 * token holds the last position looked at, and the next page starts after it whatever left or
 * joined the filtered list meanwhile. At most SCAN_BUDGET candidates are looked at per request.
 */
function keysetPage<T>(
  c: Context,
  options: {
    /** Positions 0..count-1 exist; a token pointing elsewhere was not issued here. */
    count: number;
    descending: boolean;
    /** The candidates in order when they are few and known (an ID list, the live executors). */
    only?: number[];
    keep?: (position: number) => boolean;
    build: (position: number) => T;
  },
) {
  const size = pageSizeFrom(c.req.query('pageSize'), PAGES);
  const token = c.req.query('pageToken');
  checkLength('pageToken', token, LIMITS.pageTokenChars);
  const position = decodePageToken(token, filterKeyOf(c));
  let after: number | undefined;
  if (position) {
    if (!/^\d{1,15}$/.test(position.key) || Number(position.key) >= options.count) throw badToken();
    after = Number(position.key);
  }
  const { count, descending } = options;
  const candidates = options.only
    ? [...options.only]
        .filter((n) => n < count)
        .sort((a, b) => (descending ? b - a : a - b))
        .filter((n) => after === undefined || (descending ? n < after : n > after))
    : undefined;
  let next = after === undefined ? (descending ? count - 1 : 0) : descending ? after - 1 : after + 1;
  let index = 0;
  const take = (): number | undefined => {
    if (candidates) return candidates[index++];
    if (next < 0 || next >= count) return undefined;
    const n = next;
    next += descending ? -1 : 1;
    return n;
  };
  const remains = () => (candidates ? index < candidates.length : next >= 0 && next < count);
  const items: T[] = [];
  let last: number | undefined;
  let looked = 0;
  while (items.length < size && looked < SCAN_BUDGET) {
    const n = take();
    if (n === undefined) break;
    looked++;
    last = n;
    if (!options.keep || options.keep(n)) items.push(options.build(n));
  }
  const nextPageToken =
    last !== undefined && remains()
      ? encodePageToken({ key: String(last), seq: 0 }, filterKeyOf(c))
      : undefined;
  return { items, nextPageToken };
}

/** Keyset pages over a stage's tasks (a few hundred), in ID order or slowest first. */
function taskPage<T extends { taskId?: string; durationMillis?: string }>(
  c: Context,
  tasks: T[],
  slowestFirst: boolean,
) {
  const size = pageSizeFrom(c.req.query('pageSize'), PAGES);
  const token = c.req.query('pageToken');
  checkLength('pageToken', token, LIMITS.pageTokenChars);
  const position = decodePageToken(token, filterKeyOf(c));
  const keyOf = (t: T): [number, number] => [slowestFirst ? -Number(t.durationMillis) : 0, Number(t.taskId)];
  const compare = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
  const sorted = [...tasks].sort((a, b) => compare(keyOf(a), keyOf(b)));
  let from = 0;
  if (position) {
    const m = /^(-?\d{1,15}):(\d{1,15})$/.exec(position.key);
    if (!m) throw badToken();
    const key: [number, number] = [Number(m[1]), Number(m[2])];
    from = sorted.findIndex((t) => compare(keyOf(t), key) > 0);
    if (from < 0) from = sorted.length;
  }
  const slice = sorted.slice(from, from + size);
  const last = slice.at(-1);
  return {
    items: slice,
    nextPageToken:
      last && from + size < sorted.length
        ? encodePageToken({ key: keyOf(last).join(':'), seq: 0 }, filterKeyOf(c))
        : undefined,
  };
}

const P = '/v1/projects/:project/locations/:location/sessions/:session';

export function sparkRoutes(sessions: Sessions, clock: Clock, runs: WorkloadRuns): Hono {
  const api = new Hono();
  /** The session's name, after the same checks every other route makes on project, location and ID. */
  const nameOf = (c: Context) => {
    const project = c.req.param('project') ?? '';
    const location = c.req.param('location') ?? '';
    checkPlace(project, location);
    const id = c.req.param('session') ?? '';
    const problem = sessionIdProblem(id);
    if (problem) throw invalidArgument([{ field: 'name', description: problem }]);
    return sessionName(parentName({ project, location }), id);
  };
  const projectionOf = (facts: SessionFacts) =>
    new SparkProjection(new Simulation(facts, runs.of(facts), clock.now()));

  /** The session's application, or 404: it exists once the session has been ACTIVE. */
  function application(c: Context, appId: string): SparkProjection {
    const name = nameOf(c);
    const facts = sessionFacts(sessions.get(name));
    if (!facts) throw notFound('Spark application', `${name}/sparkApplications/${appId}`);
    const app = projectionOf(facts);
    if (appId !== app.appId) throw notFound('Spark application', `${name}/sparkApplications/${appId}`);
    return app;
  }

  api.get(`${P}/:verb{sparkApplications:search}`, (c) => {
    const name = nameOf(c);
    const status = enumParam(c, 'applicationStatus', ApplicationStatus.values);
    const [minTime, maxTime, minEnd, maxEnd] = ['minTime', 'maxTime', 'minEndTime', 'maxEndTime'].map((key) =>
      timeParam(c, key),
    );
    const facts = sessionFacts(sessions.get(name));
    const apps = facts ? [projectionOf(facts)] : [];
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
    const { items, nextPageToken } = keysetPage(c, {
      count: matching.length,
      descending: false,
      build: (n) => ({ name: matching[n]!.name, application: matching[n]!.applicationInfo() }),
    });
    return reply(c, { sparkApplications: items, ...(nextPageToken ? { nextPageToken } : {}) }, 200, enums());
  });

  api.get(`${P}/sparkApplications/:app{[^/:]+:[A-Za-z]+}`, (c) => {
    const [appId, verb] = c.req.param('app').split(':') as [string, string];
    const name = nameOf(c);
    const parent = c.req.query('parent');
    if (!parent)
      throw invalidArgument([
        { field: 'parent', description: 'parent is required: the session resource name.' },
      ]);
    if (parent !== name)
      throw invalidArgument([{ field: 'parent', description: `parent must be the session ${name}.` }]);
    // The verb is user input: only HANDLERS' own entries count, never Object.prototype's.
    const handler = Object.hasOwn(HANDLERS, verb) ? HANDLERS[verb] : undefined;
    if (!handler)
      throw new RpcError(
        'NOT_FOUND',
        `The requested URL ${new URL(c.req.url).pathname} was not found on this server (method GET).`,
      );
    const [payload, status] = handler(c, application(c, appId));
    return reply(c, payload, 200, enums(status));
  });
  return api;
}

const stageOptions = (c: Context) => {
  const mask = summaryMask(c);
  return {
    quantiles: mask.has('taskQuantileMetrics'),
    distributions: mask.has('executorMetricsDistributions'),
    executors: false,
  };
};

/** The answer and which enum its `status` fields hold. */
type Handler = (c: Context, app: SparkProjection) => [unknown, { numberOf: Map<string, number> }?];
const HANDLERS: Record<string, Handler> = {
  access: (_c, app) => [{ application: app.applicationInfo() }],

  searchJobs: (c, app) => {
    const status = enumParam(c, 'jobStatus', JobExecutionStatus.values);
    // Newest first, as Spark's UI lists them.
    const { items, nextPageToken } = keysetPage(c, {
      count: app.sim.jobCount,
      descending: true,
      only: int64List(c, 'jobIds'),
      keep: status ? (n) => app.jobStatus(app.job(n)).status === status : undefined,
      build: (n) => app.jobData(app.job(n)),
    });
    return [{ sparkApplicationJobs: items, ...(nextPageToken ? { nextPageToken } : {}) }, JobExecutionStatus];
  },
  accessJob: (c, app) => [
    { jobData: app.jobData(app.job(int64Param(c, 'jobId', true)!)) },
    JobExecutionStatus,
  ],
  summarizeJobs: (c, app) => {
    const ids = int64List(c, 'jobIds');
    let counts: Record<string, number>;
    if (ids) {
      counts = {};
      for (const id of ids.filter((n) => n < app.sim.jobCount)) {
        const s = app.jobStatus(app.job(id)).status;
        counts[s] = (counts[s] ?? 0) + 1;
      }
    } else counts = app.jobCounts();
    return [
      {
        jobsSummary: {
          applicationId: app.appId,
          attempts: [app.attempt()],
          schedulingMode: 'FIFO',
          activeJobs: counts.JOB_EXECUTION_STATUS_RUNNING ?? 0,
          completedJobs: counts.JOB_EXECUTION_STATUS_SUCCEEDED ?? 0,
          failedJobs: counts.JOB_EXECUTION_STATUS_FAILED ?? 0,
        },
      },
    ];
  },

  searchStages: (c, app) => {
    const status = enumParam(c, 'stageStatus', StageStatus.values);
    const options = stageOptions(c);
    const { items, nextPageToken } = keysetPage(c, {
      count: app.sim.stageCount,
      descending: true,
      only: int64List(c, 'stageIds'),
      keep: status ? (n) => app.stageStatusOf(n) === status : undefined,
      build: (n) => {
        const { ref, index } = app.stage(n);
        return app.stageData(ref, index, options);
      },
    });
    return [{ sparkApplicationStages: items, ...(nextPageToken ? { nextPageToken } : {}) }, StageStatus];
  },
  searchStageAttempts: (c, app) => {
    // The emulator never retries a whole stage: each stage has the one attempt 0.
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!);
    const options = stageOptions(c);
    const { items, nextPageToken } = keysetPage(c, {
      count: 1,
      descending: false,
      build: () => app.stageData(ref, index, options),
    });
    return [
      { sparkApplicationStageAttempts: items, ...(nextPageToken ? { nextPageToken } : {}) },
      StageStatus,
    ];
  },
  accessStageAttempt: (c, app) => {
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!, int64Param(c, 'stageAttemptId', true));
    return [{ stageData: app.stageData(ref, index, { ...stageOptions(c), executors: true }) }, StageStatus];
  },
  // Stage IDs name attempt 0 (the emulator never retries a whole stage): the graph of its RDDs.
  accessStageRddGraph: (c, app) => {
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!);
    return [{ rddOperationGraph: app.rddGraph(ref, index) }];
  },
  searchStageAttemptTasks: (c, app) => {
    const { ref, index } = app.stage(
      int64Param(c, 'stageId', true)!,
      int64Param(c, 'stageAttemptId', false) ?? 0,
    );
    const status = enumParam(c, 'taskStatus', TaskStatus.values);
    let views: TaskView[] = app.tasksOf(app.run(ref).stages[index]!);
    if (status) views = views.filter((v) => `TASK_STATUS_${v.status}` === status);
    const tasks = views.map((v) => app.taskData(ref, index, v));
    const { items, nextPageToken } = taskPage(c, tasks, boolParam(c, 'sortRuntime'));
    // A task's status is plain text in the API, not an enum.
    return [{ sparkApplicationStageAttemptTasks: items, ...(nextPageToken ? { nextPageToken } : {}) }];
  },
  summarizeStages: (c, app) => {
    const ids = int64List(c, 'stageIds');
    let counts: Record<string, number>;
    if (ids) {
      counts = {};
      for (const id of ids.filter((n) => n < app.sim.stageCount)) {
        const s = app.stageStatusOf(id);
        counts[s] = (counts[s] ?? 0) + 1;
      }
    } else counts = app.stageCounts();
    return [
      {
        stagesSummary: {
          applicationId: app.appId,
          numActiveStages: counts.STAGE_STATUS_ACTIVE ?? 0,
          numCompletedStages: counts.STAGE_STATUS_COMPLETE ?? 0,
          numFailedStages: counts.STAGE_STATUS_FAILED ?? 0,
          numPendingStages: counts.STAGE_STATUS_PENDING ?? 0,
          numSkippedStages: counts.STAGE_STATUS_SKIPPED ?? 0,
        },
      },
    ];
  },
  summarizeStageAttemptTasks: (c, app) => {
    const stageId = int64Param(c, 'stageId', true)!;
    const attempt = int64Param(c, 'stageAttemptId', true)!;
    const { ref, index } = app.stage(stageId, attempt);
    const stage = app.run(ref).stages[index]!;
    const views = app.tasksOf(stage);
    const n = (s: string) => views.filter((v) => v.status === s).length;
    const launchedIndices = new Set(views.map((v) => v.task.index)).size;
    return [
      {
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
      },
    ];
  },

  searchExecutors: (c, app) => {
    const status = enumParam(c, 'executorStatus', ExecutorStatus.values);
    const alive = new Set(app.aliveExecutors());
    const { items, nextPageToken } = keysetPage(c, {
      count: app.executorCount(),
      descending: false,
      only: status === 'EXECUTOR_STATUS_ACTIVE' ? [...alive] : undefined,
      keep: status === 'EXECUTOR_STATUS_DEAD' ? (n) => !alive.has(n) : undefined,
      build: (n) => app.executor(n),
    });
    return [{ sparkApplicationExecutors: items, ...(nextPageToken ? { nextPageToken } : {}) }];
  },
  summarizeExecutors: (_c, app) => [app.executorsSummary()],
  searchExecutorStageSummary: (c, app) => {
    const { ref, index } = app.stage(int64Param(c, 'stageId', true)!, int64Param(c, 'stageAttemptId', true));
    const summaries = app.executorStageSummaries(ref, index);
    const { items, nextPageToken } = keysetPage(c, {
      count: summaries.length,
      descending: false,
      build: (n) => summaries[n]!,
    });
    return [{ sparkApplicationStageExecutors: items, ...(nextPageToken ? { nextPageToken } : {}) }];
  },

  searchSqlQueries: (c, app) => {
    const options = { details: boolParam(c, 'details'), planDescription: boolParam(c, 'planDescription') };
    // The emulator's queries come from notebook cells, not Spark Connect: no operation ID matches.
    const { items, nextPageToken } = keysetPage(c, {
      count: app.sim.sqlCount,
      descending: true,
      ...(c.req.queries('operationIds')?.length ? { only: [] } : {}),
      build: (n) => app.sqlQuery(app.sqlJob(n), options),
    });
    return [{ sparkApplicationSqlQueries: items, ...(nextPageToken ? { nextPageToken } : {}) }];
  },
  accessSqlQuery: (c, app) => [
    {
      executionData: app.sqlQuery(app.sqlJob(int64Param(c, 'executionId', true)!), {
        details: boolParam(c, 'details'),
        planDescription: boolParam(c, 'planDescription'),
      }),
    },
  ],
  accessSqlPlan: (c, app) => [
    { sparkPlanGraph: app.sqlPlan(app.sqlJob(int64Param(c, 'executionId', true)!)) },
  ],
  accessEnvironmentInfo: (_c, app) => [
    {
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
          'spark.dynamicAllocation.executorIdleTimeout': `${EXECUTOR_IDLE_TIMEOUT_MS / 1000}s`,
          'spark.dynamicAllocation.initialExecutors': String(STATIC_EXECUTORS),
          'spark.dynamicAllocation.maxExecutors': String(MAX_EXECUTORS),
          'spark.executor.cores': String(EXECUTOR.cores),
          'spark.executor.memory': `${EXECUTOR.memoryMb}m`,
          'spark.driver.cores': String(DRIVER.cores),
          'spark.driver.memory': `${DRIVER.memoryMb}m`,
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
              cores: { resourceName: 'cores', amount: String(EXECUTOR.cores) },
              memory: { resourceName: 'memory', amount: String(EXECUTOR.memoryMb) },
            },
            taskResources: { cpus: { resourceName: 'cpus', amount: 1 } },
          },
        ],
      },
    },
  ],

  // Lightning Engine (native execution) is not emulated: no native queries, no build info.
  searchNativeSqlQueries: () => [{}],
  accessNativeSqlQuery: (c, app) => {
    throw notFound('Native SQL query', `${int64Param(c, 'executionId', true)} in ${app.name}`);
  },
  accessNativeBuildInfo: () => [{}],
};

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
    if (runs.count(session.uuid!) >= MAX_RUNS_PER_SESSION)
      throw new RpcError(
        'RESOURCE_EXHAUSTED',
        `Session ${name} has run ${MAX_RUNS_PER_SESSION} workloads, the most one session may run.`,
      );
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
