import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { safeHref } from '../../../lib/safe-url';
import type { PriceTable } from '../../../schemas/prices';
import { num, projectSessionCost, sessionCost, sessionTimes, unpricedOf } from '../../../lib/cost';
import { formatDateTime } from '../../../lib/format';
import type { Session } from '../../../schemas/wire';
import { pricesQuery, useRegionPrices } from '../api/prices-query';
import { useObservedUsage } from '../usage/observed-usage';
import { executorSteps, jobMarks, type SparkUsageInput } from '../usage/usage-series';
import { formatMoney } from './money';
import { UsageChart } from './usage-chart';

function Figure({
  label,
  value,
  how,
  testId,
}: {
  label: string;
  value: ReactNode;
  how: string;
  testId: string;
}) {
  return (
    <Box component="div" data-testid={testId} sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontSize: 18, fontWeight: 500 }} data-testid={`${testId}-value`}>
        {value}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        color="text.secondary"
        sx={{ m: 0, overflowWrap: 'anywhere', fontSize: 12 }}
        data-testid={`${testId}-how`}
      >
        How: {how}
      </Typography>
    </Box>
  );
}

/** The latest moment Spark was busy: now while a job runs, else the latest job end. */
function lastSparkActivity(jobs: SparkUsageInput['jobs'] | undefined, now: number): number | undefined {
  let latest: number | undefined;
  for (const job of jobs ?? []) {
    if (!job.submissionTime) continue;
    const end = job.completionTime ? Date.parse(job.completionTime) : now;
    if (Number.isFinite(end)) latest = Math.max(latest ?? end, end);
  }
  return latest;
}

/** Where the prices come from and when they were read (the table's own words, as text). */
function PriceSource({ source }: { source: PriceTable['source'] }) {
  const href = safeHref(source.url);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
      Price table: {href ? <Link href={href}>{source.url}</Link> : source.url}, read {source.date}
      {source.note ? `. ${source.note}` : ''}
    </Typography>
  );
}

/**
 * The session's money: rate now, cost so far, the most it will cost by its TTL and what it costs
 * if the idle TTL ends it; after the end, the final cost. Every figure says what it is computed
 * from (the API's usage field × the price, tier, minimums). `spark` is the Spark API's executors
 * and jobs, passed in by the page (this feature does not read the Spark feature).
 */
export function CostPanel({
  session,
  region,
  now,
  spark,
}: {
  session: Session;
  region: string;
  now: number;
  spark?: SparkUsageInput | undefined;
}) {
  const { prices, error } = useRegionPrices(region);
  const { data: table } = useQuery(pricesQuery);
  const samples = useObservedUsage(session, now);
  const times = sessionTimes(session);
  const body = (() => {
    if (error) return <Alert severity="warning">Could not read the price table: {error.message}</Alert>;
    if (!prices) return <Typography color="text.secondary">Reading the price table…</Typography>;
    const cost = sessionCost(session, prices, now);
    const projection = cost.rate
      ? projectSessionCost({
          costSoFar: cost.soFar.amount,
          ratePerHour: cost.rate.perHour,
          currency: prices.currency,
          now,
          times,
          ...(lastSparkActivity(spark?.jobs, now) !== undefined
            ? { lastActivity: lastSparkActivity(spark?.jobs, now)! }
            : {}),
        })
      : {};
    const currency = prices.currency;
    return (
      <>
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gap: 1.5,
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
          }}
        >
          {cost.ended ? (
            <Figure
              label="Final cost"
              testId="cost-final"
              value={formatMoney(cost.soFar.amount, currency)}
              how={cost.soFar.computedFrom}
            />
          ) : (
            <>
              <Figure
                label="Rate now"
                testId="cost-rate"
                value={
                  cost.rate
                    ? `${formatMoney(cost.rate.perHour, currency)}/h · ${num(cost.rate.dcu, 3)} DCU`
                    : 'Not reported'
                }
                how={
                  cost.rate
                    ? cost.rate.computedFrom
                    : 'the API reports currentUsage only while the session runs'
                }
              />
              <Figure
                label="Cost so far"
                testId="cost-so-far"
                value={formatMoney(cost.soFar.amount, currency)}
                how={cost.soFar.computedFrom}
              />
              {projection.byTtl && (
                <Figure
                  label={`At most, by its TTL (${formatDateTime(new Date(projection.byTtl.endsAt).toISOString())})`}
                  testId="cost-by-ttl"
                  value={formatMoney(projection.byTtl.amount, currency)}
                  how={projection.byTtl.computedFrom}
                />
              )}
              {projection.untilIdleTtl && (
                <Figure
                  label={`If idle from now (ends ${formatDateTime(new Date(projection.untilIdleTtl.endsAt).toISOString())})`}
                  testId="cost-idle-ttl"
                  value={formatMoney(projection.untilIdleTtl.amount, currency)}
                  how={`${projection.untilIdleTtl.computedFrom}${
                    spark?.jobs.length
                      ? ' (last activity: the latest Spark job)'
                      : ' (no Spark job seen: idle since it became active)'
                  }`}
                />
              )}
            </>
          )}
        </Box>
        {unpricedOf(cost).length > 0 && (
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="cost-unpriced">
            Not in these figures (no price in the table): {unpricedOf(cost).join(', ')}. The built-in table
            has no accelerator prices; a table given with --prices can add them (acceleratorHour).
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Prices: {prices.priceRegion}
          {prices.basis === 'regional' ? '' : ` (${prices.basis} — no price for ${region} in the table)`},
          premium tier (interactive sessions). Not counted: taxes, network egress, storage outside shuffle.
        </Typography>
        {table && <PriceSource source={table.source} />}
      </>
    );
  })();
  const end = times.endedAt ?? now;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="cost-title" sx={{ p: 2, minWidth: 0 }}>
      <Typography id="cost-title" variant="h6" component="h2" gutterBottom>
        Cost
      </Typography>
      {body}
      {times.activeSince !== undefined && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h3" gutterBottom>
            Usage over time
          </Typography>
          <UsageChart
            from={times.activeSince}
            to={end}
            samples={samples}
            steps={executorSteps(spark?.executors ?? [])}
            jobs={jobMarks(spark?.jobs ?? [])}
            sparkKnown={spark !== undefined}
          />
        </Box>
      )}
    </Paper>
  );
}
