import {
  EXECUTOR,
  RETRY_IDS,
  STATIC_EXECUTORS,
  randomStream,
  runJob,
  type JobRun,
  type TaskMetrics,
} from './schedule';
import type { JobSpec, Workload } from './workloads';

/**
 * A session's Spark application as pure arithmetic on the clock: which jobs exist at a moment,
 * how Spark numbers them (jobs, stages, task IDs, SQL executions and dynamic executors, in
 * submission order across every workload run), and totals over the whole history.
 *
 * Nothing here walks the history. A workload repeats a cycle of jobs, and a job's random draws
 * repeat every PERIOD cycles, so counts up to any moment are closed forms, the n-th job is found
 * by bisecting the clock, and whole-history totals are PERIOD cycle totals times how often each
 * recurs, plus the few jobs still running (or whose executor is still idling). A read costs the
 * same on a session 13 days old as on one a minute old.
 */

/** A job's random draws (task durations, the fatal cycle) repeat every PERIOD cycles of its run. */
export const PERIOD = 8;
/** spark.dynamicAllocation.executorIdleTimeout: an added executor leaves this long after its job. */
export const EXECUTOR_IDLE_TIMEOUT_MS = 60_000;

export interface SessionFacts {
  name: string;
  uuid: string;
  /** When the session became ACTIVE: the application starts then. */
  activeSince: number;
  /** When the session stopped being ACTIVE, if it has. */
  end?: number;
  runtimeVersion: string;
  appName: string;
  properties: Record<string, string>;
}

export interface WorkloadRun {
  seq: number;
  workload: Workload;
  start: number;
}

/** Counted per job, in submission order: [jobs, stages, task IDs, SQL executions, added executors]. */
type Counts = [number, number, number, number, number];
const JOBS = 0;
const STAGES = 1;
const SQL = 3;
const EXECUTORS = 4;
type Quantity = typeof JOBS | typeof STAGES | typeof SQL | typeof EXECUTORS;

const zero = (): Counts => [0, 0, 0, 0, 0];
const add = (a: Counts, b: Counts, times = 1): Counts => a.map((v, i) => v + b[i]! * times) as Counts;
const countsOf = (spec: JobSpec): Counts => [
  1,
  spec.stages.length,
  spec.stages.reduce((n, s) => n + s.tasks + RETRY_IDS, 0),
  spec.sql ? 1 : 0,
  spec.addsExecutor ? 1 : 0,
];

export interface JobRef {
  jobId: number;
  spec: JobSpec;
  submit: number;
  seed: string;
  stageBase: number;
  taskBase: number;
  sqlId?: number;
  /** Executor ID given to this job by dynamic allocation. */
  executorId?: number;
  /** Which run, cycle and position it is (for the totals' bookkeeping). */
  run: number;
  cycle: number;
}

/** Per-executor totals over finished tasks: what the executors list and summary show. */
export interface ExecutorTotals {
  active: number;
  completed: number;
  failed: number;
  total: number;
  duration: number;
  gc: number;
  input: number;
  shuffleRead: number;
  shuffleWrite: number;
}
export const noTotals = (): ExecutorTotals => ({
  active: 0,
  completed: 0,
  failed: 0,
  total: 0,
  duration: 0,
  gc: 0,
  input: 0,
  shuffleRead: 0,
  shuffleWrite: 0,
});
function addTotals(into: ExecutorTotals, from: ExecutorTotals, times = 1): void {
  for (const key of Object.keys(from) as (keyof ExecutorTotals)[]) into[key] += from[key] * times;
}

/** The executor a task slot belongs to: slots 0–3 executor 1, 4–7 executor 2, then the job's own. */
export const staticExecutorOfSlot = (slot: number): number | undefined => {
  const n = Math.floor(slot / EXECUTOR.cores);
  return n < STATIC_EXECUTORS ? n + 1 : undefined;
};

/** What a whole (finished) job contributes to the application's totals. */
interface JobOutcome {
  end: number;
  failed: boolean;
  stagesComplete: number;
  stagesFailed: number;
  stagesNotRun: number;
  /** Index 0: the job's added executor; 1..STATIC_EXECUTORS: the static ones. */
  executors: ExecutorTotals[];
}

function outcomeOf(run: JobRun, submit: number): JobOutcome {
  const executors = Array.from({ length: STATIC_EXECUTORS + 1 }, noTotals);
  let stagesComplete = 0;
  let stagesFailed = 0;
  let stagesNotRun = 0;
  for (const stage of run.stages) {
    if (!stage.ran) stagesNotRun++;
    else if (stage.failed) stagesFailed++;
    else stagesComplete++;
    for (const task of stage.tasks) {
      const t = executors[staticExecutorOfSlot(task.slot) ?? 0]!;
      t.total++;
      if (task.status === 'SUCCESS') t.completed++;
      else t.failed++;
      t.duration += task.finish - task.launch;
      addMetrics(t, task.metrics);
    }
  }
  return { end: run.end - submit, failed: run.failed, stagesComplete, stagesFailed, stagesNotRun, executors };
}

function addMetrics(t: ExecutorTotals, m: TaskMetrics): void {
  t.gc += m.gcMs;
  t.input += m.input;
  t.shuffleRead += m.shuffleRead;
  t.shuffleWrite += m.shuffleWrite;
}

/**
 * Job runs by seed, worked out at submit time 0 (a run shifted in time is the same run): a memo
 * of the pure `runJob`, bounded by a budget of tasks, least recently used out first.
 */
const memo = new Map<string, { run: JobRun; outcome: JobOutcome; tasks: number }>();
let memoTasks = 0;
const MEMO_TASK_BUDGET = 400_000;
function relativeRun(spec: JobSpec, seed: string) {
  const hit = memo.get(seed);
  if (hit) {
    memo.delete(seed);
    memo.set(seed, hit);
    return hit;
  }
  const run = runJob(spec, 0, seed);
  const tasks = run.stages.reduce((n, s) => n + s.tasks.length, 0);
  const entry = { run, outcome: outcomeOf(run, 0), tasks };
  memo.set(seed, entry);
  memoTasks += tasks;
  for (const [key, old] of memo) {
    if (memoTasks <= MEMO_TASK_BUDGET || key === seed) break;
    memo.delete(key);
    memoTasks -= old.tasks;
  }
  return entry;
}

function shifted(run: JobRun, by: number): JobRun {
  return {
    submit: run.submit + by,
    end: run.end + by,
    failed: run.failed,
    stages: run.stages.map((s) => ({
      ...s,
      start: s.start + by,
      end: s.end + by,
      tasks: s.tasks.map((t) => ({ ...t, launch: t.launch + by, finish: t.finish + by })),
      ...(s.fatalTask
        ? { fatalTask: { ...s.fatalTask, launch: s.fatalTask.launch + by, finish: s.fatalTask.finish + by } }
        : {}),
    })),
  };
}

/** One workload run as a stream of jobs: cycle c, position p is submitted at start + c·cycle + offset. */
class Stream {
  readonly jobs: JobSpec[];
  readonly perCycle: Counts;
  /** prefix[p]: the counts of positions before p within a cycle. */
  private readonly prefix: Counts[];
  readonly cycles: number;
  readonly addsExecutors: boolean;

  constructor(
    readonly index: number,
    readonly run: WorkloadRun,
    private readonly uuid: string,
  ) {
    const { workload } = run;
    this.jobs = [...workload.jobs].sort((a, b) => a.offsetMs - b.offsetMs);
    for (let i = 0; i < this.jobs.length; i++) {
      const offset = this.jobs[i]!.offsetMs;
      if (offset < 0 || offset >= workload.cycleMs || offset === this.jobs[i - 1]?.offsetMs)
        throw new Error(`workload ${workload.name}: job offsets must be distinct and within the cycle`);
    }
    this.prefix = [zero()];
    for (const spec of this.jobs) this.prefix.push(add(this.prefix.at(-1)!, countsOf(spec)));
    this.perCycle = this.prefix.at(-1)!;
    this.cycles = workload.cycles;
    this.addsExecutors = this.jobs.some((j) => j.addsExecutor);
  }

  get cycleMs() {
    return this.run.workload.cycleMs;
  }

  /** Counts of this run's jobs submitted before t (at t too, when `inclusive`). */
  countBefore(t: number, inclusive: boolean): Counts {
    const since = t - this.run.start;
    if (since < 0) return zero();
    const cycle = Math.floor(since / this.cycleMs);
    if (cycle >= this.cycles) return add(zero(), this.perCycle, this.cycles);
    const within = since - cycle * this.cycleMs;
    let p = 0;
    while (
      p < this.jobs.length &&
      (inclusive ? this.jobs[p]!.offsetMs <= within : this.jobs[p]!.offsetMs < within)
    )
      p++;
    return add(this.prefix[p]!, this.perCycle, cycle);
  }

  /** The position of this run's job submitted exactly at t, if any. */
  jobAt(t: number): { cycle: number; pos: number } | undefined {
    const since = t - this.run.start;
    if (since < 0) return undefined;
    const cycle = Math.floor(since / this.cycleMs);
    if (cycle >= this.cycles) return undefined;
    const pos = this.jobs.findIndex((j) => j.offsetMs === since - cycle * this.cycleMs);
    return pos < 0 ? undefined : { cycle, pos };
  }

  submitOf(cycle: number, pos: number): number {
    return this.run.start + cycle * this.cycleMs + this.jobs[pos]!.offsetMs;
  }

  seedOf(cycle: number, pos: number): string {
    return `${this.uuid}|${this.run.seq}|${cycle % PERIOD}|${pos}`;
  }

  /**
   * The job at (cycle, pos) with its stages' fatal chance settled: a stage that fails in a share
   * of cycles fails in exactly round(share × PERIOD) cycles of every PERIOD (which ones depends
   * on the session), so no session goes a whole period, or its whole life, without a failure.
   */
  specOf(cycle: number, pos: number): JobSpec {
    const spec = this.jobs[pos]!;
    if (!spec.stages.some((s) => s.failure && s.failure.fatalChance > 0 && s.failure.fatalChance < 1))
      return spec;
    const shift = Math.floor(randomStream(`${this.uuid}|${this.run.seq}|${pos}|fatal`)() * PERIOD);
    const slot = (cycle + shift) % PERIOD;
    const key = `${pos}|${slot}`;
    let settled = this.settledSpecs.get(key);
    if (!settled) {
      settled = {
        ...spec,
        stages: spec.stages.map((s) =>
          s.failure
            ? {
                ...s,
                failure: {
                  ...s.failure,
                  fatalChance: slot < Math.round(s.failure.fatalChance * PERIOD) ? 1 : 0,
                },
              }
            : s,
        ),
      };
      this.settledSpecs.set(key, settled);
    }
    return settled;
  }
  private readonly settledSpecs = new Map<string, JobSpec>();

  outcome(cycle: number, pos: number): JobOutcome {
    return relativeRun(this.specOf(cycle, pos), this.seedOf(cycle, pos)).outcome;
  }

  /** The longest a cycle's job takes from the cycle's start until it, and its executor, are gone. */
  settleMs(): number {
    return (this.settle ??= this.computeSettleMs());
  }
  private settle: number | undefined;
  private computeSettleMs(): number {
    let longest = 0;
    for (let v = 0; v < Math.min(PERIOD, this.cycles); v++)
      this.jobs.forEach((spec, pos) => {
        longest = Math.max(longest, spec.offsetMs + this.outcome(v, pos).end);
      });
    return longest + (this.addsExecutors ? EXECUTOR_IDLE_TIMEOUT_MS : 0);
  }
}

/** Whole-history totals: what every finished job added, by the counts the summaries show. */
export interface Totals {
  jobsSucceeded: number;
  jobsFailed: number;
  stagesComplete: number;
  stagesFailed: number;
  stagesNotRun: number;
  /** Executors 1..STATIC_EXECUTORS (index 0 unused). */
  staticExecutors: ExecutorTotals[];
  /** Added executors that are gone, summed. */
  deadAdded: ExecutorTotals & { count: number; memoryUsed: number };
}

/** Memory an executor reports in use: a little more for each of its tasks' cached blocks (0–6). */
export const executorMemoryUsed = (totalTasks: number) => 524_288 * (1 + (totalTasks % 7));

const MIB = 1024 * 1024;
/** Tasks at which an executor's peak heap is halfway between its idle floor and its ceiling. */
const HALF_PEAK_TASKS = 200;

/**
 * The peak JVM memory of an executor (or the driver) of `memoryMb` that ran `totalTasks` tasks, as
 * Spark's executors API reports it in peakMemoryMetrics: the heap starts at 8% of -Xmx (the JVM and
 * Spark's own objects) and grows with the tasks run towards 38%, never reaching the heap's size;
 * off-heap (metaspace, code cache, netty buffers) from 64 MiB towards 112 MiB. A notebook's
 * workloads are small, so the emulator's executors leave most of their memory unused, as the
 * right-sizing rule is there to notice. Deterministic: the same tasks give the same figures.
 */
export function executorPeakMemory(memoryMb: number, totalTasks: number) {
  const growth = totalTasks / (totalTasks + HALF_PEAK_TASKS);
  return {
    JVMHeapMemory: Math.round(memoryMb * MIB * (0.08 + 0.3 * growth)),
    JVMOffHeapMemory: Math.round((64 + 48 * growth) * MIB),
  };
}

export class Simulation {
  /** The moment shown: now, or the session's end once it ended. */
  readonly at: number;
  readonly ended: boolean;
  private readonly streams: Stream[];
  readonly total: Counts;

  constructor(
    readonly facts: SessionFacts,
    runs: WorkloadRun[],
    now: number,
  ) {
    this.ended = facts.end !== undefined && facts.end <= now;
    this.at = this.ended ? facts.end! : now;
    this.streams = [...runs].sort((a, b) => a.seq - b.seq).map((run, i) => new Stream(i, run, facts.uuid));
    this.total = this.countBefore(this.at, Infinity);
  }

  get jobCount() {
    return this.total[JOBS];
  }
  get stageCount() {
    return this.total[STAGES];
  }
  get sqlCount() {
    return this.total[SQL];
  }
  get addedExecutorCount() {
    return this.total[EXECUTORS];
  }

  /** Counts of the jobs ordered before one submitted at t by the run with sequence `seq`. */
  private countBefore(t: number, seq: number): Counts {
    let sum = zero();
    for (const s of this.streams) sum = add(sum, s.countBefore(t, s.run.seq < seq));
    return sum;
  }

  private ref(stream: Stream, cycle: number, pos: number): JobRef {
    const submit = stream.submitOf(cycle, pos);
    const base = this.countBefore(submit, stream.run.seq);
    const spec = stream.specOf(cycle, pos);
    return {
      jobId: base[JOBS],
      spec,
      submit,
      seed: stream.seedOf(cycle, pos),
      stageBase: base[STAGES],
      taskBase: base[2],
      ...(spec.sql ? { sqlId: base[SQL] } : {}),
      ...(spec.addsExecutor ? { executorId: STATIC_EXECUTORS + 1 + base[EXECUTORS] } : {}),
      run: stream.index,
      cycle,
    };
  }

  /**
   * The job holding the n-th item of a quantity (the n-th job, stage, SQL execution or added
   * executor), and the item's place within it: the clock is bisected, each step a closed form.
   */
  private nth(q: Quantity, n: number): { ref: JobRef; within: number } | undefined {
    if (!Number.isInteger(n) || n < 0 || n >= this.total[q]) return undefined;
    let lo = Math.min(...this.streams.map((s) => s.run.start));
    let hi = this.at;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.countBefore(mid, Infinity)[q] > n) hi = mid;
      else lo = mid + 1;
    }
    for (const stream of this.streams) {
      const at = stream.jobAt(lo);
      if (!at) continue;
      const ref = this.ref(stream, at.cycle, at.pos);
      const base = this.countBefore(lo, stream.run.seq)[q];
      const size = countsOf(ref.spec)[q];
      if (n >= base && n < base + size) return { ref, within: n - base };
    }
    return undefined;
  }

  job(jobId: number): JobRef | undefined {
    return this.nth(JOBS, jobId)?.ref;
  }

  stage(stageId: number): { ref: JobRef; index: number } | undefined {
    const found = this.nth(STAGES, stageId);
    return found && { ref: found.ref, index: found.within };
  }

  sqlJob(sqlId: number): JobRef | undefined {
    return this.nth(SQL, sqlId)?.ref;
  }

  /** The job that added executor `id` (STATIC_EXECUTORS + 1 and up). */
  addedExecutorJob(id: number): JobRef | undefined {
    return this.nth(EXECUTORS, id - STATIC_EXECUTORS - 1)?.ref;
  }

  /** The job's run, with absolute times. */
  run(ref: JobRef): JobRun {
    return shifted(relativeRun(ref.spec, ref.seed).run, ref.submit);
  }

  /** A stage's times with absolute times, without copying its tasks. */
  stageOutline(ref: JobRef, index: number): { ran: boolean; start: number; end: number; failed: boolean } {
    const stage = relativeRun(ref.spec, ref.seed).run.stages[index]!;
    return {
      ran: stage.ran,
      start: stage.start + ref.submit,
      end: stage.end + ref.submit,
      failed: stage.failed,
    };
  }

  /** When the job finished, if it has by `at` (cut jobs of an ended session count as finished then). */
  finished(ref: JobRef): { end: number; failed: boolean } | undefined {
    const { outcome } = relativeRun(ref.spec, ref.seed);
    const end = ref.submit + outcome.end;
    if (end <= this.at) return { end, failed: outcome.failed };
    return this.ended ? { end: this.at, failed: true } : undefined;
  }

  /** When the executor a job added leaves: its idle timeout after the job, or the session's end. */
  addedExecutorRemoval(ref: JobRef): { at: number; idle: boolean } | undefined {
    const remove = ref.submit + relativeRun(ref.spec, ref.seed).outcome.end + EXECUTOR_IDLE_TIMEOUT_MS;
    if (remove <= this.at) return { at: remove, idle: true };
    return this.ended ? { at: this.at, idle: false } : undefined;
  }

  /** Jobs submitted in [from, to], in job order: a window of the clock, never the whole history. */
  jobsBetween(from: number, to: number): JobRef[] {
    const refs: JobRef[] = [];
    for (const stream of this.streams) {
      const first = Math.max(0, Math.floor((from - stream.run.start) / stream.cycleMs));
      for (let c = first; c < stream.cycles; c++) {
        const cycleStart = stream.run.start + c * stream.cycleMs;
        if (cycleStart > Math.min(to, this.at)) break;
        stream.jobs.forEach((_, pos) => {
          const submit = stream.submitOf(c, pos);
          if (submit >= from && submit <= Math.min(to, this.at)) refs.push(this.ref(stream, c, pos));
        });
      }
    }
    return refs.sort((a, b) => a.jobId - b.jobId);
  }

  /**
   * Executors alive at t (t ≤ at): the two the session starts with and those dynamic allocation
   * added and has not yet released. Cheap: only jobs submitted within one settle time of t count.
   */
  executorsAliveAt(t: number): { executorId: string; cores: number; memoryMb: number; since: number }[] {
    if (t < this.facts.activeSince || t > this.at || (this.ended && t >= this.at)) return [];
    const alive = Array.from({ length: STATIC_EXECUTORS }, (_, i) => ({
      executorId: String(i + 1),
      cores: EXECUTOR.cores,
      memoryMb: EXECUTOR.memoryMb,
      since: this.facts.activeSince + 3_000 + i * 150,
    })).filter((e) => e.since <= t);
    const window = Math.max(0, ...this.streams.map((s) => (s.addsExecutors ? s.settleMs() : 0)));
    for (const ref of this.jobsBetween(t - window, t)) {
      if (ref.executorId === undefined) continue;
      const gone = ref.submit + relativeRun(ref.spec, ref.seed).outcome.end + EXECUTOR_IDLE_TIMEOUT_MS;
      if (gone > t)
        alive.push({
          executorId: String(ref.executorId),
          cores: EXECUTOR.cores,
          memoryMb: EXECUTOR.memoryMb,
          since: ref.submit,
        });
    }
    return alive;
  }

  /**
   * What the session's usage figures need, in closed form like totals(): executor-milliseconds
   * (every executor's lifetime up to `at`), the shuffle bytes written by finished jobs, and
   * byte-milliseconds of that shuffle kept from each job's end until `at`. Settled cycles are
   * summed as arithmetic series over their recurrences; only the few unsettled jobs are visited.
   */
  usageIntegrals(): { executorMs: number; shuffleBytes: number; shuffleByteMs: number } {
    const at = this.at;
    let executorMs = 0;
    let shuffleBytes = 0;
    let shuffleByteMs = 0;
    for (let i = 0; i < STATIC_EXECUTORS; i++)
      executorMs += Math.max(0, at - (this.facts.activeSince + 3_000 + i * 150));
    const writeOf = (o: JobOutcome) => o.executors.reduce((sum, e) => sum + e.shuffleWrite, 0);
    for (const stream of this.streams) {
      const started = Math.min(
        stream.cycles,
        at < stream.run.start ? 0 : Math.floor((at - stream.run.start) / stream.cycleMs) + 1,
      );
      const settledCycles = Math.max(
        0,
        Math.min(started, Math.floor((at - stream.run.start - stream.settleMs()) / stream.cycleMs) + 1),
      );
      for (let v = 0; v < Math.min(PERIOD, settledCycles); v++) {
        // Cycles c = v, v + PERIOD, … below settledCycles: n of them, their numbers summing to sumC.
        const n = Math.floor((settledCycles - 1 - v) / PERIOD) + 1;
        const sumC = n * v + (PERIOD * n * (n - 1)) / 2;
        stream.jobs.forEach((spec, pos) => {
          const o = stream.outcome(v, pos);
          const write = writeOf(o);
          const firstEnd = stream.submitOf(0, pos) + o.end;
          shuffleBytes += write * n;
          shuffleByteMs += write * (n * (at - firstEnd) - stream.cycleMs * sumC);
          if (spec.addsExecutor) executorMs += n * (o.end + EXECUTOR_IDLE_TIMEOUT_MS);
        });
      }
      for (let c = settledCycles; c < started; c++)
        stream.jobs.forEach((spec, pos) => {
          const submit = stream.submitOf(c, pos);
          if (submit > at) return;
          const o = stream.outcome(c, pos);
          const end = submit + o.end;
          if (end <= at) {
            shuffleBytes += writeOf(o);
            shuffleByteMs += writeOf(o) * (at - end);
          }
          if (spec.addsExecutor) executorMs += Math.min(at, end + EXECUTOR_IDLE_TIMEOUT_MS) - submit;
        });
    }
    return { executorMs, shuffleBytes, shuffleByteMs };
  }

  /**
   * Whole-history totals, split in two: the settled cycles (every job finished and its executor
   * released by `at`), counted as PERIOD cycle totals times how often each recurs, and the
   * unsettled jobs, listed for the caller to look at one by one.
   */
  totals(): { settled: Totals; unsettled: JobRef[] } {
    const settled: Totals = {
      jobsSucceeded: 0,
      jobsFailed: 0,
      stagesComplete: 0,
      stagesFailed: 0,
      stagesNotRun: 0,
      staticExecutors: Array.from({ length: STATIC_EXECUTORS + 1 }, noTotals),
      deadAdded: { ...noTotals(), count: 0, memoryUsed: 0 },
    };
    const unsettled: JobRef[] = [];
    for (const stream of this.streams) {
      const started = Math.min(
        stream.cycles,
        this.at < stream.run.start ? 0 : Math.floor((this.at - stream.run.start) / stream.cycleMs) + 1,
      );
      const settledCycles = Math.max(
        0,
        Math.min(started, Math.floor((this.at - stream.run.start - stream.settleMs()) / stream.cycleMs) + 1),
      );
      for (let v = 0; v < Math.min(PERIOD, settledCycles); v++) {
        // Cycles c < settledCycles with c ≡ v (mod PERIOD).
        const times = Math.floor((settledCycles - 1 - v) / PERIOD) + 1;
        stream.jobs.forEach((spec, pos) => {
          const o = stream.outcome(v, pos);
          if (o.failed) settled.jobsFailed += times;
          else settled.jobsSucceeded += times;
          settled.stagesComplete += o.stagesComplete * times;
          settled.stagesFailed += o.stagesFailed * times;
          settled.stagesNotRun += o.stagesNotRun * times;
          for (let e = 1; e <= STATIC_EXECUTORS; e++)
            addTotals(settled.staticExecutors[e]!, o.executors[e]!, times);
          if (spec.addsExecutor) {
            addTotals(settled.deadAdded, o.executors[0]!, times);
            settled.deadAdded.count += times;
            settled.deadAdded.memoryUsed += executorMemoryUsed(o.executors[0]!.total) * times;
          }
        });
      }
      for (let c = settledCycles; c < started; c++)
        stream.jobs.forEach((_, pos) => {
          if (stream.submitOf(c, pos) <= this.at) unsettled.push(this.ref(stream, c, pos));
        });
    }
    return { settled, unsettled: unsettled.sort((a, b) => a.jobId - b.jobId) };
  }
}
