import { describe, expect, it } from 'vitest';
import type { Quantiles, StageData } from '../../schemas/spark';
import { RULES, diagnoseStage, diagnoseStages, groupFindings } from './diagnosis';

const MiB = 1024 * 1024;
function q(median: number, max: number, count = 200): Quantiles {
  return {
    count: String(count),
    minimum: String(Math.round(median / 2)),
    percentile25: String(Math.round(median * 0.8)),
    percentile50: String(median),
    percentile75: String(Math.round(median * 1.2)),
    maximum: String(max),
    sum: String(median * count),
  };
}
function stage(overrides: Partial<StageData> = {}): StageData {
  return {
    stageId: '7',
    status: 'STAGE_STATUS_COMPLETE',
    numTasks: 48,
    numFailedTasks: 0,
    numKilledTasks: 0,
    stageMetrics: {
      executorRunTimeMillis: '50000',
      jvmGcTimeMillis: '1000',
      memoryBytesSpilled: '0',
      diskBytesSpilled: '0',
    },
    taskQuantileMetrics: { durationMillis: q(1000, 1400, 48) },
    ...overrides,
  };
}
const kinds = (s: StageData, errors?: string[]) => diagnoseStage(s, errors).map((f) => f.kind);

describe('stage diagnosis', () => {
  it('a healthy stage has no finding', () => {
    expect(diagnoseStage(stage())).toEqual([]);
  });

  it('skew: the slowest task far above the median, with its numbers and the property', () => {
    const [finding] = diagnoseStage(stage({ taskQuantileMetrics: { durationMillis: q(310, 13_500) } }));
    expect(finding).toMatchObject({ kind: 'skew', property: 'spark.sql.adaptive.skewJoin.enabled' });
    expect(finding!.evidence).toContain('max task duration 14 s vs median 310 ms (44×)');
    expect(finding!.evidence).toContain('over 200 successful tasks');
  });

  it('skew needs both the factor and an absolute gap', () => {
    // 3× the median but only 400 ms more: not worth a finding.
    expect(kinds(stage({ taskQuantileMetrics: { durationMillis: q(200, 600) } }))).toEqual([]);
    // Just under 3×, with a large gap.
    expect(kinds(stage({ taskQuantileMetrics: { durationMillis: q(10_000, 29_999) } }))).toEqual([]);
    expect(kinds(stage({ taskQuantileMetrics: { durationMillis: q(10_000, 30_000) } }))).toEqual(['skew']);
  });

  it('skew in the data read, even when times are even', () => {
    const s = stage({
      taskQuantileMetrics: {
        durationMillis: q(1000, 1200, 48),
        shuffleReadMetrics: { readBytes: q(10 * MiB, 400 * MiB, 48) },
      },
    });
    const [finding] = diagnoseStage(s);
    expect(finding!.evidence).toContain('max task shuffle read 400 MiB vs median 10 MiB (40×)');
  });

  it('spill: cites disk and memory bytes', () => {
    const [finding] = diagnoseStage(
      stage({
        stageMetrics: {
          ...stage().stageMetrics,
          memoryBytesSpilled: String(3200 * MiB),
          diskBytesSpilled: String(1280 * MiB),
        },
      }),
    );
    expect(finding).toMatchObject({ kind: 'spill', property: 'spark.executor.memory' });
    expect(finding!.evidence).toBe('1.3 GiB spilled to disk (3.1 GiB in memory before serialization)');
  });

  it('GC over 10% of task time, and not at exactly 10%', () => {
    const at = (gcMs: number, runMs = 20_000) =>
      kinds(stage({ stageMetrics: { executorRunTimeMillis: String(runMs), jvmGcTimeMillis: String(gcMs) } }));
    expect(at(2_000)).toEqual([]);
    expect(at(2_001)).toEqual(['gc']);
    // A stage that hardly ran is not judged.
    expect(at(500, RULES.gcMinRunMs - 1)).toEqual([]);
    const [finding] = diagnoseStage(
      stage({ stageMetrics: { executorRunTimeMillis: '19000', jvmGcTimeMillis: '3420' } }),
    );
    expect(finding!.evidence).toBe('GC took 18% of task time (3.4 s of 19 s); the threshold is 10%');
  });

  it('failed tasks: the reason from the error text, the Python exception line first', () => {
    const error =
      'org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n  File "<stdin>", line 4, in parse_amount\nValueError: invalid literal for int() with base 10: \'N/A\'\n\tat org.apache.spark.api.python.BasePythonRunner';
    const [finding] = diagnoseStage(stage({ numFailedTasks: 1 }), [error]);
    expect(finding).toMatchObject({
      kind: 'failures',
      severity: 'warning',
      property: 'spark.task.maxFailures',
    });
    expect(finding!.evidence).toBe(
      "1 failed and 0 killed task attempts of 48 tasks. Reason: ValueError: invalid literal for int() with base 10: 'N/A'",
    );
  });

  it('failed tasks without their errors at hand say where the errors are', () => {
    const [finding] = diagnoseStage(stage({ numFailedTasks: 1 }));
    expect(finding!.evidence).toBe(
      "1 failed and 0 killed task attempts of 48 tasks. The failed tasks' errors are on the stage's page",
    );
  });

  it('a failed stage is an error and lists killed tasks with their reason', () => {
    const [finding] = diagnoseStage(
      stage({
        status: 'STAGE_STATUS_FAILED',
        numFailedTasks: 4,
        numKilledTasks: 7,
        failureReason: 'Job aborted due to stage failure: Task 17 in stage 7.0 failed 4 times',
        killedTasksSummary: { 'Stage cancelled': 7 },
      }),
    );
    expect(finding).toMatchObject({ severity: 'error', title: 'Stage failed' });
    expect(finding!.evidence).toContain('4 failed and 7 killed');
    expect(finding!.evidence).toContain('7 killed: Stage cancelled');
  });

  it('too many tiny tasks: at least 100 tasks with a median under 100 ms', () => {
    const tiny = (tasks: number, median: number) =>
      kinds(
        stage({ numTasks: tasks, taskQuantileMetrics: { durationMillis: q(median, median * 2, tasks) } }),
      );
    expect(tiny(200, 40)).toEqual(['tiny-tasks']);
    expect(tiny(99, 40)).toEqual([]);
    expect(tiny(200, 100)).toEqual([]);
    const [finding] = diagnoseStage(
      stage({ numTasks: 200, taskQuantileMetrics: { durationMillis: q(41, 90, 200) } }),
    );
    expect(finding!.evidence).toBe('200 tasks with a median of 41 ms each (under 100 ms)');
    expect(finding!.property).toBe('spark.sql.shuffle.partitions');
  });

  it('no quantiles, no quantile findings: nothing is invented', () => {
    expect(kinds(stage({ numTasks: 500, taskQuantileMetrics: undefined }))).toEqual([]);
  });

  it('the summary puts errors first, then the newest stage', () => {
    const findings = diagnoseStages([
      stage({ stageId: '3', stageMetrics: { diskBytesSpilled: '10', memoryBytesSpilled: '10' } }),
      stage({ stageId: '9', stageMetrics: { diskBytesSpilled: '10', memoryBytesSpilled: '10' } }),
      stage({ stageId: '5', status: 'STAGE_STATUS_FAILED', numFailedTasks: 4 }),
    ]);
    expect(findings.map((f) => `${f.stageId}:${f.kind}`)).toEqual(['5:failures', '9:spill', '3:spill']);
  });

  it('the same finding on the same work recurs: one group, newest first, with the other stages', () => {
    const spill = { diskBytesSpilled: '10', memoryBytesSpilled: '10' };
    const groups = groupFindings(
      diagnoseStages([
        stage({ stageId: '3', description: 'Join orders', stageMetrics: spill }),
        stage({ stageId: '9', description: 'Join orders', stageMetrics: spill }),
        stage({ stageId: '6', description: 'Write table', stageMetrics: spill }),
        stage({ stageId: '5', description: 'Join orders', status: 'STAGE_STATUS_FAILED', numFailedTasks: 4 }),
      ]),
    );
    expect(groups.map((g) => [g.finding.kind, g.finding.stageId, g.alsoIn])).toEqual([
      ['failures', '5', []],
      ['spill', '9', ['3']],
      ['spill', '6', []],
    ]);
  });
});
