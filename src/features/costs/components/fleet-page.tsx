import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { PageFrame } from '../../../components/page-frame';
import { DeclaredTable, RowLink, useSortedRows, type Column } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { FAST_POLL_MS, SLOW_POLL_MS, isTransitional } from '../../../lib/session-state';
import { useNow } from '../../../lib/use-now';
import { paths, routes } from '../../../schemas/console-routes';
import { parseName } from '../../../schemas/names';
import { labelKeyProblem } from '../../../schemas/rules';
import type { ListSearch } from '../../../schemas/session-list-view';
import type { Session } from '../../../schemas/wire';
import { fleetQuery, type FleetData } from '../api/fleet-api';
import { pricesQuery } from '../api/prices-query';
import { NO_VALUE, summarizeFleet, type FleetGroup, type FleetSessionRow, type RegionResult } from '../model';
import { CommitField, Figures, ScrollBox, formatDcu } from './fleet-figures';
import { formatMoney } from './money';

type Dimension = 'state' | 'creator' | 'template' | 'label';

/**
 * The list search that shows a group's sessions in one region. The list filters by state and label
 * (and anything AIP-160 says over state, labels, IDs and create time); the API's filter has no
 * creator or template field, so those open the region's whole list.
 */
function groupSearch(dimension: Dimension, key: string, labelKey: string): Partial<ListSearch> {
  if (dimension === 'state') return { state: key };
  if (dimension === 'label')
    return key === NO_VALUE ? { filter: `NOT labels.${labelKey}:*` } : { label: [`${labelKey}=${key}`] };
  return {};
}

/**
 * A template group: its ID, linked to the template's page, over its region (the full resource name
 * is long enough to push the figures off a laptop screen). A value that is not a template's name
 * (none, or something the API returned that we cannot place) stays plain text.
 */
function templateKey(group: FleetGroup): ReactNode {
  const parts = group.key === NO_VALUE ? undefined : parseName(group.key);
  if (parts?.collection !== 'sessionTemplates') return group.key;
  return (
    <>
      <RowLink to={paths.template(group.key)}>{parts.id}</RowLink>
      <div className="sub">
        {parts.project}/{parts.location}
      </div>
    </>
  );
}

function regionCounts(rows: FleetSessionRow[], keyOf: (row: FleetSessionRow) => string) {
  const byKey = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const key = keyOf(row);
    const regions = byKey.get(key) ?? new Map<string, number>();
    regions.set(row.region, (regions.get(row.region) ?? 0) + 1);
    byKey.set(key, regions);
  }
  return byKey;
}

interface GroupContext {
  currency: string;
  renderKey: (group: FleetGroup) => ReactNode;
  renderRegions?: (group: FleetGroup) => ReactNode;
}

/** The group tables' columns; every group is on screen, so each figure sorts. */
function groupColumns(firstColumn: string, withRegions: boolean): Column<FleetGroup, GroupContext>[] {
  const columns: Column<FleetGroup, GroupContext>[] = [
    {
      id: 'key',
      header: firstColumn,
      rowHeader: true,
      // Names (template IDs, label values) wrap rather than widen the table past its box.
      className: 'key',
      cell: (g, c) => c.renderKey(g),
      sortValue: (g) => g.key,
    },
    { id: 'sessions', header: 'Sessions', cell: (g) => g.sessions, sortValue: (g) => g.sessions },
    { id: 'active', header: 'Active', cell: (g) => g.active, sortValue: (g) => g.active },
    {
      id: 'dcu',
      header: 'DCU now',
      className: 'nowrap',
      cell: (g) => formatDcu(g.dcuNow),
      sortValue: (g) => g.dcuNow,
    },
    {
      id: 'rate',
      header: 'Rate now',
      className: 'nowrap',
      cell: (g, c) => `${formatMoney(g.ratePerHour, c.currency)}/h`,
      sortValue: (g) => g.ratePerHour,
    },
    {
      id: 'today',
      header: 'Cost today',
      className: 'nowrap',
      cell: (g, c) => formatMoney(g.costToday, c.currency),
      sortValue: (g) => g.costToday,
    },
    {
      id: 'month',
      header: 'Cost this month',
      className: 'nowrap',
      cell: (g, c) => formatMoney(g.costThisMonth, c.currency),
      sortValue: (g) => g.costThisMonth,
    },
  ];
  if (withRegions)
    columns.push({
      id: 'regions',
      header: 'Lists by region',
      // Room for two region links side by side before they stack.
      className: 'wide',
      cell: (g, c) => c.renderRegions?.(g),
    });
  return columns;
}

function GroupTable({
  caption,
  groups,
  currency,
  firstColumn,
  renderKey,
  renderRegions,
}: {
  caption: string;
  groups: FleetGroup[];
  currency: string;
  firstColumn: string;
  renderKey: (group: FleetGroup) => ReactNode;
  renderRegions?: (group: FleetGroup) => ReactNode;
}) {
  const withRegions = Boolean(renderRegions);
  const columns = useMemo(() => groupColumns(firstColumn, withRegions), [firstColumn, withRegions]);
  const { sorted, sort, onSort } = useSortedRows(groups, columns);
  return (
    <ScrollBox label={caption}>
      <DeclaredTable
        caption={
          <Typography component="span" variant="h6">
            {caption}
          </Typography>
        }
        columns={columns}
        rows={sorted}
        context={{ currency, renderKey, renderRegions }}
        rowKey={(g) => g.key}
        sort={sort}
        onSort={onSort}
      />
    </ScrollBox>
  );
}

function toSessionResults(data: FleetData): RegionResult<Session[]>[] {
  return data.results.map((r) => (r.ok ? { ...r, value: r.value.sessions } : r));
}

/**
 * Every Dataproc region of a project at once: totals by region, state, creator, template and a
 * chosen label; regions that fail are listed beside those that answered, never failing the page.
 */
export function FleetPage({
  project,
  labelKey,
  onLabelKeyChange,
}: {
  project: string;
  labelKey: string;
  onLabelKeyChange: (key: string) => void;
}) {
  const fleet = useQuery(fleetQuery(project));
  const prices = useQuery(pricesQuery);
  // Cost today and so far move with time: re-summed every 10 s (the list refresh's slow pace).
  const browserNow = useNow(10_000);
  const data = fleet.data;
  const summary = useMemo(
    () =>
      data && prices.data
        ? summarizeFleet(toSessionResults(data), {
            now: browserNow + data.clockAheadMs,
            prices: prices.data,
            ...(labelKey ? { labelKey } : {}),
          })
        : undefined,
    [data, prices.data, browserNow, labelKey],
  );

  const breadcrumbs = [{ label: project }, { label: 'Costs' }];
  const actions = (
    <>
      <Button component={RouterLink} to={routes.idle.href({ project })} variant="outlined">
        Idle sessions
      </Button>
      <Button onClick={() => void fleet.refetch()} disabled={fleet.isFetching}>
        {fleet.isFetching ? 'Refreshing…' : 'Refresh'}
      </Button>
    </>
  );

  if (prices.error || (!data && fleet.error)) {
    return (
      <PageFrame title="Fleet" breadcrumbs={breadcrumbs} actions={actions}>
        <ErrorPanel
          error={prices.error ?? fleet.error}
          what={prices.error ? 'the price table' : 'the fleet'}
          onRetry={() => void (prices.error ? prices.refetch() : fleet.refetch())}
        />
      </PageFrame>
    );
  }
  if (!summary || !data) {
    return (
      <PageFrame title="Fleet" breadcrumbs={breadcrumbs} actions={actions}>
        <Typography role="status">Reading the sessions of every region…</Typography>
      </PageFrame>
    );
  }

  const { currency } = summary;
  const refreshMs = data.results.some((r) => r.ok && r.value.sessions.some((s) => isTransitional(s.state)))
    ? FAST_POLL_MS
    : SLOW_POLL_MS;
  const answered = data.results.filter((r) => r.ok).length;
  const truncated = data.results.filter((r) => r.ok && r.value.truncated).map((r) => r.region);
  const regionLinks = (dimension: Dimension, counts: Map<string, Map<string, number>>) => {
    const RegionList = (group: FleetGroup) => (
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {[...(counts.get(group.key) ?? [])].map(([region, n]) => (
          <li key={region}>
            <RowLink to={paths.sessions(project, region, groupSearch(dimension, group.key, labelKey))}>
              {region} ({n})
            </RowLink>
          </li>
        ))}
      </Box>
    );
    return RegionList;
  };
  /** A group table whose rows list, per region, the list filtered to that group. */
  const dimensionTable = (
    dimension: Dimension,
    caption: string,
    firstColumn: string,
    groups: FleetGroup[],
    keyOf: (row: FleetSessionRow) => string,
    renderKey: (group: FleetGroup) => ReactNode = (g) => g.key,
  ) => (
    <GroupTable
      caption={caption}
      firstColumn={firstColumn}
      groups={groups}
      currency={currency}
      renderKey={renderKey}
      renderRegions={regionLinks(dimension, regionCounts(summary.rows, keyOf))}
    />
  );

  return (
    <PageFrame title="Fleet" breadcrumbs={breadcrumbs} actions={actions}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Project {project}: {answered} of {data.regions.length} regions answered, in {data.requests} list
        calls. Refreshed every {refreshMs / 1000} seconds. Today is since 00:00 UTC, this month since the 1st,
        UTC: {summary.periods.rule}.
      </Typography>
      {summary.failedRegions.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="failed-regions">
          <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
            {summary.failedRegions.length} region{summary.failedRegions.length === 1 ? '' : 's'} did not
            answer; {summary.failedRegions.length === 1 ? 'its' : 'their'} sessions are in no figure below:
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {summary.failedRegions.map((f) => (
              <li key={f.region}>
                <RowLink to={paths.sessions(project, f.region)}>{f.region}</RowLink>: {f.message}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {truncated.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Only the newest 10,000 sessions of {truncated.join(', ')} were read; older ones are in no figure.
        </Alert>
      )}
      <Figures
        label="Totals over the regions that answered"
        items={[
          { name: 'Sessions', value: summary.totals.sessions },
          { name: 'Active', value: summary.totals.active },
          { name: 'DCU now', value: formatDcu(summary.totals.dcuNow) },
          { name: 'Rate now', value: `${formatMoney(summary.totals.ratePerHour, currency)}/h` },
          { name: 'Cost today', value: formatMoney(summary.totals.costToday, currency) },
          { name: 'Cost this month', value: formatMoney(summary.totals.costThisMonth, currency) },
        ]}
      />
      {summary.totals.priceAssumed > 0 && (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {summary.totals.priceAssumed} session(s) are in regions without their own prices in the table:
          priced as the fallback region (see the README, “What the money figures mean”).
        </Typography>
      )}
      {summary.totals.sessions === 0 && (
        <Typography sx={{ mb: 2 }}>No sessions in any region that answered.</Typography>
      )}
      <GroupTable
        caption="By region"
        firstColumn="Region"
        groups={summary.byRegion}
        currency={currency}
        renderKey={(g) => <RowLink to={paths.sessions(project, g.key)}>{g.key}</RowLink>}
      />
      {dimensionTable('state', 'By state', 'State', summary.byState, (r) => r.state)}
      <CommitField
        label="Group by label key"
        value={labelKey}
        problemOf={(text) => (text ? labelKeyProblem(text) : undefined)}
        hint="For example team or env; empty for none."
        onCommit={onLabelKeyChange}
      />
      {summary.byLabel &&
        dimensionTable(
          'label',
          `By label ${summary.byLabel.key}`,
          summary.byLabel.key,
          summary.byLabel.groups,
          (r) => r.label ?? NO_VALUE,
        )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The session list cannot filter by creator or template (the API’s filter has no such field): those
        links open the region’s whole list.
      </Typography>
      {dimensionTable('creator', 'By creator', 'Creator', summary.byCreator, (r) => r.creator)}
      {dimensionTable(
        'template',
        'By template',
        'Template',
        summary.byTemplate,
        (r) => r.template,
        templateKey,
      )}
    </PageFrame>
  );
}
