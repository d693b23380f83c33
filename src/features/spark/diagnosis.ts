import type { StageData } from '../../schemas/spark';
import { formatBytes, formatCount, formatMs, num } from './units';

/**
 * What is wrong with a stage, from its own metrics only: every finding cites the numbers it came
 * from, says what they mean, and names the Spark property that usually helps. A stage without the
 * metric a rule needs (no task quantiles yet, no tasks finished) gets no finding from that rule.
 */

export type FindingKind = 'skew' | 'spill' | 'gc' | 'failures' | 'tiny-tasks';

export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  stageId: string;
  /** What the stage does: its job's description, else the stage name. */
  work: string;
  title: string;
  /** The numbers, as measured. */
  evidence: string;
  /** In plain words. */
  meaning: string;
  /** The Spark property that usually helps, and how. */
  property: string;
  advice: string;
}

/** Thresholds, named so the tests and the README can cite them. */
export const RULES = {
  /** A task this many times the median duration or data, */
  skewFactor: 3,
  /** and at least this much longer (ms) or bigger (bytes) than the median, is skew. */
  skewMinExtraMs: 2_000,
  skewMinExtraBytes: 32 * 1024 * 1024,
  /** GC time over this share of executor run time. */
  gcShare: 0.1,
  /** Ignore GC on stages that ran less than this in total (ms): noise. */
  gcMinRunMs: 1_000,
  /** At least this many tasks with a median under tinyTaskMs. */
  tinyTaskCount: 100,
  tinyTaskMs: 100,
};

function skew(stage: StageData): Finding | undefined {
  const q = stage.taskQuantileMetrics;
  if (!q) return undefined;
  const candidates: {
    what: string;
    median: number;
    max: number;
    format: (n: number) => string;
    minExtra: number;
  }[] = [
    {
      what: 'duration',
      median: num(q.durationMillis?.percentile50),
      max: num(q.durationMillis?.maximum),
      format: formatMs,
      minExtra: RULES.skewMinExtraMs,
    },
    {
      what: 'input read',
      median: num(q.inputMetrics?.bytesRead?.percentile50),
      max: num(q.inputMetrics?.bytesRead?.maximum),
      format: formatBytes,
      minExtra: RULES.skewMinExtraBytes,
    },
    {
      what: 'shuffle read',
      median: num(q.shuffleReadMetrics?.readBytes?.percentile50),
      max: num(q.shuffleReadMetrics?.readBytes?.maximum),
      format: formatBytes,
      minExtra: RULES.skewMinExtraBytes,
    },
  ];
  const hits = candidates.filter(
    (c) => c.median > 0 && c.max >= RULES.skewFactor * c.median && c.max - c.median >= c.minExtra,
  );
  if (!hits.length) return undefined;
  const count = formatCount(q.durationMillis?.count);
  return {
    kind: 'skew',
    severity: 'warning',
    stageId: stage.stageId ?? '',
    work: stage.description || stage.name || '',
    title: 'Data skew',
    evidence: hits
      .map(
        (h) =>
          `max task ${h.what} ${h.format(h.max)} vs median ${h.format(h.median)} (${(h.max / h.median).toFixed(0)}×)`,
      )
      .concat(`over ${count} successful tasks`)
      .join('; '),
    meaning:
      'A few tasks got far more data than the others (usually a hot key), so the stage waits for them while the other cores sit idle.',
    property: 'spark.sql.adaptive.skewJoin.enabled',
    advice:
      'For joins, keep adaptive skew-join handling on (and lower spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes if the skewed partitions stay below it); for aggregations, salt the hot key.',
  };
}

function spill(stage: StageData): Finding | undefined {
  const disk = num(stage.stageMetrics?.diskBytesSpilled);
  const memory = num(stage.stageMetrics?.memoryBytesSpilled);
  if (disk <= 0 && memory <= 0) return undefined;
  return {
    kind: 'spill',
    severity: 'warning',
    stageId: stage.stageId ?? '',
    work: stage.description || stage.name || '',
    title: 'Spill to disk',
    evidence: `${formatBytes(disk)} spilled to disk (${formatBytes(memory)} in memory before serialization)`,
    meaning:
      'Tasks ran out of execution memory, wrote intermediate data to local disk and read it back: extra I/O and slower tasks.',
    property: 'spark.executor.memory',
    advice:
      'Give executors more memory, or split the work into more, smaller partitions (spark.sql.shuffle.partitions); if the stage is also skewed, fix the skew first.',
  };
}

function gc(stage: StageData): Finding | undefined {
  const run = num(stage.stageMetrics?.executorRunTimeMillis);
  const gcMs = num(stage.stageMetrics?.jvmGcTimeMillis);
  if (run < RULES.gcMinRunMs || gcMs <= RULES.gcShare * run) return undefined;
  return {
    kind: 'gc',
    severity: 'warning',
    stageId: stage.stageId ?? '',
    work: stage.description || stage.name || '',
    title: 'Garbage collection',
    evidence: `GC took ${((gcMs / run) * 100).toFixed(0)}% of task time (${formatMs(gcMs)} of ${formatMs(run)}); the threshold is ${RULES.gcShare * 100}%`,
    meaning:
      'The JVM spent a large share of the time freeing memory instead of running your code: the heap is too tight for what each task holds.',
    property: 'spark.executor.memory',
    advice: 'Give executors more heap, or run fewer tasks at once per executor (spark.executor.cores).',
  };
}

export function errorHeadline(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  // A Python traceback names the exception on its last line before the JVM stack.
  const python = lines.find(
    (l) => /^[A-Za-z_.]*(Error|Exception): /.test(l) && !l.startsWith('org.apache.spark'),
  );
  return python ?? lines[0] ?? '';
}

/** `errors`: error messages of failed task attempts, when the caller has them (newest first). */
function failures(stage: StageData, errors: string[]): Finding | undefined {
  const failed = stage.numFailedTasks ?? 0;
  const killed = stage.numKilledTasks ?? 0;
  if (failed <= 0 && killed <= 0 && !stage.failureReason) return undefined;
  const reasons = [
    ...new Set([
      ...(stage.failureReason ? [errorHeadline(stage.failureReason)] : []),
      ...errors.map(errorHeadline),
      ...Object.entries(stage.killedTasksSummary ?? {}).map(([reason, n]) => `${n} killed: ${reason}`),
    ]),
  ];
  const stageFailed = stage.status === 'STAGE_STATUS_FAILED';
  return {
    kind: 'failures',
    severity: stageFailed ? 'error' : 'warning',
    stageId: stage.stageId ?? '',
    work: stage.description || stage.name || '',
    title: stageFailed ? 'Stage failed' : 'Failed tasks',
    evidence: `${failed} failed and ${killed} killed task attempts of ${stage.numTasks ?? 0} tasks${reasons.length ? `. Reason: ${reasons.join(' · ')}` : ". The failed tasks' errors are on the stage's page"}`,
    meaning: stageFailed
      ? 'A task kept failing until Spark gave up on the stage, and the job failed with it; killed tasks were cancelled because of that.'
      : 'A task attempt threw an error; Spark retried it and the stage went on. Retries cost time and the cause may return.',
    property: 'spark.task.maxFailures',
    advice:
      'Fix the error the task reports (retries only help with transient failures); spark.task.maxFailures (default 4) sets how many attempts a task gets.',
  };
}

function tinyTasks(stage: StageData): Finding | undefined {
  const q = stage.taskQuantileMetrics?.durationMillis;
  const tasks = stage.numTasks ?? 0;
  if (!q || tasks < RULES.tinyTaskCount) return undefined;
  const median = num(q.percentile50);
  if (median >= RULES.tinyTaskMs || num(q.count) === 0) return undefined;
  return {
    kind: 'tiny-tasks',
    severity: 'warning',
    stageId: stage.stageId ?? '',
    work: stage.description || stage.name || '',
    title: 'Too many tiny tasks',
    evidence: `${formatCount(tasks)} tasks with a median of ${formatMs(median)} each (under ${RULES.tinyTaskMs} ms)`,
    meaning: 'Each task does so little that scheduling and start-up cost as much as the work itself.',
    property: 'spark.sql.shuffle.partitions',
    advice:
      'Use fewer shuffle partitions, or let adaptive execution merge small ones (spark.sql.adaptive.coalescePartitions.enabled).',
  };
}

export function diagnoseStage(stage: StageData, failedTaskErrors: string[] = []): Finding[] {
  return [skew(stage), spill(stage), gc(stage), failures(stage, failedTaskErrors), tinyTasks(stage)].filter(
    (f): f is Finding => f !== undefined,
  );
}

/** Findings of many stages, errors first, then by stage, newest first. */
export function diagnoseStages(stages: StageData[]): Finding[] {
  return stages
    .flatMap((s) => diagnoseStage(s))
    .sort(
      (a, b) =>
        (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) ||
        num(b.stageId) - num(a.stageId),
    );
}

export interface FindingGroup {
  /** The newest stage's finding. */
  finding: Finding;
  /** The older stages of the same work with the same finding, newest first. */
  alsoIn: string[];
}

/**
 * A notebook re-runs the same code: the same finding on the same work in many stages is one
 * problem, shown once with the stages it recurred in.
 */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.kind}|${finding.title}|${finding.work}`;
    const group = groups.get(key);
    if (group) group.alsoIn.push(finding.stageId);
    else groups.set(key, { finding, alsoIn: [] });
  }
  for (const group of groups.values()) group.alsoIn.sort((a, b) => num(b) - num(a));
  return [...groups.values()];
}
