import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { DeclaredTable, RowLink, useSortedRows, type Column } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { PageFrame } from '../../../components/page-frame';
import { SLOW_POLL_MS } from '../../../lib/session-state';
import { formatSeconds } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { paths, routes } from '../../../schemas/console-routes';
import { idOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { fleetQuery, jobActivity } from '../api/fleet-api';
import { pricesQuery } from '../api/prices-query';
import { detectIdle, fanOutRegions, type IdleCandidate, type IdleSession } from '../model';
import { CommitField, ScrollBox } from './fleet-figures';
import { formatMoney } from './money';
import { idleMinutesProblem } from './idle-minutes';

/** Job activity is read at most this often: three Spark calls per ACTIVE session, well inside quota. */
const ACTIVITY_POLL_MS = SLOW_POLL_MS * 3;

function endsText(idle: IdleSession, now: number): string {
  if (idle.overdue)
    return `its ${idle.endsBy} end passed ${formatSeconds((now - idle.endsAt) / 1000)} ago: the service saw activity the jobs API does not show`;
  return `${idle.endsBy} ends it in ${formatSeconds((idle.endsAt - now) / 1000)}`;
}

interface IdleContext {
  now: number;
  currency: string;
  selected: ReadonlySet<string>;
  toggle: (name: string) => void;
  allSelected: boolean;
  toggleAll: () => void;
}

/** Every idle session is on screen at once, so the figures sort by column. */
const IDLE_COLUMNS: Column<IdleSession, IdleContext>[] = [
  {
    id: 'select',
    className: 'checkbox-cell',
    header: (c) => (
      <input
        type="checkbox"
        aria-label="Select all idle sessions"
        checked={c.allSelected}
        onChange={c.toggleAll}
      />
    ),
    cell: (i, c) => (
      <input
        type="checkbox"
        aria-label={`Select ${idOf(i.session.name!)}`}
        checked={c.selected.has(i.session.name!)}
        onChange={() => c.toggle(i.session.name!)}
      />
    ),
  },
  {
    id: 'session',
    header: 'Session',
    rowHeader: true,
    cell: (i) => <RowLink to={paths.session(i.session.name!)}>{idOf(i.session.name!)}</RowLink>,
    sortValue: (i) => idOf(i.session.name!),
  },
  { id: 'region', header: 'Region', className: 'nowrap', cell: (i) => i.region, sortValue: (i) => i.region },
  {
    id: 'idle-for',
    header: 'Idle for',
    // On a phone the table is as narrow as its words allow: without a measure the figure and its
    // note stood one word a line.
    className: 'prose',
    cell: (i) => (
      <>
        <span className="nowrap">{formatSeconds(i.idleSeconds)}</span>
        <Typography variant="caption" component="div" color="text.secondary">
          {i.neverRanJob ? 'never ran a job' : 'since its latest job ended'}
        </Typography>
      </>
    ),
    sortValue: (i) => i.idleSeconds,
  },
  {
    id: 'rate',
    header: 'Rate now',
    className: 'nowrap',
    cell: (i, c) => `${formatMoney(i.ratePerHour, c.currency)}/h`,
    sortValue: (i) => i.ratePerHour,
  },
  {
    id: 'idle-cost',
    header: 'Idle cost',
    className: 'nowrap',
    // The computation behind the figure, on hover (the README's "How:" line for this table).
    cell: (i, c) => <span title={i.computedFrom}>{formatMoney(i.idleCost, c.currency)}</span>,
    sortValue: (i) => i.idleCost,
  },
  {
    id: 'ends',
    header: 'Ends',
    className: 'prose',
    cell: (i, c) => endsText(i, c.now),
    sortValue: (i) => i.endsAt,
  },
  {
    id: 'suggestion',
    header: 'Suggested idle TTL',
    className: 'prose',
    cell: (i) =>
      i.suggestion ? (
        <>
          {formatSeconds(i.suggestion.idleTtlSeconds)} (now {formatSeconds(i.idleTtlSeconds)})
          <Typography variant="caption" component="div" color="text.secondary">
            {i.suggestion.text}
          </Typography>
        </>
      ) : (
        `keep ${formatSeconds(i.idleTtlSeconds)}`
      ),
  },
];

/**
 * ACTIVE sessions in every region with no Spark job running for N minutes: idle time, what the
 * idle time cost, when the idle TTL ends it, a shorter idle TTL for its template; select and
 * terminate with the sessions feature's bulk flow (handed in by the route).
 */
export function IdlePage({
  project,
  minutes,
  onMinutesChange,
  renderBulkActions,
}: {
  project: string;
  minutes: number;
  onMinutesChange: (minutes: number) => void;
  renderBulkActions: (selected: Session[], onDone: (names: string[]) => void) => ReactNode;
}) {
  const fleet = useQuery(fleetQuery(project));
  const prices = useQuery(pricesQuery);
  const browserNow = useNow(5_000);
  const active = useMemo(
    () =>
      (fleet.data?.results ?? []).flatMap((r) =>
        r.ok
          ? r.value.sessions
              .filter((s) => s.state === 'ACTIVE' && s.name)
              .map((session) => ({ region: r.region, session }))
          : [],
      ),
    [fleet.data],
  );
  const names = useMemo(() => active.map((a) => a.session.name!).sort(), [active]);
  const activity = useQuery({
    queryKey: ['costs', 'idle-activity', project, names],
    queryFn: ({ signal }) =>
      fanOutRegions(names, (name, s) => jobActivity(name, s), { concurrency: 6, signal }),
    enabled: fleet.isSuccess,
    placeholderData: keepPreviousData,
    refetchInterval: ACTIVITY_POLL_MS,
  });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const now = browserNow + (fleet.data?.clockAheadMs ?? 0);
  const { idle, unchecked } = useMemo(() => {
    if (!activity.data || !prices.data) return { idle: [], unchecked: [] };
    const byName = new Map(activity.data.map((r) => [r.region, r]));
    const candidates: IdleCandidate[] = [];
    const failed: { name: string; message: string }[] = [];
    for (const { region, session } of active) {
      const read = byName.get(session.name!);
      if (!read) continue; // listed since the activity was read: checked at the next read
      if (read.ok) candidates.push({ region, session, ...read.value });
      else failed.push({ name: session.name!, message: read.message });
    }
    return {
      idle: detectIdle(candidates, { now, thresholdMinutes: minutes, prices: prices.data }),
      unchecked: failed,
    };
  }, [activity.data, prices.data, active, now, minutes]);

  const { sorted: sortedIdle, sort, onSort } = useSortedRows(idle, IDLE_COLUMNS);

  const breadcrumbs = [
    { label: project },
    { label: 'Costs', to: routes.fleet.href({ project }) },
    { label: 'Idle' },
  ];
  const actions = (
    <Button component={RouterLink} to={routes.fleet.href({ project })} variant="outlined">
      Fleet
    </Button>
  );
  const loadError = prices.error ?? fleet.error ?? (activity.data ? undefined : activity.error);
  if (loadError)
    return (
      <PageFrame title="Idle sessions" breadcrumbs={breadcrumbs} actions={actions}>
        <ErrorPanel error={loadError} what="the idle sessions" onRetry={() => void fleet.refetch()} />
      </PageFrame>
    );

  const selectedIdle = idle.filter((i) => selected.has(i.session.name!));
  const toggle = (name: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const allSelected = idle.length > 0 && selectedIdle.length === idle.length;
  const currency = prices.data?.currency ?? '';
  const failedRegions = (fleet.data?.results ?? []).filter((r) => !r.ok);
  const ready = activity.data && prices.data;

  return (
    <PageFrame title="Idle sessions" breadcrumbs={breadcrumbs} actions={actions}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        ACTIVE sessions of {project} in every region with no Spark job running and none ended for at least N
        minutes, from the Spark jobs API (the latest job’s end; a session that never ran a job counts from
        when it became ACTIVE). Idle cost is the rate now × the idle time.
      </Typography>
      <CommitField
        label="Idle for at least (minutes)"
        numeric
        value={String(minutes)}
        problemOf={idleMinutesProblem}
        hint="No Spark job running and none ended in this time."
        onCommit={(text) => onMinutesChange(Number(text))}
      />
      {failedRegions.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Not checked, the region did not answer:{' '}
          {failedRegions.map((r) => `${r.region} (${r.ok ? '' : r.message})`).join('; ')}
        </Alert>
      )}
      {unchecked.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Jobs could not be read for {unchecked.length} session(s), so they are not judged:{' '}
          {unchecked.map((u) => `${idOf(u.name)} (${u.message})`).join('; ')}
        </Alert>
      )}
      {!ready ? (
        <Typography role="status">Reading every region’s sessions and their Spark jobs…</Typography>
      ) : (
        <>
          <Typography role="status" sx={{ mb: 1 }}>
            {idle.length === 0
              ? `No session has been idle for ${minutes} minutes (of ${active.length} ACTIVE).`
              : `${idle.length} of ${active.length} ACTIVE sessions idle for at least ${minutes} minutes, costing ${formatMoney(
                  idle.reduce((sum, i) => sum + i.ratePerHour, 0),
                  currency,
                )}/h now; their idle time cost ${formatMoney(
                  idle.reduce((sum, i) => sum + i.idleCost, 0),
                  currency,
                )}.`}
          </Typography>
          {selectedIdle.length > 0 && (
            <Alert severity="info" sx={{ mb: 1 }}>
              Terminating the {selectedIdle.length} selected session(s) stops them now: their kernels stop and
              unsaved notebook state is lost; they stop billing{' '}
              {formatMoney(
                selectedIdle.reduce((sum, i) => sum + i.ratePerHour, 0),
                currency,
              )}
              /h. A terminated session cannot be restarted: create a new one.
            </Alert>
          )}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
            {renderBulkActions(
              selectedIdle.map((i) => i.session),
              () => {
                setSelected(new Set());
                void fleet.refetch();
              },
            )}
          </Box>
          {idle.length > 0 && (
            <ScrollBox label="Idle sessions">
              <DeclaredTable
                aria-label="Idle sessions"
                columns={IDLE_COLUMNS}
                rows={sortedIdle}
                context={{
                  now,
                  currency,
                  selected,
                  toggle,
                  allSelected,
                  toggleAll: () =>
                    setSelected(allSelected ? new Set() : new Set(idle.map((i) => i.session.name!))),
                }}
                rowKey={(i) => i.session.name!}
                rowProps={(i) => ({ 'aria-selected': selected.has(i.session.name!) })}
                sort={sort}
                onSort={onSort}
              />
            </ScrollBox>
          )}
        </>
      )}
    </PageFrame>
  );
}
