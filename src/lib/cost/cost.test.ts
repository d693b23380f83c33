import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, resolvePrices } from '../../schemas/prices';
import type { Session } from '../../schemas/wire';
import {
  containerDcu,
  costOfUsageMetrics,
  estimateFromProperties,
  executorScale,
  memoryOverhead,
  parseSizeMib,
  projectSessionCost,
  rateOfSnapshot,
  roleSize,
  sessionCost,
  sessionTimes,
} from '.';

const usCentral = resolvePrices(DEFAULT_PRICE_TABLE, 'us-central1');

describe('DCU of a container', () => {
  it('counts 0.6 per vCPU and 0.1 per GB up to 8 GB per vCPU', () => {
    expect(containerDcu(4, 16).dcu).toBeCloseTo(4, 10);
    expect(containerDcu(4, 32).dcu).toBeCloseTo(0.6 * 4 + 0.1 * 32, 10);
  });

  it('counts memory above 8 GB per vCPU at 0.2 per GB', () => {
    const big = containerDcu(4, 48);
    expect(big.memoryGbAbove8PerVcpu).toBe(16);
    expect(big.dcu).toBeCloseTo(2.4 + 3.2 + 3.2, 10);
  });

  it('never falls when memory grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1024, noNaN: true }),
        fc.double({ min: 0, max: 64, noNaN: true }),
        (vcpus, memory, extra) => {
          expect(containerDcu(vcpus, memory + extra).dcu).toBeGreaterThanOrEqual(
            containerDcu(vcpus, memory).dcu - 1e-9,
          );
        },
      ),
    );
  });

  it('can cost less with one more vCPU when memory is above 8 GB per vCPU (0.6 added, 0.8 saved)', () => {
    expect(containerDcu(1, 16).dcu).toBeCloseTo(3, 10);
    expect(containerDcu(2, 16).dcu).toBeCloseTo(2.8, 10);
  });
});

describe('Spark sizes and memory overhead', () => {
  it('reads JVM sizes, a bare number as MiB', () => {
    expect(parseSizeMib('512m')).toBe(512);
    expect(parseSizeMib('4g')).toBe(4096);
    expect(parseSizeMib('2gb')).toBe(2048);
    expect(parseSizeMib('1024')).toBe(1024);
    expect(parseSizeMib('1t')).toBe(1024 * 1024);
    expect(parseSizeMib('lots')).toBeUndefined();
  });

  it('is max(384 MiB, 10 %) by default, the factor or the explicit value when set', () => {
    expect(memoryOverhead({}, 'executor', 2048).mib).toBe(384);
    expect(memoryOverhead({}, 'executor', 12200).mib).toBeCloseTo(1220, 10);
    expect(
      memoryOverhead({ 'spark.executor.memoryOverheadFactor': '0.4' }, 'executor', 10240).mib,
    ).toBeCloseTo(4096, 10);
    expect(memoryOverhead({ 'spark.driver.memoryOverhead': '2g' }, 'driver', 12200).mib).toBe(2048);
    // Each role reads its own property.
    expect(memoryOverhead({ 'spark.driver.memoryOverhead': '2g' }, 'executor', 12200).mib).toBeCloseTo(
      1220,
      10,
    );
  });
});

describe('the estimate from Spark properties', () => {
  it('gives the documented default session: driver + 2 executors of 4 vCPU / 16 GB = 12 DCU', () => {
    const estimate = estimateFromProperties({ 'spark.dynamicAllocation.enabled': 'false' }, usCentral);
    expect(estimate.driver.dcu.dcu).toBeCloseTo(4, 2);
    expect(estimate.executor.containerMemoryGb).toBeCloseTo(16, 2);
    expect(estimate.minimum.dcu).toBeCloseTo(12, 2);
    expect(estimate.minimum.perHour).toBeCloseTo(12 * 0.089, 4);
    expect(estimate.maximum.dcu).toBeCloseTo(12, 2);
    expect(estimate.formula.join('\n')).toMatch(/0\.6 × 4 vCPU \+ 0\.1 × 16 GB = 4 DCU/);
    expect(estimate.computedFrom).toMatch(/0\.089 USD per DCU-hour \(premium, onDemand, us-central1\)/);
  });

  it('spans minimum to maximum executors with dynamic allocation (the service default: 2 to 1000)', () => {
    const defaults = estimateFromProperties({}, usCentral);
    expect(defaults.scale).toMatchObject({ dynamicAllocation: true, min: 2, max: 1000 });
    expect(defaults.minimum.dcu).toBeCloseTo(12, 2);
    expect(defaults.maximum.dcu).toBeCloseTo(4 + 1000 * 4, 1);

    const bounded = estimateFromProperties(
      {
        'spark.dynamicAllocation.minExecutors': '1',
        'spark.dynamicAllocation.maxExecutors': '10',
        'spark.dynamicAllocation.initialExecutors': '3',
      },
      usCentral,
    );
    expect(bounded.minimum).toMatchObject({ executors: 1 });
    expect(bounded.minimum.dcu).toBeCloseTo(8, 2);
    expect(bounded.initial.executors).toBe(3);
    expect(bounded.maximum.dcu).toBeCloseTo(44, 2);
    expect(bounded.maximum.perHour).toBeCloseTo(44 * 0.089, 3);
  });

  it('follows executor count, cores and memory; memory above 8 GB per vCPU costs double', () => {
    const three = estimateFromProperties(
      { 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.instances': '3' },
      usCentral,
    );
    expect(three.minimum.dcu).toBeCloseTo(16, 2);
    const roomy = roleSize({ 'spark.executor.cores': '4', 'spark.executor.memory': '40g' }, 'executor');
    // 40960 + 4096 overhead + 2964 system = 46.89 GB; 32 at 0.1, 14.89 at 0.2.
    expect(roomy.containerMemoryGb).toBeCloseTo((40960 + 4096 + 2964) / 1024, 6);
    expect(roomy.dcu.memoryGbAbove8PerVcpu).toBeCloseTo(roomy.containerMemoryGb - 32, 6);
    expect(roomy.dcu.dcu).toBeCloseTo(2.4 + 3.2 + 0.2 * (roomy.containerMemoryGb - 32), 6);
    expect(estimateFromProperties({ 'spark.executor.memory': '40g' }, usCentral).formula[1]).toMatch(
      /0\.2 × 14\.89 GB above 8 GB per vCPU/,
    );
  });

  it('replaces values it cannot read with the service default and says which', () => {
    const estimate = estimateFromProperties(
      { 'spark.executor.memory': 'lots', 'spark.driver.cores': 'x' },
      usCentral,
    );
    expect(estimate.ignored).toEqual(['spark.driver.cores = "x"', 'spark.executor.memory = "lots"']);
    expect(estimate.minimum.dcu).toBeCloseTo(12, 2);
  });

  it('never costs less with more executors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), (n, more) => {
        const at = (count: number) =>
          estimateFromProperties(
            { 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.instances': String(count) },
            usCentral,
          ).minimum.perHour;
        expect(at(n + more)).toBeGreaterThan(at(n));
      }),
    );
  });

  it('keeps the larger of minExecutors and maxExecutors as the maximum', () => {
    expect(
      executorScale({
        'spark.dynamicAllocation.minExecutors': '8',
        'spark.dynamicAllocation.maxExecutors': '4',
      }),
    ).toMatchObject({ min: 8, max: 8 });
  });
});

describe('usage to money', () => {
  it('prices the pricing page’s example: 4 DCU × 3 VMs × 60 s = 720000 milliDCU-seconds', () => {
    const milliDcuSeconds = 4 * 3 * 60 * 1000;
    expect(milliDcuSeconds).toBe(720000);
    const premium = costOfUsageMetrics({ milliDcuSeconds: '720000' }, usCentral);
    // 720000 / 1000 / 3600 = 0.2 DCU-hours × 0.089 = 0.0178 USD
    expect(premium.amount).toBeCloseTo(0.0178, 10);
    expect(premium.parts[0]).toMatchObject({ kind: 'dcu', tier: 'premium', unitPrice: 0.089 });
    expect(premium.parts[0]!.quantity).toBeCloseTo(0.2, 10);
    expect(premium.computedFrom).toMatch(
      /720000 milliDCU-seconds = 0\.2 DCU-hours × 0\.089 USD\/DCU-hour \(premium\) = 0\.0178 USD/,
    );
    const standard = costOfUsageMetrics({ milliDcuSeconds: '720000' }, usCentral, { tier: 'standard' });
    expect(standard.amount).toBeCloseTo(0.012, 10);
  });

  it('applies the 1-minute minimum, and 5 minutes for premium shuffle storage', () => {
    // 12 DCU for 30 s is billed as 60 s.
    const short = costOfUsageMetrics({ milliDcuSeconds: String(12000 * 30) }, usCentral, { runSeconds: 30 });
    expect(short.amount).toBeCloseTo((12 / 60) * 0.089, 10);
    expect(short.parts[0]!.minimumApplied).toBe('1-minute minimum: ran 30 s, billed as 60 s');
    expect(short.computedFrom).toMatch(/1-minute minimum/);
    const long = costOfUsageMetrics({ milliDcuSeconds: String(12000 * 90) }, usCentral, { runSeconds: 90 });
    expect(long.parts[0]!.minimumApplied).toBeUndefined();
    expect(long.amount).toBeCloseTo((12 * 90 * 0.089) / 3600, 10);

    const shuffle = { shuffleStorageGbSeconds: String(100 * 120) };
    const standardShuffle = costOfUsageMetrics(shuffle, usCentral, { runSeconds: 120 });
    expect(standardShuffle.parts[1]!.minimumApplied).toBeUndefined();
    const premiumShuffle = costOfUsageMetrics(shuffle, usCentral, {
      runSeconds: 120,
      shuffleTier: 'premium',
    });
    expect(premiumShuffle.parts[1]!.minimumApplied).toBe('5-minute minimum: ran 120 s, billed as 300 s');
    expect(premiumShuffle.parts[1]!.amount).toBeCloseTo(((100 * 300) / 3600 / 730) * 0.1, 12);
  });

  it('prices shuffle storage per GB-month of 730 hours', () => {
    // 25 GB for a whole 730-hour month at 0.04 = 1 USD.
    const month = costOfUsageMetrics({ shuffleStorageGbSeconds: String(25 * 730 * 3600) }, usCentral);
    expect(month.parts[1]!.quantity).toBeCloseTo(25, 10);
    expect(month.amount).toBeCloseTo(1, 10);
    expect(month.computedFrom).toMatch(/\/ 3600 \/ 730 h = 25 GB-months/);
  });

  it('follows an override: another currency, region, commitment and discount', () => {
    const table = {
      ...DEFAULT_PRICE_TABLE,
      currency: 'EUR',
      commitment: 'commit1y' as const,
      discountPercent: 50,
      regions: {
        ...DEFAULT_PRICE_TABLE.regions,
        'europe-west1': {
          dcuHour: {
            standard: { onDemand: 0.07, commit1y: 0.06 },
            premium: { onDemand: 0.1, commit1y: 0.09 },
          },
        },
      },
    };
    const eu = resolvePrices(table, 'europe-west1');
    const cost = costOfUsageMetrics({ milliDcuSeconds: String(3600 * 1000) }, eu);
    expect(cost.amount).toBeCloseTo(0.045, 10);
    expect(cost.currency).toBe('EUR');
    expect(cost.computedFrom).toMatch(/0\.045 EUR\/DCU-hour \(premium, commit1y, 50 % off\)/);
  });

  it('says a price is assumed from us-central1 for a region the table does not list', () => {
    const tokyo = resolvePrices(DEFAULT_PRICE_TABLE, 'asia-northeast1');
    const cost = costOfUsageMetrics({ milliDcuSeconds: '720000' }, tokyo);
    expect(cost.basis).toBe('assumed from us-central1');
    expect(cost.computedFrom).toMatch(/asia-northeast1: price assumed from us-central1/);
  });

  it('leaves accelerators without a price out of the total and names them', () => {
    const cost = costOfUsageMetrics(
      { milliDcuSeconds: '720000', milliAcceleratorSecondsL4: '3600000' },
      usCentral,
    );
    expect(cost.amount).toBeCloseTo(0.0178, 10);
    expect(cost.unpriced).toEqual(['l4 accelerators']);
    const priced = resolvePrices(
      {
        ...DEFAULT_PRICE_TABLE,
        regions: {
          'us-central1': { ...DEFAULT_PRICE_TABLE.regions['us-central1']!, acceleratorHour: { l4: 0.5 } },
        },
      },
      'us-central1',
    );
    // 1 L4-hour, but only 6 minutes long: above the 5-minute minimum.
    const withPrice = costOfUsageMetrics({ milliAcceleratorSecondsL4: '3600000' }, priced, {
      runSeconds: 360,
    });
    expect(withPrice.amount).toBeCloseTo(0.5, 10);
    expect(withPrice.unpriced).toEqual([]);
  });

  it('rates a snapshot: premium part at premium, the rest at standard, shuffle per hour', () => {
    const mixed = rateOfSnapshot(
      { milliDcu: '12000', milliDcuPremium: '8000', shuffleStorageGb: '73' },
      usCentral,
    );
    expect(mixed.dcu).toBe(12);
    expect(mixed.perHour).toBeCloseTo(8 * 0.089 + 4 * 0.06 + (73 * 0.04) / 730, 10);
    const noPremiumField = rateOfSnapshot({ milliDcu: '12000' }, usCentral);
    expect(noPremiumField.perHour).toBeCloseTo(12 * 0.089, 10);
    expect(noPremiumField.computedFrom).toMatch(
      /12 DCU × 0\.089 USD\/DCU-hour \(premium\) = 1\.0680 USD\/h \(us-central1 prices\)$/,
    );
    expect(rateOfSnapshot({ milliDcu: '12000' }, usCentral, { defaultTier: 'standard' }).perHour).toBeCloseTo(
      0.72,
      10,
    );
  });

  it('never costs less for more usage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 100000 }),
        (dcuSeconds, gbSeconds, more, runSeconds) => {
          const at = (d: number, g: number) =>
            costOfUsageMetrics(
              { milliDcuSeconds: String(d), shuffleStorageGbSeconds: String(g) },
              usCentral,
              { runSeconds },
            ).amount;
          const base = at(dcuSeconds, gbSeconds);
          expect(at(dcuSeconds + more, gbSeconds)).toBeGreaterThan(base);
          expect(at(dcuSeconds, gbSeconds + more)).toBeGreaterThan(base);
        },
      ),
    );
  });
});

const T0 = Date.parse('2026-11-27T00:00:00Z');
const iso = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000).toISOString();

function activeSession(overrides: Partial<Session> = {}): Session {
  return {
    name: 'projects/p1/locations/us-central1/sessions/s1',
    state: 'ACTIVE',
    stateTime: iso(60),
    stateHistory: [{ state: 'CREATING', stateStartTime: iso(0) }],
    environmentConfig: { executionConfig: { ttl: '14400s', idleTtl: '3600s' } },
    runtimeInfo: { currentUsage: { milliDcu: '12000', milliDcuPremium: '12000' } },
    ...overrides,
  };
}

describe('a session’s cost so far and projections', () => {
  it('estimates from the current rate while the API has no approximateUsage', () => {
    const cost = sessionCost(activeSession(), usCentral, T0 + (60 + 1800) * 1000);
    expect(cost.soFar.source).toBe('currentUsage');
    expect(cost.soFar.amount).toBeCloseTo(12 * 0.089 * 0.5, 10);
    expect(cost.rate!.perHour).toBeCloseTo(1.068, 10);
    expect(cost.soFar.computedFrom).toMatch(/^estimate: 1\.0680 USD\/h now × 0\.5 h active/);
  });

  it('uses approximateUsage when the API gives it, and the final figure once ended', () => {
    const ended = activeSession({
      state: 'TERMINATED',
      stateTime: iso(60 + 7200),
      stateHistory: [
        { state: 'CREATING', stateStartTime: iso(0) },
        { state: 'ACTIVE', stateStartTime: iso(60) },
        { state: 'TERMINATING', stateStartTime: iso(60 + 7190) },
      ],
      runtimeInfo: {
        approximateUsage: { milliDcuSeconds: String(12000 * 7200), shuffleStorageGbSeconds: '0' },
      },
    });
    const cost = sessionCost(ended, usCentral, T0 + 99 * 3600 * 1000);
    expect(cost.ended).toBe(true);
    expect(cost.rate).toBeUndefined();
    expect(cost.soFar.source).toBe('approximateUsage');
    expect(cost.soFar.amount).toBeCloseTo(24 * 0.089, 10);
    expect(
      projectSessionCost({
        costSoFar: 1,
        ratePerHour: 1,
        currency: 'USD',
        now: T0,
        times: sessionTimes(ended),
      }),
    ).toEqual({});
  });

  it('projects to the TTL at the latest and to the idle TTL at the current rate', () => {
    const session = activeSession();
    const now = T0 + (60 + 1800) * 1000;
    const times = sessionTimes(session);
    expect(times).toMatchObject({ activeSince: T0 + 60_000, ttlSeconds: 14400, idleTtlSeconds: 3600 });
    const projection = projectSessionCost({
      costSoFar: 0.534,
      ratePerHour: 1.068,
      currency: 'USD',
      now,
      times,
    });
    // TTL: 4 h from ACTIVE, 3.5 h left.
    expect(projection.byTtl!.amount).toBeCloseTo(0.534 + 1.068 * 3.5, 10);
    expect(projection.byTtl!.endsAt).toBe(T0 + 60_000 + 14_400_000);
    // Idle TTL: 1 h after ACTIVE (no activity known), 0.5 h left.
    expect(projection.untilIdleTtl!.amount).toBeCloseTo(0.534 + 1.068 * 0.5, 10);
    expect(projection.untilIdleTtl!.computedFrom).toMatch(/0\.5 h until the idle TTL/);
    // A job that ended 10 minutes ago moves the idle end.
    const later = projectSessionCost({
      costSoFar: 0.534,
      ratePerHour: 1.068,
      currency: 'USD',
      now,
      times,
      lastActivity: now - 600_000,
    });
    expect(later.untilIdleTtl!.endsAt).toBe(now + 3_000_000);
  });

  it('uses the service’s default TTLs when the session sets none', () => {
    const times = sessionTimes(activeSession({ environmentConfig: {} }));
    expect(times).toMatchObject({ ttlSeconds: 86400, idleTtlSeconds: 3600 });
  });
});
