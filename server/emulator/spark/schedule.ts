import type { JobSpec, StageSpec } from './workloads';

/**
 * How one job of a workload runs, worked out once from a seed: every task's executor slot,
 * launch and finish time and metrics. It knows nothing of "now": the views in projection.ts
 * show the part of it that has happened by the time asked for, so the same job looks the same
 * whenever it is asked about, before and after a restart.
 */

/** A seeded random stream (FNV-1a of the seed, then mulberry32): same seed, same numbers. */
export function randomStream(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TaskMetrics {
  runMs: number;
  cpuNs: number;
  deserializeMs: number;
  deserializeCpuNs: number;
  resultSerializationMs: number;
  schedulerDelayMs: number;
  gcMs: number;
  resultSize: number;
  peakExecutionMemory: number;
  input: number;
  output: number;
  shuffleRead: number;
  shuffleWrite: number;
  shuffleWriteTimeNs: number;
  fetchWaitMs: number;
  memorySpilled: number;
  diskSpilled: number;
}

export interface TaskRun {
  index: number;
  attempt: number;
  /** The order the task was launched in, within its stage: the task ID is the stage's base plus this. */
  order: number;
  /** Executor core the task ran on: 0–3 executor 1, 4–7 executor 2, 8–11 the job's dynamic executor. */
  slot: number;
  launch: number;
  finish: number;
  status: 'SUCCESS' | 'FAILED' | 'KILLED';
  error?: string;
  metrics: TaskMetrics;
}

export interface StageRun {
  spec: StageSpec;
  /** Not run at all, because an earlier stage of its job failed. */
  ran: boolean;
  start: number;
  end: number;
  failed: boolean;
  /** The task whose fourth failure failed the stage. */
  fatalTask?: TaskRun;
  tasks: TaskRun[];
}

export interface JobRun {
  submit: number;
  end: number;
  failed: boolean;
  stages: StageRun[];
}

/**
 * Every executor's size: the one source for the simulation's slots, the executors list, the
 * application's memoryPerExecutorMb and the environment's spark.executor.* properties.
 */
export const EXECUTOR = { cores: 4, memoryMb: 12_288 } as const;
/** The driver: same size as an executor, as Serverless sets spark.driver.* by default. */
export const DRIVER = { cores: 4, memoryMb: 12_288 } as const;
/** Spark's storage memory of a heap: (heap − 300 MiB reserved) × spark.memory.fraction 0.6. */
export const storageMemoryBytes = (memoryMb: number) => Math.round((memoryMb - 300) * 0.6 * 1024 * 1024);
/** spark.dynamicAllocation.maxExecutors */
export const MAX_EXECUTORS = 20;
/** Executors the session starts with (spark.dynamicAllocation.initialExecutors). */
export const STATIC_EXECUTORS = 2;
/** spark.task.maxFailures */
const MAX_TASK_FAILURES = 4;
/** Task IDs reserved per stage beyond its task count, for retried attempts. */
export const RETRY_IDS = MAX_TASK_FAILURES - 1;

function metricsFor(spec: StageSpec, durationMs: number, weight: number, skewed: boolean, r: () => number) {
  const deserializeMs = Math.round(4 + r() * 16);
  const schedulerDelayMs = Math.round(2 + r() * 8);
  const resultSerializationMs = Math.round(r() * 2);
  const runMs = Math.max(1, durationMs - deserializeMs - schedulerDelayMs - resultSerializationMs);
  const jitter = () => 0.85 + r() * 0.3;
  const bytes = (perTask: number | undefined) => Math.round((perTask ?? 0) * weight * jitter());
  const spills = spec.spill !== undefined && (skewed || !spec.skew);
  const memorySpilled = spills ? Math.round(spec.spill! * jitter()) : 0;
  const shuffleWrite = bytes(spec.shuffleWrite);
  return {
    runMs,
    cpuNs: Math.round(runMs * (0.7 + r() * 0.2) * 1e6),
    deserializeMs,
    deserializeCpuNs: Math.round(deserializeMs * 0.6 * 1e6),
    resultSerializationMs,
    schedulerDelayMs,
    gcMs: Math.round(runMs * spec.gc * (skewed ? 2 : 1) * jitter()),
    resultSize: Math.round(1800 + r() * 800),
    peakExecutionMemory: memorySpilled ? 2_147_483_648 : Math.round(33_554_432 * weight * jitter()),
    input: bytes(spec.input),
    output: bytes(spec.output),
    shuffleRead: bytes(spec.shuffleRead),
    shuffleWrite,
    shuffleWriteTimeNs: shuffleWrite * 3,
    fetchWaitMs: spec.shuffleRead ? Math.round(r() * 12 * weight) : 0,
    memorySpilled,
    diskSpilled: Math.round(memorySpilled * 0.4),
  };
}

function runStage(spec: StageSpec, start: number, slots: number, seed: string): StageRun {
  const r = randomStream(seed);
  const skewFrom = spec.skew ? spec.tasks - spec.skew.tasks : spec.tasks;
  const fatal = spec.failure !== undefined && r() < spec.failure.fatalChance;
  const free = new Array<number>(slots).fill(start);
  const tasks: TaskRun[] = [];
  const retries: { index: number; attempt: number; ready: number }[] = [];
  let next = 0;
  let stageFailedAt: number | undefined;
  let fatalTask: TaskRun | undefined;
  while (next < spec.tasks || retries.length) {
    let slot = 0;
    for (let s = 1; s < slots; s++) if (free[s]! < free[slot]!) slot = s;
    const at = free[slot]!;
    if (stageFailedAt !== undefined && at >= stageFailedAt) break;
    // A failed task goes back to the front of the queue as soon as it can run again.
    const retry = retries[0] && (retries[0].ready <= at || next >= spec.tasks) ? retries.shift()! : undefined;
    const index = retry ? retry.index : next++;
    const attempt = retry ? retry.attempt : 0;
    const skewed = index >= skewFrom;
    const weight = skewed ? spec.skew!.factor : 1;
    const launch = Math.max(at, retry?.ready ?? at) + Math.round(1 + r() * 4);
    const full = Math.round(spec.taskMs * weight * (0.7 + r() * 0.6));
    const fails = spec.failure?.index === index && (fatal ? attempt < MAX_TASK_FAILURES : attempt === 0);
    const duration = fails ? Math.round(full * 0.4) : full;
    const task: TaskRun = {
      index,
      attempt,
      order: tasks.length,
      slot,
      launch,
      finish: launch + duration,
      status: fails ? 'FAILED' : 'SUCCESS',
      ...(fails ? { error: spec.failure!.error } : {}),
      metrics: metricsFor(spec, duration, fails ? weight * 0.4 : weight, skewed, r),
    };
    tasks.push(task);
    free[slot] = task.finish;
    if (fails) {
      if (attempt + 1 < MAX_TASK_FAILURES) retries.push({ index, attempt: attempt + 1, ready: task.finish });
      else {
        stageFailedAt = task.finish;
        fatalTask = task;
      }
    }
  }
  if (stageFailedAt !== undefined) {
    // The stage is aborted: what still runs is killed.
    for (const task of tasks)
      if (task.finish > stageFailedAt) {
        task.status = 'KILLED';
        task.finish = stageFailedAt;
        task.error = 'Stage cancelled: Job aborted due to stage failure';
      }
  }
  const end = stageFailedAt ?? Math.max(start, ...tasks.map((t) => t.finish));
  return { spec, ran: true, start, end, failed: stageFailedAt !== undefined, fatalTask, tasks };
}

export function slotsOf(spec: JobSpec): number {
  return (STATIC_EXECUTORS + (spec.addsExecutor ? 1 : 0)) * EXECUTOR.cores;
}

export function runJob(spec: JobSpec, submit: number, seed: string): JobRun {
  const stages: StageRun[] = [];
  let t = submit + 25;
  let failed = false;
  spec.stages.forEach((stageSpec, i) => {
    if (failed) {
      stages.push({ spec: stageSpec, ran: false, start: t, end: t, failed: false, tasks: [] });
      return;
    }
    const stage = runStage(stageSpec, t, slotsOf(spec), `${seed}|${i}`);
    stages.push(stage);
    failed = stage.failed;
    t = stage.end + 15;
  });
  return { submit, end: stages.filter((s) => s.ran).at(-1)!.end + 5, failed, stages };
}
