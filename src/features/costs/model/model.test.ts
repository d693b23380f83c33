import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, resolvePrices } from '../../../schemas/prices';
import type { ExecutorSummary } from '../../../schemas/spark';
import type { Session } from '../../../schemas/wire';
import {
  detectIdle,
  fanOutRegions,
  rightSize,
  rightSizeTemplate,
  summarizeFleet,
  type RegionResult,
} from '.';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function active(name: string, activeSince: number, extra: Partial<Session> = {}): Session {
  return {
    name,
    state: 'ACTIVE',
    stateTime: iso(activeSince),
    creator: 'ana@example.com',
    environmentConfig: { executionConfig: { ttl: '86400s', idleTtl: '3600s' } },
    runtimeInfo: { currentUsage: { milliDcu: '12000', milliDcuPremium: '12000' } },
    ...extra,
  };
}

function apiError(httpStatus: number, message: string) {
  return Object.assign(new Error(message), { httpStatus });
}

describe('fan-out over regions', () => {
  it('answers every region, the failing one as an error, with bounded concurrency', async () => {
    let running = 0;
    let peak = 0;
    const results = await fanOutRegions(
      ['us-central1', 'europe-west1', 'asia-east1', 'us-east1', 'us-west1'],
      async (region) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (region === 'asia-east1') throw apiError(403, 'Permission denied in asia-east1');
        return region.length;
      },
      { concurrency: 2 },
    );
    expect(peak).toBeLessThanOrEqual(2);
    expect(results.map((r) => r.region)).toEqual([
      'us-central1',
      'europe-west1',
      'asia-east1',
      'us-east1',
      'us-west1',
    ]);
    expect(results[2]).toMatchObject({ ok: false, message: 'Permission denied in asia-east1', attempts: 1 });
    expect(results.filter((r) => r.ok)).toHaveLength(4);
  });

  it('backs off on 429 with doubling pauses, then succeeds or gives up', async () => {
    const pauses: number[] = [];
    const calls = new Map<string, number>();
    const results = await fanOutRegions(
      ['us-central1', 'europe-west1'],
      async (region) => {
        const n = (calls.get(region) ?? 0) + 1;
        calls.set(region, n);
        if (region === 'us-central1' && n < 3) throw apiError(429, 'Quota exceeded');
        if (region === 'europe-west1') throw apiError(429, 'Quota exceeded');
        return 'ok';
      },
      { maxAttempts: 3, baseDelayMs: 100, sleep: async (ms) => void pauses.push(ms) },
    );
    expect(results[0]).toMatchObject({ ok: true, value: 'ok', attempts: 3 });
    expect(results[1]).toMatchObject({ ok: false, message: 'Quota exceeded', attempts: 3 });
    expect(pauses.sort((a, b) => a - b)).toEqual([100, 100, 200, 200]);
  });
});

describe('fleet totals', () => {
  const results: RegionResult<Session[]>[] = [
    {
      region: 'us-central1',
      ok: true,
      attempts: 1,
      value: [
        active('projects/p/locations/us-central1/sessions/a', NOW - 2 * HOUR, { labels: { team: 'data' } }),
        {
          name: 'projects/p/locations/us-central1/sessions/old',
          state: 'TERMINATED',
          creator: 'bo@example.com',
          sessionTemplate: 'projects/p/locations/us-central1/sessionTemplates/small',
          stateTime: iso(NOW - 10 * HOUR),
          stateHistory: [{ state: 'ACTIVE', stateStartTime: iso(NOW - 14 * HOUR) }],
          runtimeInfo: { approximateUsage: { milliDcuSeconds: String(12000 * 4 * 3600) } },
        },
      ],
    },
    {
      region: 'europe-west1',
      ok: true,
      attempts: 1,
      value: [active('projects/p/locations/europe-west1/sessions/b', NOW - HOUR, { labels: { team: 'ml' } })],
    },
    { region: 'asia-east1', ok: false, attempts: 4, error: new Error('x'), message: 'Quota exceeded' },
  ];

  it('totals the regions that answered and lists the one that failed', () => {
    const fleet = summarizeFleet(results, { now: NOW, prices: DEFAULT_PRICE_TABLE, labelKey: 'team' });
    expect(fleet.failedRegions).toEqual([{ region: 'asia-east1', message: 'Quota exceeded' }]);
    expect(fleet.totals.sessions).toBe(3);
    expect(fleet.totals.active).toBe(2);
    expect(fleet.totals.dcuNow).toBe(24);
    expect(fleet.totals.ratePerHour).toBeCloseTo(2 * 12 * 0.089, 10);
    // a: 2 h × 1.068; b: 1 h × 1.068; old: 48 DCU-hours × 0.089
    expect(fleet.totals.costSoFar).toBeCloseTo(3 * 1.068 + 48 * 0.089, 10);
    expect(fleet.byRegion.map((g) => [g.key, g.sessions])).toEqual([
      ['us-central1', 2],
      ['europe-west1', 1],
    ]);
    expect(fleet.byRegion.find((g) => g.key === 'europe-west1')!.priceAssumed).toBe(1);
    expect(fleet.byState.map((g) => g.key).sort()).toEqual(['ACTIVE', 'TERMINATED']);
    expect(fleet.byCreator.find((g) => g.key === 'bo@example.com')!.costSoFar).toBeCloseTo(48 * 0.089, 10);
    expect(fleet.byTemplate.map((g) => g.key).sort()).toEqual([
      '(none)',
      'projects/p/locations/us-central1/sessionTemplates/small',
    ]);
    expect(fleet.byLabel!.groups.map((g) => [g.key, g.sessions])).toEqual([
      ['(none)', 1],
      ['data', 1],
      ['ml', 1],
    ]);
  });

  it('counts today and this month by the share of each session’s active time', () => {
    const fleet = summarizeFleet(results, { now: NOW, prices: DEFAULT_PRICE_TABLE });
    const old = fleet.rows.find((r) => r.session.name!.endsWith('/old'))!;
    // Active 22:00 → 02:00 UTC: half of it today (midnight UTC).
    expect(old.costToday).toBeCloseTo(old.costSoFar / 2, 10);
    expect(old.costThisMonth).toBeCloseTo(old.costSoFar, 10);
    expect(fleet.totals.costToday).toBeCloseTo(3 * 1.068 + (48 * 0.089) / 2, 10);
    expect(old.computedFrom).toMatch(/today 50 % and this month 100 %/);
  });
});

describe('idle detection', () => {
  const s = (name: string, since: number, extra: Partial<Session> = {}) =>
    active(`projects/p/locations/us-central1/sessions/${name}`, since, extra);

  it('finds ACTIVE sessions idle for N minutes, or that never ran a job, with cost and end', () => {
    const idle = detectIdle(
      [
        {
          region: 'us-central1',
          session: s('quiet', NOW - 3 * HOUR),
          latestJobEnd: NOW - 90 * 60_000,
          jobRunning: false,
        },
        {
          region: 'us-central1',
          session: s('never', NOW - 40 * 60_000),
          latestJobEnd: null,
          jobRunning: false,
        },
        {
          region: 'us-central1',
          session: s('busy', NOW - 3 * HOUR),
          latestJobEnd: NOW - 90 * 60_000,
          jobRunning: true,
        },
        {
          region: 'us-central1',
          session: s('recent', NOW - 3 * HOUR),
          latestJobEnd: NOW - 5 * 60_000,
          jobRunning: false,
        },
        {
          region: 'us-central1',
          session: { ...s('gone', NOW - 3 * HOUR), state: 'TERMINATED' },
          latestJobEnd: null,
          jobRunning: false,
        },
      ],
      { now: NOW, thresholdMinutes: 30, prices: DEFAULT_PRICE_TABLE },
    );
    expect(idle.map((i) => i.session.name!.split('/').pop())).toEqual(['quiet', 'never']);
    const quiet = idle[0]!;
    expect(quiet.idleSeconds).toBe(90 * 60);
    expect(quiet.idleCost).toBeCloseTo(1.5 * 1.068, 10);
    expect(quiet.endsBy).toBe('idle TTL');
    expect(quiet.endsAt).toBe(NOW - 30 * 60_000);
    expect(quiet.overdue).toBe(true);
    expect(quiet.computedFrom).toMatch(
      /1\.0680 USD\/h now × 1\.5 h idle since the latest job ended = 1\.6020 USD/,
    );
    expect(quiet.suggestion).toMatchObject({ idleTtlSeconds: 1800 });
    expect(quiet.suggestion!.savedPerIdleStretch).toBeCloseTo(0.534, 10);
    const never = idle[1]!;
    expect(never.neverRanJob).toBe(true);
    expect(never.endsAt).toBe(NOW + 20 * 60_000);
    expect(never.overdue).toBe(false);
  });

  it('suggests nothing when the idle TTL is already as short as N allows', () => {
    const [only] = detectIdle(
      [
        {
          region: 'us-central1',
          session: s('tight', NOW - HOUR, { environmentConfig: { executionConfig: { idleTtl: '600s' } } }),
          latestJobEnd: null,
          jobRunning: false,
        },
      ],
      { now: NOW, thresholdMinutes: 5, prices: DEFAULT_PRICE_TABLE },
    );
    expect(only!.suggestion).toBeUndefined();
  });
});

const prices = resolvePrices(DEFAULT_PRICE_TABLE, 'us-central1');
const GiB = 1024 ** 3;
/** An active executor from the executors API: its task count and peak JVM heap when given. */
const executor = (
  id: string,
  tasks: number | undefined,
  heapGiB?: number,
  addedMinutesAgo = 60,
): ExecutorSummary => ({
  executorId: id,
  isActive: true,
  addTime: iso(NOW - addedMinutesAgo * 60_000),
  ...(tasks !== undefined ? { totalTasks: tasks } : {}),
  ...(heapGiB !== undefined
    ? { peakMemoryMetrics: { metrics: { JVMHeapMemory: String(heapGiB * GiB) } } }
    : {}),
});

describe('right-sizing', () => {
  it('suggests less executor memory from the peak heap, citing the numbers', () => {
    const { suggestions } = rightSize({
      properties: { 'spark.executor.memory': '12200m', 'spark.dynamicAllocation.enabled': 'false' },
      executors: [executor('driver', undefined, 8), executor('1', 40, 2), executor('2', 35, 3)],
      prices,
      now: NOW,
    });
    const memory = suggestions.find((x) => x.property === 'spark.executor.memory')!;
    // 3 GiB × 1.5 = 4.5 GiB = 4608 MiB.
    expect(memory).toMatchObject({
      rule: 'unused-memory',
      currentValue: '12200m',
      newValue: '4608m',
      currency: 'USD',
    });
    expect(memory.evidence).toMatch(
      /peak JVM heap 3072 MiB \(executor 2, the highest of 2 that ran tasks\) against 12200 MiB/,
    );
    // (12200 − 4608) MiB + 10 % overhead less = 8351.2 MiB less → 0.1 × 8.155 GB × 2 executors × 0.089
    expect(memory.savedPerHour).toBeCloseTo(((0.1 * (12200 - 4608) * 1.1) / 1024) * 2 * 0.089, 6);
    // The driver used 8 of 12.2 GiB: above half, no suggestion.
    expect(suggestions.find((x) => x.property === 'spark.driver.memory')).toBeUndefined();
  });

  it('makes no memory suggestion without the peak metric, and says which is missing', () => {
    const result = rightSize({
      properties: {},
      executors: [executor('1', 40), executor('2', 35, 1)],
      prices,
      now: NOW,
    });
    expect(result.suggestions.find((x) => x.rule === 'unused-memory')).toBeUndefined();
    expect(result.missingMetrics).toEqual([
      'spark.executor.memory: no peakMemoryMetrics.JVMHeapMemory for executor(s) 1',
    ]);
  });

  it('suggests more cores when memory is above 8 GB per vCPU', () => {
    const { suggestions } = rightSize({
      properties: {
        'spark.executor.cores': '4',
        'spark.executor.memory': '40g',
        'spark.dynamicAllocation.enabled': 'false',
      },
      executors: [],
      prices,
      now: NOW,
    });
    const cores = suggestions.find((x) => x.rule === 'memory-above-8gb-per-vcpu')!;
    expect(cores).toMatchObject({ property: 'spark.executor.cores', currentValue: '4', newValue: '6' });
    // 46.89 GB: 4 vCPU → 2.4 + 3.2 + 0.2 × 14.89 = 8.578; 6 vCPU → 3.6 + 4.689 = 8.289
    expect(cores.savedPerHour).toBeCloseTo((8.578 - 8.289) * 2 * 0.089, 3);
    expect(cores.evidence).toMatch(/14\.89 GB above 8 GB per vCPU count 0\.2 DCU each/);
  });

  it('suggests fewer minimum executors when some never ran a task', () => {
    const { suggestions } = rightSize({
      properties: { 'spark.dynamicAllocation.minExecutors': '4' },
      executors: [
        executor('1', 10),
        executor('2', 0),
        executor('3', 0),
        executor('4', 0, undefined, 2),
        executor('5', 3),
      ],
      prices,
      now: NOW,
    });
    const fewer = suggestions.find((x) => x.rule === 'executors-without-tasks')!;
    // Executor 4 was added 2 minutes ago: not counted yet.
    expect(fewer).toMatchObject({
      property: 'spark.dynamicAllocation.minExecutors',
      currentValue: '4',
      newValue: '2',
    });
    expect(fewer.savedPerHour).toBeCloseTo(2 * 4 * 0.089, 4);
    expect(fewer.evidence).toMatch(/executor\(s\) 2, 3 ran 0 tasks/);
  });

  it('suggests nothing for a session whose executors all work', () => {
    expect(
      rightSize({ properties: {}, executors: [executor('1', 5, 10), executor('2', 7, 9)], prices, now: NOW }),
    ).toEqual({
      suggestions: [],
      missingMetrics: [],
      // No driver among them: its memory is not judged; its cores follow from the properties.
      judged: [
        { rule: 'unused-memory', property: 'spark.executor.memory' },
        { rule: 'memory-above-8gb-per-vcpu', property: 'spark.driver.cores' },
        { rule: 'memory-above-8gb-per-vcpu', property: 'spark.executor.cores' },
        { rule: 'executors-without-tasks', property: 'spark.dynamicAllocation.minExecutors' },
      ],
    });
  });
});

describe('right-sizing a template over its recent sessions', () => {
  const templateProperties = {
    'spark.executor.memory': '12200m',
    'spark.dynamicAllocation.enabled': 'false',
  };

  it('suggests what every session with the metric backs, taking the most cautious value and citing each', () => {
    const result = rightSizeTemplate({
      templateProperties,
      sessions: [
        // The emulator (and a session made from a template) carries the template's properties too.
        {
          sessionId: 'run-a',
          properties: templateProperties,
          executors: [executor('1', 9, 2), executor('2', 8, 3)],
        },
        // Peak 4 GiB → 6144m, the larger of the two values: the template takes it.
        { sessionId: 'run-b', properties: {}, executors: [executor('1', 9, 4), executor('2', 7, 1)] },
      ],
      prices,
      now: NOW,
    });
    expect(result.sessionsJudged).toEqual(['run-a', 'run-b']);
    const memory = result.suggestions.find((x) => x.property === 'spark.executor.memory')!;
    expect(memory).toMatchObject({
      rule: 'unused-memory',
      currentValue: '12200m',
      newValue: '6144m',
      fromSession: 'run-b',
    });
    expect(memory.perSession.map((p) => [p.sessionId, p.suggestion.newValue])).toEqual([
      ['run-a', '4608m'],
      ['run-b', '6144m'],
    ]);
    // The saving is run-b's: (12200 − 6144) MiB × 1.1 less per executor, 2 executors.
    expect(memory.savedPerHour).toBeCloseTo(((0.1 * (12200 - 6144) * 1.1) / 1024) * 2 * 0.089, 6);
    expect(memory.evidence).toMatch(
      /^all 2 sessions with the metric suggest it; the most cautious value is run-b's: peak JVM heap 4096 MiB/,
    );
    // No driver in the executors read: its memory is named as missing per session, not guessed.
    expect(result.missingMetrics).toEqual([]);
  });

  it('holds a change back when a session with the same metric shows nothing to cut', () => {
    const result = rightSizeTemplate({
      templateProperties,
      sessions: [
        { sessionId: 'small', properties: {}, executors: [executor('1', 9, 2), executor('2', 8, 2)] },
        // 10 of 12.2 GiB used: above half, nothing to cut.
        { sessionId: 'busy', properties: {}, executors: [executor('1', 9, 10), executor('2', 8, 2)] },
      ],
      prices,
      now: NOW,
    });
    expect(result.suggestions.find((x) => x.property === 'spark.executor.memory')).toBeUndefined();
    expect(result.heldBack).toEqual([
      'spark.executor.memory: 1 of 2 sessions with the metric would change it, but busy showed nothing to cut, so no change is suggested',
    ]);
  });

  it('judges only the sessions that had the metric, names the ones that lacked it, and leaves out own sizing', () => {
    const result = rightSizeTemplate({
      templateProperties,
      sessions: [
        { sessionId: 'measured', properties: {}, executors: [executor('1', 9, 2), executor('2', 8, 3)] },
        { sessionId: 'unmeasured', properties: {}, executors: [executor('1', 9), executor('2', 8)] },
        {
          sessionId: 'bigger',
          properties: { ...templateProperties, 'spark.executor.memory': '30g' },
          executors: [executor('1', 9, 1)],
        },
      ],
      prices,
      now: NOW,
    });
    expect(result.sessionsJudged).toEqual(['measured', 'unmeasured']);
    expect(result.ownSizing).toEqual([{ sessionId: 'bigger', properties: ['spark.executor.memory'] }]);
    expect(result.missingMetrics).toEqual([
      'unmeasured: spark.executor.memory: no peakMemoryMetrics.JVMHeapMemory for executor(s) 1, 2',
    ]);
    const memory = result.suggestions.find((x) => x.property === 'spark.executor.memory')!;
    expect(memory.evidence).toMatch(/^all 1 session with the metric suggest it/);
    expect(memory.perSession.map((p) => p.sessionId)).toEqual(['measured']);
  });

  it('suggests nothing at all from sessions without executor metrics, beyond what the properties alone decide', () => {
    const wide = { 'spark.executor.memory': '40g', 'spark.dynamicAllocation.enabled': 'false' };
    const result = rightSizeTemplate({
      templateProperties: wide,
      sessions: [
        { sessionId: 'one', properties: wide, executors: [] },
        { sessionId: 'two', properties: wide, executors: [] },
      ],
      prices,
      now: NOW,
    });
    expect(result.suggestions.map((s) => [s.property, s.newValue, s.perSession.length])).toEqual([
      ['spark.executor.cores', '6', 2],
    ]);
  });
});
