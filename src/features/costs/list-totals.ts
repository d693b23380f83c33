// From the modules, not the barrel: the list's first JavaScript then carries no DCU model.
import { sessionCost, unpricedOf, type SessionCost } from '../../lib/cost/session-cost';
import { placeOf } from '../../schemas/names';
import type { PriceTable } from '../../schemas/prices';
import { resolvePrices, type ResolvedPrices } from '../../schemas/resolve-prices';
import type { Session } from '../../schemas/wire';

/**
 * Each table's prices by region, resolved once: a 1,000-row page has a handful of regions, and
 * resolving per row was a seventh of the column's time (npm run bench, list costs).
 */
const resolved = new WeakMap<PriceTable, Map<string, ResolvedPrices>>();

function pricesIn(table: PriceTable, region: string): ResolvedPrices {
  let byRegion = resolved.get(table);
  if (!byRegion) resolved.set(table, (byRegion = new Map()));
  let prices = byRegion.get(region);
  if (!prices) byRegion.set(region, (prices = resolvePrices(table, region)));
  return prices;
}

/**
 * The last cost worked out for each session object: the row's cell and the totals strip ask for
 * the same session at the same moment, so the second asks for nothing new.
 */
const lastCost = new WeakMap<Session, { table: PriceTable; now: number; cost: SessionCost }>();

/** A session's cost at its own region's prices (the region is in its name). */
export function costOf(session: Session, table: PriceTable, now: number): SessionCost {
  const last = lastCost.get(session);
  if (last && last.table === table && last.now === now) return last.cost;
  const region = placeOf(session.name ?? '')?.location ?? table.fallbackRegion;
  const cost = sessionCost(session, pricesIn(table, region), now);
  lastCost.set(session, { table, now, cost });
  return cost;
}

export interface ListTotals {
  perHour: number;
  soFar: number;
  /** Rows with a rate now (sessions reporting `currentUsage`). */
  running: number;
  /** Rows whose cost so far is an estimate (rate now × time active, no `approximateUsage` yet). */
  estimated: number;
  /** Rows with usage the table has no price for (accelerators in the built-in table): not in the sums. */
  withUnpriced: number;
  currency: string;
}

/** Money per hour now and cost so far, summed over the rows the API returned. */
export function listTotals(sessions: readonly Session[], table: PriceTable, now: number): ListTotals {
  const totals: ListTotals = {
    perHour: 0,
    soFar: 0,
    running: 0,
    estimated: 0,
    withUnpriced: 0,
    currency: table.currency,
  };
  for (const session of sessions) {
    const cost = costOf(session, table, now);
    totals.soFar += cost.soFar.amount;
    if (cost.soFar.source === 'currentUsage') totals.estimated++;
    if (unpricedOf(cost).length) totals.withUnpriced++;
    if (cost.rate) {
      totals.perHour += cost.rate.perHour;
      totals.running++;
    }
  }
  return totals;
}

/** What the totals cover: all matching sessions, or this page and which pages are left out. */
export function totalsScope(rows: number, page: number, hasMore: boolean, filter: string): string {
  const count = `${rows} session${rows === 1 ? '' : 's'}`;
  if (page === 1 && !hasMore) return `All ${count}${filter ? ' matching the filter' : ''}`;
  const left = [page > 1 ? 'earlier pages' : '', hasMore ? 'the pages after it (not loaded)' : ''];
  return `The ${count} on this page; not counted: ${left.filter(Boolean).join(', ')}`;
}
