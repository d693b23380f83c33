import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Column } from '../../../components/data-table';
import type { SessionTotalsProps } from '../../../components/session-list-slots';
import type { PriceTable } from '../../../schemas/prices';
import type { Session } from '../../../schemas/wire';
import { pricesQuery } from '../api/prices-query';
import { unpricedOf } from '../../../lib/cost/session-cost';
import { costOf, listTotals, totalsScope } from '../list-totals';
import { formatMoney } from './money';

const PRICES_HASH = hashKey(pricesQuery.queryKey);

/**
 * The price table as the cache holds it, without a query observer per cell (50 of them were a
 * measurable part of rendering a page of rows): the column's header observes the query, which
 * fetches it; each cell only reads it and re-renders when it changes.
 */
function useCachedPriceTable(): PriceTable | undefined {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.query.queryHash === PRICES_HASH) onChange();
      }),
    [client],
  );
  // By the query's hash, computed once: getQueryData would hash the key on every read.
  const read = () => client.getQueryCache().get<PriceTable>(PRICES_HASH)?.state.data;
  return useSyncExternalStore(subscribe, read, read);
}

/** The column's header: it keeps the price table asked for (and fresh) for the cells below it. */
function CostHeader() {
  useQuery(pricesQuery);
  return 'Cost';
}

function CostSoFarCell({ session, now }: { session: Session; now: number }) {
  const table = useCachedPriceTable();
  if (!table) return null;
  const cost = costOf(session, table, now);
  if (cost.soFar.source === 'none') return <span title={cost.soFar.computedFrom}>—</span>;
  // An estimate (rate now × time active, before the API's total exists) is marked as such.
  const estimated = cost.soFar.source === 'currentUsage';
  const unpriced = unpricedOf(cost);
  // The cost's own line names what it could not price; the rate's may name more.
  const rateOnly = unpriced.filter((u) => !cost.soFar.unpriced.includes(u));
  return (
    <span
      title={`${cost.soFar.computedFrom}${rateOnly.length ? `; not priced now: ${rateOnly.join(', ')}` : ''}`}
      data-testid="cost-cell"
    >
      {estimated ? '≈ ' : ''}
      {formatMoney(cost.soFar.amount, cost.soFar.currency)}
      {/* Text, not a colour or an icon alone: the amount leaves something out. */}
      {unpriced.length ? ' + unpriced' : ''}
    </span>
  );
}

/** The session list's "Cost so far" column (the API's usage × the region's price). */
export const COST_COLUMNS: ReadonlyArray<Column<Session, { now: number }>> = [
  {
    id: 'costSoFar',
    header: () => <CostHeader />,
    className: 'nowrap',
    cell: (session, { now }) => <CostSoFarCell session={session} now={now} />,
  },
];

/**
 * Totals of the rows the API returned for the current filter: money per hour now and cost so far.
 * When there are more pages, it says the totals cover this page only.
 */
export function SessionListTotals({ sessions, page, hasMore, filter, now }: SessionTotalsProps) {
  const { data: table } = useQuery(pricesQuery);
  const totals = useMemo(
    () => (table ? listTotals(sessions, table, now) : undefined),
    [sessions, table, now],
  );
  if (!totals || sessions.length === 0) return null;
  const scope = totalsScope(sessions.length, page, hasMore, filter);
  return (
    <Box
      component="section"
      aria-label="Cost totals"
      data-testid="cost-totals"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, columnGap: 2, mb: 0.5 }}
    >
      <Typography variant="body2">
        <strong>Rate now:</strong>{' '}
        <span data-testid="total-rate">{formatMoney(totals.perHour, totals.currency)}/h</span> (
        {totals.running} reporting usage)
      </Typography>
      <Typography variant="body2">
        <strong>Cost so far:</strong>{' '}
        <span data-testid="total-so-far">{formatMoney(totals.soFar, totals.currency)}</span>
        {totals.estimated ? ` (${totals.estimated} estimated from the rate now)` : ''}
      </Typography>
      {totals.withUnpriced > 0 && (
        <Typography variant="body2" data-testid="total-unpriced">
          Not counted: accelerators or other usage without a price in the table, in {totals.withUnpriced}{' '}
          session{totals.withUnpriced === 1 ? '' : 's'}.
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" data-testid="total-scope">
        {scope}; computed from the rows the API returned.
      </Typography>
    </Box>
  );
}
