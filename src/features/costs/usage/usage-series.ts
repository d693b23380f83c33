/**
 * The usage-over-time chart's data, pure: DCU samples the console observed (`currentUsage` on each
 * refresh while the page is open) and the executor count over time from the Spark executors API
 * (each executor's add and remove time), with job marks. Nothing here is invented: a point is
 * either an API value or a count of API records.
 */

/** What the composition root hands the Cost panel from the Spark API (the spark feature's data). */
export interface SparkUsageInput {
  executors: ReadonlyArray<{ executorId?: string; addTime?: string; removeTime?: string }>;
  jobs: ReadonlyArray<{ jobId?: string; name?: string; submissionTime?: string; completionTime?: string }>;
}

export interface DcuSample {
  /** `currentUsage.snapshotTime` (ms), or when the console read it when the API gave no time. */
  at: number;
  dcu: number;
}

export interface ExecutorStep {
  at: number;
  /** Executors alive from `at` on (the driver not counted). */
  count: number;
}

export interface JobMark {
  id: string;
  label: string;
  start: number;
  end?: number;
}

const time = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
};

/** Executors alive over time: +1 at each add, −1 at each remove; the driver is left out. */
export function executorSteps(executors: SparkUsageInput['executors']): ExecutorStep[] {
  const changes: Array<[number, number]> = [];
  for (const e of executors) {
    if (e.executorId === 'driver') continue;
    const added = time(e.addTime);
    if (added === undefined) continue;
    changes.push([added, 1]);
    const removed = time(e.removeTime);
    if (removed !== undefined) changes.push([removed, -1]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const steps: ExecutorStep[] = [];
  let count = 0;
  for (const [at, delta] of changes) {
    count += delta;
    const last = steps[steps.length - 1];
    if (last && last.at === at) last.count = count;
    else steps.push({ at, count });
  }
  return steps;
}

export function jobMarks(jobs: SparkUsageInput['jobs']): JobMark[] {
  const marks: JobMark[] = [];
  for (const job of jobs) {
    const start = time(job.submissionTime);
    if (start === undefined) continue;
    const end = time(job.completionTime);
    marks.push({
      id: job.jobId ?? '?',
      label: `Job ${job.jobId ?? '?'}${job.name ? ` (${job.name})` : ''}`,
      start,
      ...(end !== undefined ? { end } : {}),
    });
  }
  return marks.sort((a, b) => a.start - b.start);
}

/** Adds a sample unless it repeats the last one's time; keeps at most `limit` (the oldest go). */
export function addSample(samples: readonly DcuSample[], next: DcuSample, limit = 2000): DcuSample[] {
  const last = samples[samples.length - 1];
  if (last && last.at >= next.at) return samples as DcuSample[];
  const out = [...samples, next];
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/** Executors alive after the latest change the API reports (not read at the browser's clock). */
export function executorsNow(steps: readonly ExecutorStep[]): number {
  return steps[steps.length - 1]?.count ?? 0;
}

/** Executors alive at `at` according to the steps (0 before the first). */
export function executorsAt(steps: readonly ExecutorStep[], at: number): number {
  let count = 0;
  for (const step of steps) {
    if (step.at > at) break;
    count = step.count;
  }
  return count;
}

export interface ChartScale {
  from: number;
  to: number;
  maxDcu: number;
  maxExecutors: number;
}

/** The chart's time range (the session's active life so far) and value ranges, never empty. */
export function chartScale(
  from: number,
  to: number,
  samples: readonly DcuSample[],
  steps: readonly ExecutorStep[],
): ChartScale {
  const start = Math.min(from, ...samples.map((s) => s.at), ...steps.map((s) => s.at));
  // Points after `to` happen when the browser's clock is behind the server's: they are drawn, not cut.
  const end = Math.max(to, start + 1000, ...samples.map((s) => s.at), ...steps.map((s) => s.at));
  return {
    from: start,
    to: end,
    maxDcu: Math.max(1, ...samples.map((s) => s.dcu)),
    maxExecutors: Math.max(1, ...steps.map((s) => s.count)),
  };
}
