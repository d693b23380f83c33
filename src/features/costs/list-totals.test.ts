import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../../schemas/prices';
import type { Session } from '../../schemas/wire';
import { listTotals, totalsScope } from './list-totals';

const parent = 'projects/p/locations';
const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 27, 12);
const iso = (ms: number) => new Date(ms).toISOString();

const ended = (id: string, region: string, dcuHours: number): Session => ({
  name: `${parent}/${region}/sessions/${id}`,
  state: 'TERMINATED',
  stateTime: iso(now - HOUR),
  stateHistory: [{ state: 'ACTIVE', stateStartTime: iso(now - 2 * HOUR) }],
  runtimeInfo: { approximateUsage: { milliDcuSeconds: String(dcuHours * 3600 * 1000) } },
});

const active = (id: string, milliDcu: number): Session => ({
  name: `${parent}/us-central1/sessions/${id}`,
  state: 'ACTIVE',
  stateTime: iso(now - 2 * HOUR),
  runtimeInfo: { currentUsage: { milliDcu: String(milliDcu) } },
});

describe('listTotals', () => {
  it('sums cost so far and rate now over the rows, pricing each in its own region', () => {
    const table: PriceTable = {
      ...DEFAULT_PRICE_TABLE,
      regions: {
        ...DEFAULT_PRICE_TABLE.regions,
        'europe-west1': {
          dcuHour: { standard: { onDemand: 0.1 }, premium: { onDemand: 0.2 } },
        },
      },
    };
    const totals = listTotals(
      [ended('a', 'us-central1', 12), ended('b', 'europe-west1', 10), active('c', 4000)],
      table,
      now,
    );
    // 12 × 0.089 + 10 × 0.2 + (no approximateUsage) 4 DCU × 0.089 × 2 h active
    expect(totals.soFar).toBeCloseTo(1.068 + 2 + 0.712, 10);
    expect(totals.perHour).toBeCloseTo(0.356, 10);
    expect(totals).toMatchObject({ running: 1, estimated: 1, currency: 'USD' });
  });

  it('counts the rows with accelerators the built-in table cannot price, and leaves them out of the sums', () => {
    const withGpu: Session = {
      ...active('gpu', 4000),
      runtimeInfo: { currentUsage: { milliDcu: '4000', milliAcceleratorL4: '2000' } },
    };
    const totals = listTotals([withGpu, ended('a', 'us-central1', 12)], DEFAULT_PRICE_TABLE, now);
    expect(totals.withUnpriced).toBe(1);
    // 4 DCU × 0.089 only: the two L4s add nothing for want of a price.
    expect(totals.perHour).toBeCloseTo(0.356, 10);
    const priced: PriceTable = {
      ...DEFAULT_PRICE_TABLE,
      regions: {
        'us-central1': { ...DEFAULT_PRICE_TABLE.regions['us-central1']!, acceleratorHour: { l4: 0.5 } },
      },
    };
    const withPrice = listTotals([withGpu], priced, now);
    expect(withPrice.withUnpriced).toBe(0);
    expect(withPrice.perHour).toBeCloseTo(0.356 + 1, 10);
  });

  it('is zero for no rows', () => {
    expect(listTotals([], DEFAULT_PRICE_TABLE, now)).toMatchObject({ soFar: 0, perHour: 0, running: 0 });
  });
});

describe('totalsScope', () => {
  it('says when the totals cover every matching session and when only this page', () => {
    expect(totalsScope(2, 1, false, 'state = ACTIVE')).toBe('All 2 sessions matching the filter');
    expect(totalsScope(1, 1, false, '')).toBe('All 1 session');
    expect(totalsScope(50, 1, true, '')).toBe(
      'The 50 sessions on this page; not counted: the pages after it (not loaded)',
    );
    expect(totalsScope(20, 3, false, '')).toBe('The 20 sessions on this page; not counted: earlier pages');
    expect(totalsScope(50, 2, true, '')).toBe(
      'The 50 sessions on this page; not counted: earlier pages, the pages after it (not loaded)',
    );
  });
});
