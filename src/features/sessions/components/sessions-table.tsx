import { styled } from '@mui/material/styles';
import { Suspense, lazy, memo, useEffect, useRef, type Ref } from 'react';
import { Link as RouterLink } from 'wouter';
import { paths } from '../../../lib/paths';
import { formatDateTime, formatRelative, formatSeconds } from '../../../lib/format';
import { idOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { isTerminal, sessionKind } from '../session-state';
import { LabelChips } from './label-chips';
import { SessionStateChip } from './session-state-chip';

/**
 * The sessions table is plain HTML styled once, not MUI's Table components: a page holds up to
 * 1,000 rows of nine cells, and per-cell components made the first paint and every refresh slow.
 */
const Table = styled('table')(({ theme }) => {
  const palette = theme.palette;
  return {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: '0.875rem',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'middle',
      padding: '6px 12px',
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& thead th': { fontWeight: 500, color: palette.text.primary },
    '& tbody th': { fontWeight: 400, whiteSpace: 'nowrap' },
    '& tbody tr:hover': { background: palette.action.hover },
    '& tbody tr[aria-selected="true"]': { background: palette.action.selected },
    '& .checkbox-cell': { width: 48, textAlign: 'center' },
    '& input[type="checkbox"]': {
      width: 18,
      height: 18,
      cursor: 'pointer',
      accentColor: palette.primary.main,
    },
  };
});

/** Links in rows: a router link styled once (MUI's Link is a Typography per link). */
const RowLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.primary.main,
  textDecorationColor: 'currentColor',
  textUnderlineOffset: 2,
}));

/** How long it has run (live) or ran (ended), from creation to now or to its end. */
export function runTime(session: Session, now: number): number | undefined {
  const start = Date.parse(session.createTime ?? '');
  if (Number.isNaN(start)) return undefined;
  const end = isTerminal(session.state) ? Date.parse(session.stateTime ?? '') : now;
  return (end - start) / 1000;
}

interface RowProps {
  session: Session;
  index: number;
  rowRef?: Ref<HTMLTableRowElement>;
  selected: boolean;
  now: number;
  onToggle: (name: string) => void;
  onLabel: (key: string, value: string) => void;
}

const SessionRow = memo(function SessionRow({
  session,
  index,
  rowRef,
  selected,
  now,
  onToggle,
  onLabel,
}: RowProps) {
  const id = idOf(session.name);
  const seconds = runTime(session, now);
  const templateId = session.sessionTemplate ? idOf(session.sessionTemplate) : undefined;
  return (
    <tr aria-selected={selected} data-testid="session-row" data-session={id} data-index={index} ref={rowRef}>
      <td className="checkbox-cell">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(session.name!)}
          aria-label={`Select ${id}`}
        />
      </td>
      <th scope="row">
        <RowLink to={paths.session(session.name!)} style={{ fontWeight: 500 }}>
          {id}
        </RowLink>
      </th>
      <td>
        <SessionStateChip state={session.state} />
      </td>
      <td>{sessionKind(session)}</td>
      <td>{session.creator}</td>
      <td>
        <time dateTime={session.createTime} title={formatDateTime(session.createTime)}>
          {formatRelative(session.createTime, now)}
        </time>
      </td>
      <td>{seconds === undefined ? '' : formatSeconds(seconds)}</td>
      <td>{templateId && <RowLink to={paths.template(session.sessionTemplate!)}>{templateId}</RowLink>}</td>
      <td>
        <LabelChips labels={session.labels} onSelect={onLabel} />
      </td>
    </tr>
  );
});

/** Above this many rows only the rows on screen are rendered, so a 1,000-row page stays fluid. */
const VIRTUALIZE_ABOVE = 100;
const VirtualRows = lazy(() => import('./virtual-rows'));

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
  const virtual = sessions.length > VIRTUALIZE_ABOVE;
  const row = (index: number, rowRef?: Ref<HTMLTableRowElement>) => {
    const session = sessions[index]!;
    return (
      <SessionRow
        key={session.name}
        index={index}
        rowRef={rowRef}
        session={session}
        selected={selected.has(session.name!)}
        now={now}
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
          <tr>
            <th className="checkbox-cell">
              <input
                ref={selectAll}
                type="checkbox"
                checked={all}
                onChange={onToggleAll}
                aria-label="Select all sessions on this page"
              />
            </th>
            <th>Session ID</th>
            <th>State</th>
            <th>Type</th>
            <th>Creator</th>
            <th>Created</th>
            <th>Run time</th>
            <th>Template</th>
            <th>Labels</th>
          </tr>
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
