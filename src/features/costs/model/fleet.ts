import { sessionCost, sessionTimes } from '../../../lib/cost';
import { money, num } from '../../../lib/cost/numbers';
import { resolvePrices, type PriceTable } from '../../../schemas/prices';
import type { Session } from '../../../schemas/wire';
import type { RegionResult } from './fan-out';

export interface FleetSessionRow {
  region: string;
  session: Session;
  state: string;
  creator: string;
  template: string;
  label: string | undefined;
  /** DCU now (0 when the session reports no current usage). */
  dcuNow: number;
  ratePerHour: number;
  costSoFar: number;
  costToday: number;
  costThisMonth: number;
  /** The price was the fallback region's. */
  priceAssumed: boolean;
  computedFrom: string;
}

export interface FleetGroup {
  key: string;
  sessions: number;
  active: number;
  dcuNow: number;
  ratePerHour: number;
  costSoFar: number;
  costToday: number;
  costThisMonth: number;
  /** How many of its sessions were priced with the fallback region's prices. */
  priceAssumed: number;
}

export interface FleetSummary {
  currency: string;
  /** Everything that answered. */
  totals: FleetGroup;
  byRegion: FleetGroup[];
  byState: FleetGroup[];
  byCreator: FleetGroup[];
  byTemplate: FleetGroup[];
  /** Groups by the value of `labelKey`; sessions without the label are in "(none)". */
  byLabel?: { key: string; groups: FleetGroup[] };
  rows: FleetSessionRow[];
  /** Regions that answered with an error: their sessions are in no figure. */
  failedRegions: Array<{ region: string; message: string }>;
  /** The periods "today" and "this month" cover (ms), and how they are counted. */
  periods: { todayStart: number; monthStart: number; now: number; rule: string };
}

export interface FleetOptions {
  now: number;
  prices: PriceTable;
  labelKey?: string;
  /** Start of "today" and of "this month" (ms); default: UTC midnight and the 1st, UTC. */
  todayStart?: number;
  monthStart?: number;
}

export const NO_VALUE = '(none)';

function overlapShare(runStart: number, runEnd: number, periodStart: number): number {
  if (runEnd <= runStart) return runEnd >= periodStart ? 1 : 0;
  const from = Math.max(runStart, periodStart);
  return Math.max(0, runEnd - from) / (runEnd - runStart);
}

function emptyGroup(key: string): FleetGroup {
  return {
    key,
    sessions: 0,
    active: 0,
    dcuNow: 0,
    ratePerHour: 0,
    costSoFar: 0,
    costToday: 0,
    costThisMonth: 0,
    priceAssumed: 0,
  };
}

function group(rows: FleetSessionRow[], keyOf: (row: FleetSessionRow) => string): FleetGroup[] {
  const groups = new Map<string, FleetGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    let g = groups.get(key);
    if (!g) {
      g = emptyGroup(key);
      groups.set(key, g);
    }
    add(g, row);
  }
  // The most expensive first: what a platform team looks at.
  return [...groups.values()].sort((a, b) => b.costSoFar - a.costSoFar || a.key.localeCompare(b.key));
}

function add(g: FleetGroup, row: FleetSessionRow) {
  g.sessions++;
  if (row.state === 'ACTIVE') g.active++;
  g.dcuNow += row.dcuNow;
  g.ratePerHour += row.ratePerHour;
  g.costSoFar += row.costSoFar;
  g.costToday += row.costToday;
  g.costThisMonth += row.costThisMonth;
  if (row.priceAssumed) g.priceAssumed++;
}

/**
 * Totals over the sessions of every region that answered. Cost today and this month prorate each
 * session's cost so far evenly over the time it was ACTIVE (the API gives one total per session,
 * not its spread over time).
 */
export function summarizeFleet(
  results: ReadonlyArray<RegionResult<Session[]>>,
  options: FleetOptions,
): FleetSummary {
  const { now, prices, labelKey } = options;
  const day = new Date(now);
  const todayStart =
    options.todayStart ?? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const monthStart = options.monthStart ?? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
  const rows: FleetSessionRow[] = [];
  const failedRegions: FleetSummary['failedRegions'] = [];
  for (const result of results) {
    if (!result.ok) {
      failedRegions.push({ region: result.region, message: result.message });
      continue;
    }
    const regionPrices = resolvePrices(prices, result.region);
    for (const session of result.value) {
      const cost = sessionCost(session, regionPrices, now);
      const times = sessionTimes(session);
      const runStart = times.activeSince ?? now;
      const runEnd = times.endedAt ?? now;
      const soFar = cost.soFar.amount;
      const todayShare = overlapShare(runStart, runEnd, todayStart);
      const monthShare = overlapShare(runStart, runEnd, monthStart);
      const labels = session.labels ?? {};
      rows.push({
        region: result.region,
        session,
        state: session.state ?? 'STATE_UNSPECIFIED',
        creator: session.creator || NO_VALUE,
        template: session.sessionTemplate || NO_VALUE,
        label: labelKey && Object.hasOwn(labels, labelKey) ? labels[labelKey] : undefined,
        dcuNow: cost.rate?.dcu ?? 0,
        ratePerHour: cost.rate?.perHour ?? 0,
        costSoFar: soFar,
        costToday: soFar * todayShare,
        costThisMonth: soFar * monthShare,
        priceAssumed: regionPrices.basis !== 'regional',
        computedFrom: `${cost.soFar.computedFrom}; today ${num(todayShare * 100, 1)} % and this month ${num(
          monthShare * 100,
          1,
        )} % of its active time = ${money(soFar * todayShare, prices.currency)} and ${money(soFar * monthShare, prices.currency)}`,
      });
    }
  }
  const totals = emptyGroup('all');
  for (const row of rows) add(totals, row);
  return {
    currency: prices.currency,
    totals,
    byRegion: group(rows, (r) => r.region),
    byState: group(rows, (r) => r.state),
    byCreator: group(rows, (r) => r.creator),
    byTemplate: group(rows, (r) => r.template),
    ...(labelKey ? { byLabel: { key: labelKey, groups: group(rows, (r) => r.label ?? NO_VALUE) } } : {}),
    rows,
    failedRegions,
    periods: {
      todayStart,
      monthStart,
      now,
      rule: "each session's cost so far, spread evenly over the time it was ACTIVE",
    },
  };
}
