import { styled } from '@mui/material/styles';
import { Suspense, lazy, memo, useContext, useEffect, useMemo, useRef, type Ref } from 'react';
import { Cells, HeaderRow, RowLink, Table, type Column } from '../../../components/data-table';
import { paths } from '../../../lib/paths';
import { formatDateTime, formatRelative, formatSeconds } from '../../../lib/format';
import { useTimeZone, type TimeZoneSetting } from '../../../lib/time-zone';
import { idOf } from '../../../schemas/names';
import type { ListSort, SortKey } from '../../../schemas/session-list-view';
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
  sort?: ListSort;
  onSort: (key: SortKey) => void;
}

const SORT_WORDS: Record<SortKey, [ascending: string, descending: string]> = {
  created: ['oldest first', 'newest first'],
  state: ['Creating first', 'Failed first'],
  id: ['A to Z', 'Z to A'],
};

/** A column header that sorts the page by its column; its name says the order it is in. */
function sortHeader(key: SortKey, title: string) {
  return function SortHeader({ sort, onSort }: HeadContext) {
    const active = sort?.key === key;
    return (
      <SortButton
        type="button"
        onClick={() => onSort(key)}
        aria-label={
          active
            ? `${title}: sorted ${SORT_WORDS[key][sort.descending ? 1 : 0]} within this page; change the order`
            : `Sort by ${title} within this page`
        }
        data-sorted={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        {title}
        {/* Only the sorted column carries an arrow: the others' room goes to the labels. */}
        {active && <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span>}
      </SortButton>
    );
  };
}

const SortButton = styled('button')(({ theme }) => ({
  font: 'inherit',
  fontWeight: 500,
  color: theme.palette.text.primary,
  background: 'none',
  border: 0,
  padding: '2px 0',
  textDecoration: 'underline dotted',
  textUnderlineOffset: 3,
  cursor: 'pointer',
  whiteSpace: 'nowrap',
  '& span': { color: theme.palette.text.secondary },
  '&[data-sorted] span': { color: theme.palette.primary.main },
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
}));

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
    header: sortHeader('id', 'Session ID'),
    rowHeader: true,
    cell: (session) => (
      <RowLink to={paths.session(session.name!)} style={{ fontWeight: 500 }}>
        {idOf(session.name)}
      </RowLink>
    ),
  },
  {
    id: 'state',
    header: sortHeader('state', 'State'),
    className: 'nowrap',
    cell: (session) => <SessionStateChip state={session.state} />,
  },
  { id: 'type', header: 'Type', className: 'nowrap', cell: (session) => sessionKind(session) },
  {
    id: 'creator',
    header: 'Creator',
    className: 'truncate',
    // Long addresses are cut short; the whole address stays in the title and the text.
    cell: (session) => <span title={session.creator}>{session.creator}</span>,
  },
  {
    id: 'created',
    className: 'nowrap',
    header: sortHeader('created', 'Created'),
    cell: (session, { now, zone }) => (
      <time dateTime={session.createTime} title={formatDateTime(session.createTime, zone)}>
        {formatRelative(session.createTime, now)}
        {/* The absolute time too where there is room (wide screens); the title has it everywhere. The
            space keeps the two apart in the text a screen reader or a copy reads. */}{' '}
        <span className="wide-only">{formatDateTime(session.createTime, zone)}</span>
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
    className: 'truncate',
    cell: (session) =>
      session.sessionTemplate && (
        <RowLink to={paths.template(session.sessionTemplate)} title={idOf(session.sessionTemplate)}>
          {idOf(session.sessionTemplate)}
        </RowLink>
      ),
  },
  {
    id: 'labels',
    header: 'Labels',
    className: 'labels',
    // Chips wrap inside the cell rather than widen the table past its box (where they were cut).
    cell: (session, { onLabel }) => (
      <LabelChips labels={session.labels} onSelect={onLabel} maxChipWidth="16em" />
    ),
  },
];

/**
 * The sessions table, denser than the shared one: eight or more rows fit under the filters at
 * 1280×720. Creator and template are cut short (title and text keep them); labels get the room.
 */
const SessionsGrid = styled(Table)(({ theme }) => ({
  // 6 px a side, not 8: eleven columns at 1280 px were 6 to 13 px wider than the box (the cost cut off).
  '& th, & td': { padding: '4px 6px' },
  '& thead th': { whiteSpace: 'nowrap' },
  '& .truncate': { maxWidth: '6em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .labels': { minWidth: '14em' },
  '& .labels button': { fontSize: '0.75rem', padding: '0 6px' },
  '& .wide-only': { display: 'none' },
  // Under the relative time, not beside it: on one line the column took ~350 px and pushed the
  // cost column out of a 1440 px window.
  '@media (min-width: 1400px)': {
    '& .wide-only': { display: 'block', fontSize: '0.75rem', color: theme.palette.text.secondary },
  },
}));

/** Rows are not re-rendered when a row's header context changes. */
const NO_HEAD: HeadContext = { all: false, selectAll: null, onToggleAll: () => {}, onSort: () => {} };

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
  sort,
  onSort,
}: {
  sessions: Session[];
  selected: ReadonlySet<string>;
  now: number;
  onToggle: (name: string) => void;
  onToggleAll: () => void;
  onLabel: (key: string, value: string) => void;
  sort?: ListSort;
  onSort: (key: SortKey) => void;
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
    <div style={{ overflowX: 'auto' }} data-testid="sessions-scroll">
      <SessionsGrid aria-label="Sessions">
        <thead>
          <HeaderRow
            columns={columns}
            context={{
              all,
              selectAll,
              onToggleAll,
              sort,
              onSort,
              now,
              zone,
              selected: false,
              onToggle,
              onLabel,
            }}
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
      </SessionsGrid>
    </div>
  );
}
