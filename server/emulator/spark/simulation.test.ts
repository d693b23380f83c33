import { describe, expect, it } from 'vitest';
import { SparkProjection } from './projection';
import { EXECUTOR, STATIC_EXECUTORS } from './schedule';
import {
  EXECUTOR_IDLE_TIMEOUT_MS,
  PERIOD,
  Simulation,
  type SessionFacts,
  type WorkloadRun,
} from './simulation';
import { WORKLOADS } from './workloads';

/**
 * The simulation answers from closed forms (counts by arithmetic, totals as PERIOD cycle sums
 * times their recurrences). Here every answer is checked against a walk over the whole history,
 * which is what the closed forms stand in for, on sessions long enough for the period to wrap.
 */
const START = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;

function facts(end?: number): SessionFacts {
  return {
    name: 'projects/p/locations/us-central1/sessions/s',
    uuid: `0f1e2d3c-${end ?? 'live'}`,
    activeSince: START,
    ...(end !== undefined ? { end } : {}),
    runtimeVersion: '2.3',
    appName: 'PySparkShell',
    properties: {},
  };
}

const runs: WorkloadRun[] = [
  { seq: 0, workload: WORKLOADS.notebook!, start: START },
  // Hand-started runs interleave with the notebook's jobs in the numbering.
  { seq: 3, workload: WORKLOADS.etl!, start: START + 40 * 60_000 + 1_234 },
  { seq: 7, workload: WORKLOADS.bench!, start: START + 90 * 60_000 },
  { seq: 9, workload: WORKLOADS['failing-udf']!, start: START + 95 * 60_000 },
];

/** The whole history, walked job by job: what the closed forms must agree with. */
function walk(app: SparkProjection) {
  const jobs = app.sim.jobsBetween(app.facts.activeSince, app.at);
  const jobStatuses: Record<string, number> = {};
  const stageStatuses: Record<string, number> = {};
  const staticTasks = [0, 0, 0];
  const staticDuration = [0, 0, 0];
  let deadAdded = 0;
  for (const ref of jobs) {
    const s = app.jobStatus(ref).status;
    jobStatuses[s] = (jobStatuses[s] ?? 0) + 1;
    for (const stage of app.run(ref).stages) {
      const st = app.stageStatus(stage);
      stageStatuses[st] = (stageStatuses[st] ?? 0) + 1;
      for (const view of app.tasksOf(stage)) {
        const id = app.executorOf(ref, view.task);
        if (id === '1' || id === '2') {
          staticTasks[Number(id)]!++;
          if (view.finish !== undefined) staticDuration[Number(id)]! += view.finish - view.task.launch;
        }
      }
    }
    if (ref.executorId !== undefined && app.sim.addedExecutorRemoval(ref)) deadAdded++;
  }
  return { jobs, jobStatuses, stageStatuses, staticTasks, staticDuration, deadAdded };
}

describe.each([
  ['a live session, 4 hours in', undefined, START + 4 * HOUR + 77_777],
  ['a session that ended mid-cycle', START + 3 * HOUR + 45_000, START + 5 * HOUR],
])('the simulation of %s', (_label, end, now) => {
  const app = new SparkProjection(new Simulation(facts(end), runs, now));
  const truth = walk(app);

  it('spans more than one period of random draws', () => {
    expect(Math.floor((app.at - START) / WORKLOADS.notebook!.cycleMs)).toBeGreaterThan(3 * PERIOD);
  });

  it('numbers jobs, stages, SQL executions and added executors as the walk does', () => {
    expect(app.sim.jobCount).toBe(truth.jobs.length);
    truth.jobs.forEach((ref, i) => expect(ref.jobId).toBe(i));
    let stageId = 0;
    let sqlId = 0;
    let executorId = STATIC_EXECUTORS + 1;
    for (const ref of truth.jobs) {
      expect(ref.stageBase).toBe(stageId);
      stageId += ref.spec.stages.length;
      if (ref.spec.sql) expect(ref.sqlId).toBe(sqlId++);
      if (ref.spec.addsExecutor) expect(ref.executorId).toBe(executorId++);
    }
    expect(app.sim.stageCount).toBe(stageId);
    expect(app.sim.sqlCount).toBe(sqlId);
    expect(app.sim.addedExecutorCount).toBe(executorId - STATIC_EXECUTORS - 1);
    // Looked up by number (bisecting the clock), a sample of each finds the same job.
    for (const ref of truth.jobs.filter((_, i) => i % 37 === 0 || i === truth.jobs.length - 1)) {
      expect(app.sim.job(ref.jobId)).toEqual(ref);
      expect(app.sim.stage(ref.stageBase + ref.spec.stages.length - 1)).toEqual({
        ref,
        index: ref.spec.stages.length - 1,
      });
      if (ref.sqlId !== undefined) expect(app.sim.sqlJob(ref.sqlId)).toEqual(ref);
      if (ref.executorId !== undefined) expect(app.sim.addedExecutorJob(ref.executorId)).toEqual(ref);
    }
    expect(app.sim.job(truth.jobs.length)).toBeUndefined();
    expect(app.sim.stage(stageId)).toBeUndefined();
  });

  it('counts jobs and stages by status as the walk does', () => {
    expect(app.jobCounts()).toEqual({
      JOB_EXECUTION_STATUS_RUNNING: truth.jobStatuses.JOB_EXECUTION_STATUS_RUNNING ?? 0,
      JOB_EXECUTION_STATUS_SUCCEEDED: truth.jobStatuses.JOB_EXECUTION_STATUS_SUCCEEDED ?? 0,
      JOB_EXECUTION_STATUS_FAILED: truth.jobStatuses.JOB_EXECUTION_STATUS_FAILED ?? 0,
    });
    for (const [status, n] of Object.entries(app.stageCounts()))
      expect([status, n]).toEqual([status, truth.stageStatuses[status] ?? 0]);
    // Failures happen (the fatal UDF cycles), and not always.
    expect(truth.jobStatuses.JOB_EXECUTION_STATUS_FAILED).toBeGreaterThan(0);
    expect(truth.jobStatuses.JOB_EXECUTION_STATUS_SUCCEEDED).toBeGreaterThan(0);
  });

  it('sums the static executors’ tasks and the dead executors as the walk does', () => {
    for (const id of [1, 2]) {
      const executor = app.executor(id);
      expect(executor.totalTasks).toBe(truth.staticTasks[id]);
      expect(Number(executor.totalDurationMillis)).toBe(truth.staticDuration[id]);
    }
    const summary = app.executorsSummary();
    const deadStatics = app.ended ? 1 + STATIC_EXECUTORS : 0;
    expect(summary.deadExecutorSummary.count).toBe(truth.deadAdded + deadStatics);
    expect(summary.totalExecutorSummary.count).toBe(app.executorCount());
    expect(summary.totalExecutorSummary.totalTasks).toBe(
      [...Array(app.executorCount()).keys()].reduce((n, i) => n + (app.executor(i).totalTasks ?? 0), 0),
    );
  });

  it('knows which executors are alive at any moment, with their size', () => {
    for (let t = START + 5_000; t < app.at; t += 7 * 60_000 + 13_000) {
      const expected = [
        ...(app.ended && t >= app.at ? [] : ['1', '2']),
        ...truth.jobs
          .filter((ref) => ref.executorId !== undefined && ref.submit <= t)
          .filter((ref) => ref.submit + (app.run(ref).end - ref.submit) + EXECUTOR_IDLE_TIMEOUT_MS > t)
          .map((ref) => String(ref.executorId)),
      ];
      const alive = app.sim.executorsAliveAt(t);
      expect(alive.map((e) => e.executorId).sort()).toEqual(expected.sort());
      for (const e of alive) expect(e).toMatchObject({ cores: EXECUTOR.cores, memoryMb: EXECUTOR.memoryMb });
    }
  });
});

describe('the notebook’s failing job', () => {
  it('fails in the same share of cycles in every session, never in none', () => {
    // Drawn independently, a third of cycles failing leaves about 1 session in 28 with no failure
    // at all (0.66^8): its Spark tab, and any test reading its failed jobs, would show nothing.
    const perPeriod = Math.round(0.34 * PERIOD);
    for (let i = 0; i < 60; i++) {
      const session = { ...facts(), uuid: `session-${i}` };
      const now = START + 2 * PERIOD * WORKLOADS.notebook!.cycleMs;
      const app = new SparkProjection(new Simulation(session, [runs[0]!], now));
      const failed = app.sim
        .jobsBetween(START, now)
        .filter((ref) => app.jobStatus(ref).status === 'JOB_EXECUTION_STATUS_FAILED');
      expect(failed.length).toBe(2 * perPeriod);
    }
  });
});
