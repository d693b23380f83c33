import { Suspense, lazy, memo, useContext, useEffect, useMemo, useRef, type Ref } from 'react';
import { Cells, HeaderRow, RowLink, Table, type Column } from '../../../components/data-table';
import { paths } from '../../../lib/paths';
import { formatDateTime, formatRelative, formatSeconds } from '../../../lib/format';
import { useTimeZone, type TimeZoneSetting } from '../../../lib/time-zone';
import { idOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { expiresIn } from '../lifetime';
import { isTerminal, sessionKind } from '../../../lib/session-state';
import { LabelChips } from '../../../components/label-chips';
import { SessionStateChip } from '../../../components/session-state-chip';
import { SessionListSlotsContext } from '../../../components/session-list-slots';

/** How long it has run (live) or ran (ended), from creation to now or to its end. */
export function runTime(session: Session, now: number): number | undefined {
  const start = Date.parse(session.createTime ?? '');
  if (Number.isNaN(start)) return undefined;
  const end = isTerminal(session.state) ? Date.parse(session.stateTime ?? '') : now;
  return (end - start) / 1000;
}

/** What the cells need besides the session: the clock, the selection and the actions. */
interface RowContext {
  now: number;
  /** Rows are memoized: the zone is part of their props so a new setting redraws their times. */
  zone: TimeZoneSetting;
  selected: boolean;
  onToggle: (name: string) => void;
  onLabel: (key: string, value: string) => void;
}

interface HeadContext {
  all: boolean;
  selectAll: Ref<HTMLInputElement>;
  onToggleAll: () => void;
}

type SessionColumn = Column<Session, RowContext & HeadContext>;

const COLUMNS: SessionColumn[] = [
  {
    id: 'select',
    className: 'checkbox-cell',
    header: ({ all, selectAll, onToggleAll }) => (
      <input
        ref={selectAll}
        type="checkbox"
        checked={all}
        onChange={onToggleAll}
        aria-label="Select all sessions on this page"
      />
    ),
    cell: (session, { selected, onToggle }) => (
      <input
        type="checkbox"
        checked={selected}
        onChange={() => onToggle(session.name!)}
        aria-label={`Select ${idOf(session.name)}`}
      />
    ),
  },
  {
    id: 'id',
    header: 'Session ID',
    rowHeader: true,
    cell: (session) => (
      <RowLink to={paths.session(session.name!)} style={{ fontWeight: 500 }}>
        {idOf(session.name)}
      </RowLink>
    ),
  },
  {
    id: 'state',
    header: 'State',
    className: 'nowrap',
    cell: (session) => <SessionStateChip state={session.state} />,
  },
  { id: 'type', header: 'Type', className: 'nowrap', cell: (session) => sessionKind(session) },
  { id: 'creator', header: 'Creator', className: 'nowrap', cell: (session) => session.creator },
  {
    id: 'created',
    className: 'nowrap',
    header: 'Created',
    cell: (session, { now, zone }) => (
      <time dateTime={session.createTime} title={formatDateTime(session.createTime, zone)}>
        {formatRelative(session.createTime, now)}
      </time>
    ),
  },
  {
    id: 'runTime',
    className: 'nowrap',
    header: 'Run time',
    cell: (session, { now }) => {
      const seconds = runTime(session, now);
      return seconds === undefined ? '' : formatSeconds(seconds);
    },
  },
  {
    id: 'expires',
    className: 'nowrap',
    header: 'Expires',
    cell: (session, { now }) => expiresIn(session, now),
  },
  {
    id: 'template',
    header: 'Template',
    cell: (session) =>
      session.sessionTemplate && (
        <RowLink to={paths.template(session.sessionTemplate)}>{idOf(session.sessionTemplate)}</RowLink>
      ),
  },
  {
    id: 'labels',
    header: 'Labels',
    cell: (session, { onLabel }) => (
      <LabelChips labels={session.labels} onSelect={onLabel} maxChipWidth="16em" />
    ),
  },
];

/** Rows are not re-rendered when a row's header context changes. */
const NO_HEAD: HeadContext = { all: false, selectAll: null, onToggleAll: () => {} };

interface RowProps extends RowContext {
  columns: SessionColumn[];
  session: Session;
  index: number;
  rowRef?: Ref<HTMLTableRowElement>;
}

const SessionRow = memo(function SessionRow({ columns, session, index, rowRef, ...context }: RowProps) {
  return (
    <tr
      aria-selected={context.selected}
      data-testid="session-row"
      data-session={idOf(session.name)}
      data-index={index}
      ref={rowRef}
    >
      <Cells columns={columns} row={session} context={{ ...context, ...NO_HEAD }} />
    </tr>
  );
});

/** Above this many rows only the rows on screen are rendered, so a 1,000-row page stays fluid. */
const VIRTUALIZE_ABOVE = 100;
const VirtualRows = lazy(() => import('../../../components/virtual-rows'));

export function SessionsTable({
  sessions,
  selected,
  now,
  onToggle,
  onToggleAll,
  onLabel,
}: {
  sessions: Session[];
  selected: ReadonlySet<string>;
  now: number;
  onToggle: (name: string) => void;
  onToggleAll: () => void;
  onLabel: (key: string, value: string) => void;
}) {
  const zone = useTimeZone();
  // Columns other features add (the app provides them), after the sessions feature's own.
  const extra = useContext(SessionListSlotsContext).columns;
  const columns = useMemo<SessionColumn[]>(() => [...COLUMNS, ...extra], [extra]);
  const virtual = sessions.length > VIRTUALIZE_ABOVE;
  const row = (index: number, rowRef?: Ref<HTMLTableRowElement>) => {
    const session = sessions[index]!;
    return (
      <SessionRow
        key={session.name}
        columns={columns}
        index={index}
        rowRef={rowRef}
        session={session}
        selected={selected.has(session.name!)}
        now={now}
        zone={zone}
        onToggle={onToggle}
        onLabel={onLabel}
      />
    );
  };
  const all = sessions.length > 0 && sessions.every((s) => selected.has(s.name!));
  const some = sessions.some((s) => selected.has(s.name!));
  // "Indeterminate" exists only as a DOM property, not an attribute.
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table aria-label="Sessions">
        <thead>
          <HeaderRow
            columns={columns}
            context={{ all, selectAll, onToggleAll, now, zone, selected: false, onToggle, onLabel }}
          />
        </thead>
        <tbody>
          {virtual ? (
            <Suspense fallback={sessions.slice(0, 30).map((_, index) => row(index))}>
              <VirtualRows count={sessions.length} renderRow={row} />
            </Suspense>
          ) : (
            sessions.map((_, index) => row(index))
          )}
        </tbody>
      </Table>
    </div>
  );
}
