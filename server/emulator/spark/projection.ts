import type {
  ApplicationAttemptInfo,
  ApplicationInfo,
  ConsolidatedExecutorSummary,
  ExecutorStageSummary,
  ExecutorMetrics,
  ExecutorSummary,
  JobData,
  RddOperationCluster,
  RddOperationGraph,
  RddOperationNode,
  SqlExecutionUiData,
  SparkPlanGraph,
  StageData,
  TaskData,
} from '../../../src/schemas/spark';
import { rfc3339 } from '../clock';
import { notFound } from '../errors';
import {
  DRIVER,
  EXECUTOR,
  MAX_EXECUTORS,
  RETRY_IDS,
  STATIC_EXECUTORS,
  storageMemoryBytes,
  type StageRun,
  type TaskMetrics,
  type TaskRun,
} from './schedule';
import {
  EXECUTOR_IDLE_TIMEOUT_MS,
  executorMemoryUsed,
  executorPeakMemory,
  noTotals,
  staticExecutorOfSlot,
  type ExecutorTotals,
  type JobRef,
  type Simulation,
} from './simulation';
import type { PlanNode } from './workloads';

/**
 * The simulation as the API shows it at one moment: wire objects typed against the generated
 * schemas (src/schemas/spark.ts), each built from the few jobs it concerns, never the history.
 */

const int64 = (n: number) => String(Math.round(n));
const records = (bytes: number) => Math.round(bytes / 100);

export type JobStatus =
  'JOB_EXECUTION_STATUS_RUNNING' | 'JOB_EXECUTION_STATUS_SUCCEEDED' | 'JOB_EXECUTION_STATUS_FAILED';
export type StageStatus =
  | 'STAGE_STATUS_ACTIVE'
  | 'STAGE_STATUS_COMPLETE'
  | 'STAGE_STATUS_FAILED'
  | 'STAGE_STATUS_PENDING'
  | 'STAGE_STATUS_SKIPPED';

const SHUTDOWN = 'cancelled because SparkContext was shut down';
const IDLE_REASON = `Executor killed by driver: idle for ${EXECUTOR_IDLE_TIMEOUT_MS / 1000} s (dynamic allocation, spark.dynamicAllocation.executorIdleTimeout)`;
const END_REASON = 'Spark context shut down: the session ended';

function sparkVersion(runtime: string): string {
  if (runtime.startsWith('1.')) return '3.3.2';
  if (runtime.startsWith('3.')) return '4.0.0';
  return '3.5.3';
}

export type TaskView = { task: TaskRun; status: string; finish?: number; error?: string };

export class SparkProjection {
  readonly appId: string;
  readonly name: string;

  constructor(readonly sim: Simulation) {
    const stamp = rfc3339(sim.facts.activeSince).replace(/[-:T]/g, '').slice(0, 14);
    this.appId = `app-${stamp}-0000`;
    this.name = `${sim.facts.name}/sparkApplications/${this.appId}`;
  }

  get at() {
    return this.sim.at;
  }
  get ended() {
    return this.sim.ended;
  }
  get facts() {
    return this.sim.facts;
  }

  run(ref: JobRef) {
    return this.sim.run(ref);
  }

  job(jobId: number): JobRef {
    const ref = this.sim.job(jobId);
    if (!ref) throw notFound('Spark job', `${jobId} in ${this.name}`);
    return ref;
  }

  /** The job and position of a stage ID; the emulator runs each stage once, as attempt 0. */
  stage(stageId: number, attempt = 0): { ref: JobRef; index: number } {
    const found = attempt === 0 ? this.sim.stage(stageId) : undefined;
    if (!found) throw notFound('Spark stage', `${stageId} (attempt ${attempt}) in ${this.name}`);
    return found;
  }

  sqlJob(executionId: number): JobRef {
    const ref = this.sim.sqlJob(executionId);
    if (!ref) throw notFound('SQL execution', `${executionId} in ${this.name}`);
    return ref;
  }

  /** A job's status at `at`, from its outcome alone (no task is looked at). */
  jobStatus(ref: JobRef): { status: JobStatus; completion?: number } {
    const done = this.sim.finished(ref);
    if (!done) return { status: 'JOB_EXECUTION_STATUS_RUNNING' };
    return {
      status: done.failed ? 'JOB_EXECUTION_STATUS_FAILED' : 'JOB_EXECUTION_STATUS_SUCCEEDED',
      completion: done.end,
    };
  }

  /** A stage's status by ID, from its job's outline (no task is copied). */
  stageStatusOf(stageId: number): StageStatus {
    const { ref, index } = this.stage(stageId);
    return this.stageStatus(this.sim.stageOutline(ref, index));
  }

  stageStatus(stage: Pick<StageRun, 'ran' | 'start' | 'end' | 'failed'>): StageStatus {
    if (!stage.ran || stage.start > this.at)
      return this.ended ? 'STAGE_STATUS_SKIPPED' : 'STAGE_STATUS_PENDING';
    if (stage.end <= this.at) return stage.failed ? 'STAGE_STATUS_FAILED' : 'STAGE_STATUS_COMPLETE';
    return this.ended ? 'STAGE_STATUS_FAILED' : 'STAGE_STATUS_ACTIVE';
  }

  /** The tasks launched by `at`, with their status then. */
  tasksOf(stage: StageRun): TaskView[] {
    return stage.tasks
      .filter((t) => t.launch <= this.at)
      .map((task) => {
        if (task.finish <= this.at)
          return { task, status: task.status, finish: task.finish, error: task.error };
        if (this.ended) return { task, status: 'KILLED', finish: this.at, error: `Stage ${SHUTDOWN}` };
        return { task, status: 'RUNNING' };
      });
  }

  executorOf(ref: JobRef, task: TaskRun): string {
    return String(staticExecutorOfSlot(task.slot) ?? ref.executorId);
  }

  host(executorId: string): string {
    const short = this.facts.uuid.slice(0, 8);
    return executorId === 'driver'
      ? `gdpic-srvls-session-${short}-m.c.internal`
      : `gdpic-srvls-session-${short}-w-${executorId}.c.internal`;
  }

  // ---- API shapes

  attempt() {
    const start = this.facts.activeSince;
    return {
      startTime: rfc3339(start),
      ...(this.ended ? { endTime: rfc3339(this.at) } : {}),
      lastUpdated: rfc3339(this.at),
      durationMillis: int64(this.at - start),
      sparkUser: 'spark',
      completed: this.ended,
      appSparkVersion: sparkVersion(this.facts.runtimeVersion),
    } satisfies ApplicationAttemptInfo;
  }

  jobData(ref: JobRef) {
    const run = this.run(ref);
    const { status, completion } = this.jobStatus(ref);
    const counts = { active: 0, completed: 0, failed: 0, killed: 0, indices: 0 };
    const stageCounts = { active: 0, completed: 0, failed: 0, skipped: 0 };
    const killReasons: Record<string, number> = {};
    let skippedTasks = 0;
    const skippedStages: number[] = [];
    run.stages.forEach((stage, i) => {
      const stageStatus = this.stageStatus(stage);
      if (stageStatus === 'STAGE_STATUS_ACTIVE') stageCounts.active++;
      if (stageStatus === 'STAGE_STATUS_COMPLETE') stageCounts.completed++;
      if (stageStatus === 'STAGE_STATUS_FAILED') stageCounts.failed++;
      if (stageStatus === 'STAGE_STATUS_SKIPPED') {
        stageCounts.skipped++;
        skippedTasks += stage.spec.tasks;
        skippedStages.push(ref.stageBase + i);
      }
      const done = new Set<number>();
      for (const t of this.tasksOf(stage)) {
        if (t.status === 'RUNNING') counts.active++;
        if (t.status === 'SUCCESS') {
          counts.completed++;
          done.add(t.task.index);
        }
        if (t.status === 'FAILED') counts.failed++;
        if (t.status === 'KILLED') {
          counts.killed++;
          killReasons[t.error ?? 'killed'] = (killReasons[t.error ?? 'killed'] ?? 0) + 1;
        }
      }
      counts.indices += done.size;
    });
    return {
      jobId: int64(ref.jobId),
      name: ref.spec.name,
      description: ref.spec.description,
      jobGroup: `notebook-cell-${ref.jobId}`,
      submissionTime: rfc3339(ref.submit),
      ...(completion !== undefined ? { completionTime: rfc3339(completion) } : {}),
      stageIds: ref.spec.stages.map((_, i) => int64(ref.stageBase + i)),
      ...(ref.sqlId !== undefined ? { sqlExecutionId: int64(ref.sqlId) } : {}),
      status,
      numTasks: ref.spec.stages.reduce((n, s) => n + s.tasks, 0),
      numActiveTasks: counts.active,
      numCompletedTasks: counts.completed,
      numSkippedTasks: skippedTasks,
      numFailedTasks: counts.failed,
      numKilledTasks: counts.killed,
      numCompletedIndices: counts.indices,
      numActiveStages: stageCounts.active,
      numCompletedStages: stageCounts.completed,
      numSkippedStages: stageCounts.skipped,
      numFailedStages: stageCounts.failed,
      skippedStages,
      killTasksSummary: killReasons,
    } satisfies JobData;
  }

  stageData(
    ref: JobRef,
    index: number,
    options: { quantiles: boolean; distributions: boolean; executors: boolean },
  ) {
    const run = this.run(ref);
    const stage = run.stages[index]!;
    const stageId = ref.stageBase + index;
    const status = this.stageStatus(stage);
    const tasks = this.tasksOf(stage);
    const finished = tasks.filter((t) => t.finish !== undefined && t.status !== 'RUNNING');
    const sum = (f: (m: TaskMetrics) => number) => finished.reduce((n, t) => n + f(t.task.metrics), 0);
    const count = (s: string) => tasks.filter((t) => t.status === s).length;
    const killed: Record<string, number> = {};
    for (const t of tasks) if (t.status === 'KILLED') killed[t.error!] = (killed[t.error!] ?? 0) + 1;
    const started = stage.ran && stage.start <= this.at;
    let failureReason: string | undefined;
    if (status === 'STAGE_STATUS_FAILED')
      failureReason =
        stage.fatalTask && stage.end <= this.at
          ? `Job aborted due to stage failure: Task ${stage.fatalTask.index} in stage ${stageId}.0 failed 4 times, most recent failure: Lost task ${stage.fatalTask.index}.3 in stage ${stageId}.0 (TID ${ref.taskBase + stageOffset(ref, index) + stage.fatalTask.order}) (${this.host(this.executorOf(ref, stage.fatalTask))} executor ${this.executorOf(ref, stage.fatalTask)}): ${stage.fatalTask.error}`
          : `Stage ${SHUTDOWN}`;
    const successes = tasks.filter((t) => t.status === 'SUCCESS').map((t) => t.task);
    return {
      stageId: int64(stageId),
      stageAttemptId: 0,
      status,
      name: stage.spec.name,
      description: ref.spec.description,
      details: stage.spec.details,
      jobIds: [int64(ref.jobId)],
      parentStageIds: index > 0 ? [int64(stageId - 1)] : [],
      rddIds: [int64(stageId * 3), int64(stageId * 3 + 1), int64(stageId * 3 + 2)],
      resourceProfileId: 0,
      schedulingPool: 'default',
      isShufflePushEnabled: false,
      shuffleMergersCount: 0,
      numTasks: stage.spec.tasks,
      numActiveTasks: count('RUNNING'),
      numCompleteTasks: count('SUCCESS'),
      numFailedTasks: count('FAILED'),
      numKilledTasks: count('KILLED'),
      numCompletedIndices: new Set(successes.map((t) => t.index)).size,
      ...(started ? { submissionTime: rfc3339(stage.start) } : {}),
      ...(tasks[0] ? { firstTaskLaunchedTime: rfc3339(tasks[0].task.launch) } : {}),
      ...(started && (status === 'STAGE_STATUS_COMPLETE' || status === 'STAGE_STATUS_FAILED')
        ? { completionTime: rfc3339(Math.min(stage.end, this.at)) }
        : {}),
      ...(failureReason ? { failureReason } : {}),
      killedTasksSummary: killed,
      locality: localityOf(stage.spec.shuffleRead !== undefined, tasks.length),
      accumulatorUpdates: [],
      stageMetrics: {
        executorDeserializeTimeMillis: int64(sum((m) => m.deserializeMs)),
        executorDeserializeCpuTimeNanos: int64(sum((m) => m.deserializeCpuNs)),
        executorRunTimeMillis: int64(sum((m) => m.runMs)),
        executorCpuTimeNanos: int64(sum((m) => m.cpuNs)),
        resultSize: int64(sum((m) => m.resultSize)),
        jvmGcTimeMillis: int64(sum((m) => m.gcMs)),
        resultSerializationTimeMillis: int64(sum((m) => m.resultSerializationMs)),
        memoryBytesSpilled: int64(sum((m) => m.memorySpilled)),
        diskBytesSpilled: int64(sum((m) => m.diskSpilled)),
        peakExecutionMemoryBytes: int64(
          Math.max(0, ...finished.map((t) => t.task.metrics.peakExecutionMemory)),
        ),
        stageInputMetrics: {
          bytesRead: int64(sum((m) => m.input)),
          recordsRead: int64(records(sum((m) => m.input))),
        },
        stageOutputMetrics: {
          bytesWritten: int64(sum((m) => m.output)),
          recordsWritten: int64(records(sum((m) => m.output))),
        },
        stageShuffleReadMetrics: {
          bytesRead: int64(sum((m) => m.shuffleRead)),
          recordsRead: int64(records(sum((m) => m.shuffleRead))),
          remoteBytesRead: int64(sum((m) => m.shuffleRead) * 0.75),
          localBytesRead: int64(sum((m) => m.shuffleRead) * 0.25),
          remoteBlocksFetched: int64(finished.length * (stage.spec.shuffleRead ? 48 : 0)),
          localBlocksFetched: int64(finished.length * (stage.spec.shuffleRead ? 16 : 0)),
          fetchWaitTimeMillis: int64(sum((m) => m.fetchWaitMs)),
          remoteBytesReadToDisk: '0',
          remoteReqsDuration: int64(sum((m) => m.fetchWaitMs) * 2),
        },
        stageShuffleWriteMetrics: {
          bytesWritten: int64(sum((m) => m.shuffleWrite)),
          recordsWritten: int64(records(sum((m) => m.shuffleWrite))),
          writeTimeNanos: int64(sum((m) => m.shuffleWriteTimeNs)),
        },
      },
      ...(options.quantiles && successes.length ? { taskQuantileMetrics: taskQuantiles(successes) } : {}),
      ...(options.executors || options.distributions
        ? (() => {
            const summaries = this.executorStageSummaries(ref, index);
            return {
              ...(options.executors
                ? { executorSummary: Object.fromEntries(summaries.map((s) => [s.executorId, s])) }
                : {}),
              ...(options.distributions && summaries.length
                ? { executorMetricsDistributions: distributions(summaries) }
                : {}),
            };
          })()
        : {}),
    } satisfies StageData;
  }

  taskData(ref: JobRef, index: number, view: TaskView) {
    const { task } = view;
    const executorId = this.executorOf(ref, task);
    const m = task.metrics;
    const shuffle = this.run(ref).stages[index]!.spec.shuffleRead !== undefined;
    const end = view.finish ?? this.at;
    return {
      taskId: int64(ref.taskBase + stageOffset(ref, index) + task.order),
      index: task.index,
      attempt: task.attempt,
      partitionId: task.index,
      stageId: int64(ref.stageBase + index),
      stageAttemptId: 0,
      launchTime: rfc3339(task.launch),
      durationMillis: int64(end - task.launch),
      executorId,
      host: this.host(executorId),
      status: view.status,
      taskLocality: shuffle ? 'PROCESS_LOCAL' : 'ANY',
      speculative: false,
      accumulatorUpdates: [],
      ...(view.error ? { errorMessage: view.error } : {}),
      hasMetrics: view.finish !== undefined,
      schedulerDelayMillis: int64(m.schedulerDelayMs),
      gettingResultTimeMillis: '0',
      ...(view.finish !== undefined
        ? {
            taskMetrics: {
              executorDeserializeTimeMillis: int64(m.deserializeMs),
              executorDeserializeCpuTimeNanos: int64(m.deserializeCpuNs),
              executorRunTimeMillis: int64(m.runMs),
              executorCpuTimeNanos: int64(m.cpuNs),
              resultSize: int64(m.resultSize),
              jvmGcTimeMillis: int64(m.gcMs),
              resultSerializationTimeMillis: int64(m.resultSerializationMs),
              memoryBytesSpilled: int64(m.memorySpilled),
              diskBytesSpilled: int64(m.diskSpilled),
              peakExecutionMemoryBytes: int64(m.peakExecutionMemory),
              inputMetrics: { bytesRead: int64(m.input), recordsRead: int64(records(m.input)) },
              outputMetrics: { bytesWritten: int64(m.output), recordsWritten: int64(records(m.output)) },
              shuffleReadMetrics: {
                remoteBlocksFetched: int64(shuffle ? 48 : 0),
                localBlocksFetched: int64(shuffle ? 16 : 0),
                fetchWaitTimeMillis: int64(m.fetchWaitMs),
                remoteBytesRead: int64(m.shuffleRead * 0.75),
                remoteBytesReadToDisk: '0',
                localBytesRead: int64(m.shuffleRead * 0.25),
                recordsRead: int64(records(m.shuffleRead)),
                remoteReqsDuration: int64(m.fetchWaitMs * 2),
              },
              shuffleWriteMetrics: {
                bytesWritten: int64(m.shuffleWrite),
                writeTimeNanos: int64(m.shuffleWriteTimeNs),
                recordsWritten: int64(records(m.shuffleWrite)),
              },
            },
          }
        : {}),
    } satisfies TaskData;
  }

  executorStageSummaries(ref: JobRef, index: number) {
    const stage = this.run(ref).stages[index]!;
    const byExecutor = new Map<string, TaskView[]>();
    for (const view of this.tasksOf(stage)) {
      const id = this.executorOf(ref, view.task);
      byExecutor.set(id, [...(byExecutor.get(id) ?? []), view]);
    }
    return [...byExecutor.entries()]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([executorId, views]) => {
        const done = views.filter((v) => v.finish !== undefined);
        const sum = (f: (m: TaskMetrics) => number) => done.reduce((n, v) => n + f(v.task.metrics), 0);
        return {
          executorId,
          stageId: int64(ref.stageBase + index),
          stageAttemptId: 0,
          taskTimeMillis: int64(done.reduce((n, v) => n + (v.finish! - v.task.launch), 0)),
          failedTasks: views.filter((v) => v.status === 'FAILED').length,
          succeededTasks: views.filter((v) => v.status === 'SUCCESS').length,
          killedTasks: views.filter((v) => v.status === 'KILLED').length,
          inputBytes: int64(sum((m) => m.input)),
          inputRecords: int64(records(sum((m) => m.input))),
          outputBytes: int64(sum((m) => m.output)),
          outputRecords: int64(records(sum((m) => m.output))),
          shuffleRead: int64(sum((m) => m.shuffleRead)),
          shuffleReadRecords: int64(records(sum((m) => m.shuffleRead))),
          shuffleWrite: int64(sum((m) => m.shuffleWrite)),
          shuffleWriteRecords: int64(records(sum((m) => m.shuffleWrite))),
          memoryBytesSpilled: int64(sum((m) => m.memorySpilled)),
          diskBytesSpilled: int64(sum((m) => m.diskSpilled)),
          isExcludedForStage: false,
          peakMemoryMetrics: {
            metrics: {
              JVMHeapMemory: int64(1_610_612_736),
              OnHeapExecutionMemory: int64(
                Math.max(0, ...done.map((v) => v.task.metrics.peakExecutionMemory)),
              ),
            },
          },
        } satisfies ExecutorStageSummary;
      });
  }

  applicationInfo() {
    const alive = this.sim.executorsAliveAt(this.at);
    return {
      applicationId: this.appId,
      name: this.facts.appName,
      coresGranted: alive.reduce((n, e) => n + e.cores, 0),
      maxCores: MAX_EXECUTORS * EXECUTOR.cores,
      coresPerExecutor: EXECUTOR.cores,
      memoryPerExecutorMb: EXECUTOR.memoryMb,
      attempts: [this.attempt()],
      quantileDataStatus: 'QUANTILE_DATA_STATUS_COMPLETED',
      ...(this.ended
        ? { applicationContextIngestionStatus: 'APPLICATION_CONTEXT_INGESTION_STATUS_COMPLETED' as const }
        : {}),
    } satisfies ApplicationInfo;
  }

  // ---- executors: the driver (ordinal 0), the static ones (1, 2), then one per job that added one

  private history?: ReturnType<Simulation['totals']> & { live: { ref: JobRef; totals: ExecutorTotals[] }[] };
  /** Whole-history totals: the simulation's settled sums plus the few unsettled jobs seen at `at`. */
  private historyTotals() {
    if (!this.history) {
      const totals = this.sim.totals();
      this.history = {
        ...totals,
        live: totals.unsettled.map((ref) => ({ ref, totals: this.viewTotals(ref) })),
      };
    }
    return this.history;
  }

  /** Per-executor totals of one job's tasks launched by `at` (index 0: the executor it added). */
  private viewTotals(ref: JobRef): ExecutorTotals[] {
    const out = Array.from({ length: STATIC_EXECUTORS + 1 }, noTotals);
    for (const stage of this.run(ref).stages)
      for (const view of this.tasksOf(stage)) {
        const t = out[staticExecutorOfSlot(view.task.slot) ?? 0]!;
        t.total++;
        if (view.status === 'RUNNING') t.active++;
        else {
          if (view.status === 'SUCCESS') t.completed++;
          else t.failed++;
          t.duration += view.finish! - view.task.launch;
          t.gc += view.task.metrics.gcMs;
          t.input += view.task.metrics.input;
          t.shuffleRead += view.task.metrics.shuffleRead;
          t.shuffleWrite += view.task.metrics.shuffleWrite;
        }
      }
    return out;
  }

  private staticAdded(n: number) {
    return this.facts.activeSince + 3_000 + (n - 1) * 150;
  }

  /** How many executors the list holds: the driver, the static ones added by now, the added ones. */
  executorCount(): number {
    let statics = 0;
    for (let n = 1; n <= STATIC_EXECUTORS; n++) if (this.staticAdded(n) <= this.at) statics++;
    return 1 + statics + this.sim.addedExecutorCount;
  }

  /** The executor with this ordinal in the list (0 the driver, then executor IDs in order). */
  executor(ordinal: number): ExecutorSummary {
    if (ordinal === 0)
      return this.executorSummary(
        'driver',
        this.facts.activeSince,
        noTotals(),
        this.ended ? this.at : undefined,
      );
    if (ordinal <= STATIC_EXECUTORS) {
      const totals = noTotals();
      const history = this.historyTotals();
      addInto(totals, history.settled.staticExecutors[ordinal]!);
      for (const live of history.live) addInto(totals, live.totals[ordinal]!);
      return this.executorSummary(
        String(ordinal),
        this.staticAdded(ordinal),
        totals,
        this.ended ? this.at : undefined,
      );
    }
    const ref = this.sim.addedExecutorJob(ordinal);
    if (!ref) throw notFound('Spark executor', `${ordinal} in ${this.name}`);
    const removal = this.sim.addedExecutorRemoval(ref);
    return this.executorSummary(
      String(ordinal),
      ref.submit,
      this.viewTotals(ref)[0]!,
      removal?.at,
      removal && (removal.idle ? IDLE_REASON : END_REASON),
    );
  }

  /** Ordinals of the executors alive at `at`: a handful, whatever the session's age. */
  aliveExecutors(): number[] {
    if (this.ended) return [];
    return [0, ...this.sim.executorsAliveAt(this.at).map((e) => Number(e.executorId))];
  }

  private executorSummary(
    executorId: string,
    add: number,
    t: ExecutorTotals,
    removed?: number,
    reason = END_REASON,
  ): ExecutorSummary {
    const driver = executorId === 'driver';
    const maxMemory = storageMemoryBytes((driver ? DRIVER : EXECUTOR).memoryMb);
    // The driver runs no tasks: its peak is the JVM's floor.
    const peak = executorPeakMemory((driver ? DRIVER : EXECUTOR).memoryMb, t.total);
    return {
      executorId,
      hostPort: `${this.host(executorId)}:${driver ? 40111 : 36223}`,
      isActive: removed === undefined,
      rddBlocks: 0,
      memoryUsed: int64(driver ? 1_245_184 : executorMemoryUsed(t.total)),
      diskUsed: '0',
      totalCores: (driver ? DRIVER : EXECUTOR).cores,
      maxTasks: driver ? 0 : EXECUTOR.cores,
      activeTasks: t.active,
      failedTasks: t.failed,
      completedTasks: t.completed,
      totalTasks: t.total,
      totalDurationMillis: int64(t.duration),
      totalGcTimeMillis: int64(t.gc),
      totalInputBytes: int64(t.input),
      totalShuffleRead: int64(t.shuffleRead),
      totalShuffleWrite: int64(t.shuffleWrite),
      isExcluded: false,
      maxMemory: int64(maxMemory),
      addTime: rfc3339(add),
      ...(removed !== undefined ? { removeTime: rfc3339(removed), removeReason: reason } : {}),
      executorLogs: {},
      peakMemoryMetrics: {
        metrics: { JVMHeapMemory: int64(peak.JVMHeapMemory), JVMOffHeapMemory: int64(peak.JVMOffHeapMemory) },
      } satisfies ExecutorMetrics,
      memoryMetrics: {
        usedOnHeapStorageMemory: int64(driver ? 1_245_184 : 524_288),
        usedOffHeapStorageMemory: '0',
        totalOnHeapStorageMemory: int64(maxMemory),
        totalOffHeapStorageMemory: '0',
      },
      resourceProfileId: 0,
      excludedInStages: [],
      attributes: {},
      resources: {},
    };
  }

  /** Active, dead and all executors consolidated: alive ones one by one, the dead from the totals. */
  executorsSummary() {
    const active = new Consolidated();
    const dead = new Consolidated();
    for (const ordinal of this.aliveExecutors()) active.add(this.executor(ordinal));
    const history = this.historyTotals();
    const added = history.settled.deadAdded;
    dead.addMany({
      count: added.count,
      totals: added,
      cores: added.count * EXECUTOR.cores,
      memoryUsed: added.memoryUsed,
      maxMemory: added.count * storageMemoryBytes(EXECUTOR.memoryMb),
      usedOnHeap: added.count * 524_288,
    });
    for (const { ref } of history.live)
      if (ref.executorId !== undefined && this.sim.addedExecutorRemoval(ref))
        dead.add(this.executor(ref.executorId));
    if (this.ended)
      for (let n = 0; n <= STATIC_EXECUTORS; n++)
        if (n === 0 || this.staticAdded(n) <= this.at) dead.add(this.executor(n));
    const total = new Consolidated();
    total.merge(active);
    total.merge(dead);
    return {
      applicationId: this.appId,
      activeExecutorSummary: active.wire(),
      deadExecutorSummary: dead.wire(),
      totalExecutorSummary: total.wire(),
    };
  }

  // ---- stage and job counts over the whole history

  jobCounts(): Record<JobStatus, number> {
    const { settled, unsettled } = this.historyTotals();
    const counts: Record<JobStatus, number> = {
      JOB_EXECUTION_STATUS_RUNNING: 0,
      JOB_EXECUTION_STATUS_SUCCEEDED: settled.jobsSucceeded,
      JOB_EXECUTION_STATUS_FAILED: settled.jobsFailed,
    };
    for (const ref of unsettled) counts[this.jobStatus(ref).status]++;
    return counts;
  }

  stageCounts(): Record<StageStatus, number> {
    const { settled, unsettled } = this.historyTotals();
    const counts: Record<StageStatus, number> = {
      STAGE_STATUS_ACTIVE: 0,
      STAGE_STATUS_COMPLETE: settled.stagesComplete,
      STAGE_STATUS_FAILED: settled.stagesFailed,
      STAGE_STATUS_PENDING: this.ended ? 0 : settled.stagesNotRun,
      STAGE_STATUS_SKIPPED: this.ended ? settled.stagesNotRun : 0,
    };
    for (const ref of unsettled) for (const stage of this.run(ref).stages) counts[this.stageStatus(stage)]++;
    return counts;
  }

  sqlQuery(ref: JobRef, options: { details: boolean; planDescription: boolean }) {
    const sql = ref.spec.sql!;
    const { status, completion } = this.jobStatus(ref);
    const run = this.run(ref);
    const failedStage = run.stages.find((s) => s.failed && s.end <= this.at);
    return {
      executionId: int64(ref.sqlId!),
      rootExecutionId: int64(ref.sqlId!),
      description: sql.description,
      submissionTime: rfc3339(ref.submit),
      ...(completion !== undefined ? { completionTime: rfc3339(completion) } : {}),
      ...(status === 'JOB_EXECUTION_STATUS_FAILED'
        ? {
            errorMessage: failedStage?.fatalTask
              ? `Job ${ref.jobId} failed: ${failedStage.fatalTask.error}`
              : `Job ${ref.jobId} ${SHUTDOWN}`,
          }
        : {}),
      jobs: { [String(ref.jobId)]: status },
      stages: ref.spec.stages.map((_, i) => int64(ref.stageBase + i)),
      metricValuesIsNull: false,
      modifiedConfigs: {},
      ...(options.details ? { details: ref.spec.stages[0]!.details } : {}),
      ...(options.planDescription ? { physicalPlanDescription: planText(sql.plan) } : {}),
      ...(options.details ? { metrics: planNodes(sql.plan).flatMap((n) => n.metrics) } : {}),
    } satisfies SqlExecutionUiData;
  }

  /**
   * A stage's RDD operation graph, as Spark's stage page draws it: the stage's three RDDs (its
   * `rddIds`) in a chain, each inside the cluster of the operator that made it (a shuffle read's
   * Exchange holds its AQE read), with the edges from the previous stage's output (`incomingEdges`)
   * and to the next stage's input (`outgoingEdges`) in the same job, as `parentStageIds` says.
   */
  rddGraph(ref: JobRef, index: number) {
    const spec = ref.spec.stages[index]!;
    const stageId = ref.stageBase + index;
    const [first, middle, last] = [0, 1, 2].map((k) => stageId * 3 + k) as [number, number, number];
    const node = (nodeId: number, name: string) =>
      ({
        nodeId,
        name,
        callsite: spec.name,
        cached: false,
        barrier: false,
        outputDeterministicLevel: 'DETERMINISTIC_LEVEL_DETERMINATE',
      }) satisfies RddOperationNode;
    const cluster = (
      id: number,
      name: string,
      nodes: RddOperationNode[],
      children: RddOperationCluster[] = [],
    ) =>
      ({
        rddClusterId: String(id),
        name,
        childNodes: nodes,
        childClusters: children,
      }) satisfies RddOperationCluster;
    const readsShuffle = spec.shuffleRead !== undefined;
    const input = readsShuffle
      ? cluster(
          first * 10,
          'Exchange',
          [],
          [cluster(first * 10 + 1, 'AQEShuffleRead', [node(first, 'ShuffledRowRDD')])],
        )
      : cluster(first * 10, 'Scan parquet', [node(first, 'FileScanRDD')]);
    const work = spec.failure
      ? cluster(middle * 10, 'BatchEvalPython', [node(middle, 'MapPartitionsRDD')])
      : cluster(middle * 10, `WholeStageCodegen (${index + 1})`, [node(middle, 'MapPartitionsRDD')]);
    const output = spec.output
      ? cluster(last * 10, 'Execute InsertIntoHadoopFsRelationCommand', [node(last, 'MapPartitionsRDD')])
      : spec.shuffleWrite
        ? cluster(last * 10, 'Exchange', [node(last, 'MapPartitionsRDD')])
        : cluster(last * 10, 'mapPartitionsInternal', [node(last, 'MapPartitionsRDD')]);
    const hasNext = index + 1 < ref.spec.stages.length;
    return {
      stageId: int64(stageId),
      rootCluster: {
        rddClusterId: `stage_${stageId}`,
        name: `Stage ${stageId}`,
        childNodes: [],
        childClusters: [input, work, output],
      },
      edges: [
        { fromId: first, toId: middle },
        { fromId: middle, toId: last },
      ],
      incomingEdges: index > 0 ? [{ fromId: (stageId - 1) * 3 + 2, toId: first }] : [],
      outgoingEdges: hasNext ? [{ fromId: last, toId: (stageId + 1) * 3 }] : [],
    } satisfies RddOperationGraph;
  }

  sqlPlan(ref: JobRef) {
    const nodes = planNodes(ref.spec.sql!.plan);
    return {
      executionId: int64(ref.sqlId!),
      nodes: nodes.map((n) => ({
        node: {
          sparkPlanGraphNodeId: int64(n.id),
          name: n.name,
          desc: n.desc,
          metrics: n.metrics,
          metadata: {},
        },
      })),
      edges: nodes
        .filter((n) => n.parent !== undefined)
        .map((n) => ({ fromId: int64(n.id), toId: int64(n.parent!) })),
    } satisfies SparkPlanGraph;
  }
}

/** Where a stage's task IDs start, counted from its job's first task ID. */
function stageOffset(ref: JobRef, index: number): number {
  return ref.spec.stages.slice(0, index).reduce((n, s) => n + s.tasks + RETRY_IDS, 0);
}

function localityOf(shuffle: boolean, launched: number): Record<string, string> {
  return shuffle ? { PROCESS_LOCAL: int64(launched) } : { ANY: int64(launched) };
}

/** Spark's task summary: minimum, quartiles, maximum, over successful tasks. */
export function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: int64(sorted.length),
    minimum: int64(sorted[0] ?? 0),
    percentile25: int64(at(0.25)),
    percentile50: int64(at(0.5)),
    percentile75: int64(at(0.75)),
    maximum: int64(sorted.at(-1) ?? 0),
    sum: int64(sorted.reduce((a, b) => a + b, 0)),
  };
}

function taskQuantiles(tasks: TaskRun[]) {
  const q = (f: (t: TaskRun) => number) => quantiles(tasks.map(f));
  const m = (f: (m: TaskMetrics) => number) => q((t) => f(t.metrics));
  return {
    durationMillis: q((t) => t.finish - t.launch),
    executorDeserializeTimeMillis: m((x) => x.deserializeMs),
    executorDeserializeCpuTimeNanos: m((x) => x.deserializeCpuNs),
    executorRunTimeMillis: m((x) => x.runMs),
    executorCpuTimeNanos: m((x) => x.cpuNs),
    resultSize: m((x) => x.resultSize),
    jvmGcTimeMillis: m((x) => x.gcMs),
    resultSerializationTimeMillis: m((x) => x.resultSerializationMs),
    gettingResultTimeMillis: m(() => 0),
    schedulerDelayMillis: m((x) => x.schedulerDelayMs),
    peakExecutionMemoryBytes: m((x) => x.peakExecutionMemory),
    memoryBytesSpilled: m((x) => x.memorySpilled),
    diskBytesSpilled: m((x) => x.diskSpilled),
    inputMetrics: { bytesRead: m((x) => x.input), recordsRead: m((x) => records(x.input)) },
    outputMetrics: { bytesWritten: m((x) => x.output), recordsWritten: m((x) => records(x.output)) },
    shuffleReadMetrics: {
      readBytes: m((x) => x.shuffleRead),
      readRecords: m((x) => records(x.shuffleRead)),
      remoteBlocksFetched: m((x) => (x.shuffleRead ? 48 : 0)),
      localBlocksFetched: m((x) => (x.shuffleRead ? 16 : 0)),
      totalBlocksFetched: m((x) => (x.shuffleRead ? 64 : 0)),
      fetchWaitTimeMillis: m((x) => x.fetchWaitMs),
      remoteBytesRead: m((x) => x.shuffleRead * 0.75),
      remoteBytesReadToDisk: m(() => 0),
      remoteReqsDuration: m((x) => x.fetchWaitMs * 2),
    },
    shuffleWriteMetrics: {
      writeBytes: m((x) => x.shuffleWrite),
      writeRecords: m((x) => records(x.shuffleWrite)),
      writeTimeNanos: m((x) => x.shuffleWriteTimeNs),
    },
  };
}

const QUANTILES = [0, 0.25, 0.5, 0.75, 1];
function distributions(
  summaries: {
    taskTimeMillis: string;
    inputBytes: string;
    shuffleRead: string;
    shuffleWrite: string;
    memoryBytesSpilled: string;
    diskBytesSpilled: string;
    succeededTasks: number;
    failedTasks: number;
    killedTasks: number;
    outputBytes: string;
  }[],
) {
  const dist = (f: (s: (typeof summaries)[number]) => number) => {
    const sorted = summaries.map(f).sort((a, b) => a - b);
    return QUANTILES.map((q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  };
  return {
    quantiles: QUANTILES,
    taskTimeMillis: dist((s) => Number(s.taskTimeMillis)),
    failedTasks: dist((s) => s.failedTasks),
    succeededTasks: dist((s) => s.succeededTasks),
    killedTasks: dist((s) => s.killedTasks),
    inputBytes: dist((s) => Number(s.inputBytes)),
    inputRecords: dist((s) => records(Number(s.inputBytes))),
    outputBytes: dist((s) => Number(s.outputBytes)),
    outputRecords: dist((s) => records(Number(s.outputBytes))),
    shuffleRead: dist((s) => Number(s.shuffleRead)),
    shuffleReadRecords: dist((s) => records(Number(s.shuffleRead))),
    shuffleWrite: dist((s) => Number(s.shuffleWrite)),
    shuffleWriteRecords: dist((s) => records(Number(s.shuffleWrite))),
    memoryBytesSpilled: dist((s) => Number(s.memoryBytesSpilled)),
    diskBytesSpilled: dist((s) => Number(s.diskBytesSpilled)),
  };
}

interface FlatNode {
  id: number;
  parent?: number;
  name: string;
  desc: string;
  metrics: { accumulatorId: string; name: string; metricType: string }[];
}

/** The plan tree numbered depth first, as Spark numbers plan graph nodes. */
function planNodes(root: PlanNode): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (node: PlanNode, parent?: number) => {
    const id = out.length;
    const metricNames = node.name.startsWith('Scan')
      ? ['number of output rows', 'number of files read', 'size of files read']
      : node.name === 'Exchange'
        ? ['shuffle bytes written', 'shuffle records written', 'data size']
        : ['number of output rows'];
    out.push({
      id,
      parent,
      name: node.name,
      desc: `${node.name} ${node.desc}`.trim(),
      metrics: metricNames.map((name, i) => ({
        accumulatorId: int64(1000 + id * 10 + i),
        name,
        metricType: name.includes('size') || name.includes('bytes') ? 'size' : 'sum',
      })),
    });
    for (const child of node.children ?? []) walk(child, id);
  };
  walk(root);
  return out;
}

/** The plan as `EXPLAIN` prints it: one operator a line, children indented under `+-`. */
export function planText(root: PlanNode): string {
  const lines = ['== Physical Plan =='];
  const walk = (node: PlanNode, prefix: string, last: boolean, top: boolean) => {
    const head = top ? '' : `${prefix}${last ? '+- ' : ':- '}`;
    const args = node.desc.split('\n')[0];
    lines.push(`${head}${node.codegen ? '*' : ''}${node.name}${args ? ` ${args}` : ''}`);
    const children = node.children ?? [];
    const childPrefix = top ? '' : `${prefix}${last ? '   ' : ':  '}`;
    children.forEach((child, i) => walk(child, childPrefix, i === children.length - 1, false));
  };
  walk(root, '', true, true);
  return lines.join('\n');
}

function addInto(into: ExecutorTotals, from: ExecutorTotals): void {
  for (const key of Object.keys(into) as (keyof ExecutorTotals)[]) into[key] += from[key];
}

/** Executor summaries summed, as summarizeExecutors consolidates them. */
class Consolidated {
  count = 0;
  totals = noTotals();
  cores = 0;
  memoryUsed = 0;
  maxMemory = 0;
  usedOnHeap = 0;

  add(e: ExecutorSummary): void {
    this.addMany({
      count: 1,
      totals: {
        active: e.activeTasks ?? 0,
        completed: e.completedTasks ?? 0,
        failed: e.failedTasks ?? 0,
        total: e.totalTasks ?? 0,
        duration: Number(e.totalDurationMillis ?? 0),
        gc: Number(e.totalGcTimeMillis ?? 0),
        input: Number(e.totalInputBytes ?? 0),
        shuffleRead: Number(e.totalShuffleRead ?? 0),
        shuffleWrite: Number(e.totalShuffleWrite ?? 0),
      },
      cores: e.totalCores ?? 0,
      memoryUsed: Number(e.memoryUsed ?? 0),
      maxMemory: Number(e.maxMemory ?? 0),
      usedOnHeap: Number(e.memoryMetrics?.usedOnHeapStorageMemory ?? 0),
    });
  }

  addMany(part: {
    count: number;
    totals: ExecutorTotals;
    cores: number;
    memoryUsed: number;
    maxMemory: number;
    usedOnHeap: number;
  }): void {
    this.count += part.count;
    addInto(this.totals, part.totals);
    this.cores += part.cores;
    this.memoryUsed += part.memoryUsed;
    this.maxMemory += part.maxMemory;
    this.usedOnHeap += part.usedOnHeap;
  }

  merge(other: Consolidated): void {
    this.addMany(other);
  }

  wire(): ConsolidatedExecutorSummary {
    const t = this.totals;
    return {
      count: this.count,
      activeTasks: t.active,
      completedTasks: t.completed,
      failedTasks: t.failed,
      totalTasks: t.total,
      totalCores: this.cores,
      rddBlocks: 0,
      isExcluded: 0,
      diskUsed: '0',
      memoryUsed: int64(this.memoryUsed),
      maxMemory: int64(this.maxMemory),
      totalDurationMillis: int64(t.duration),
      totalGcTimeMillis: int64(t.gc),
      totalInputBytes: int64(t.input),
      totalShuffleRead: int64(t.shuffleRead),
      totalShuffleWrite: int64(t.shuffleWrite),
      memoryMetrics: {
        usedOnHeapStorageMemory: int64(this.usedOnHeap),
        usedOffHeapStorageMemory: '0',
        totalOnHeapStorageMemory: int64(this.maxMemory),
        totalOffHeapStorageMemory: '0',
      },
    };
  }
}
