import Checkbox from '@mui/material/Checkbox';
import { styled } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Suspense, lazy, memo, type Ref } from 'react';
import { Link as RouterLink } from 'react-router';
import { paths } from '../../../app/paths';
import { formatDateTime, formatRelative, formatSeconds } from '../../../lib/format';
import type { Session } from '../../../schemas/wire';
import { isTerminal, sessionIdOf, sessionKind } from '../session-state';
import { LabelChips } from './label-chips';
import { SessionStateChip } from './session-state-chip';

/** Links in rows: a router link styled once (MUI's Link is a Typography per link). */
const RowLink = styled(RouterLink)(({ theme }) => ({
  color: (theme.vars ?? theme).palette.primary.main,
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
  const id = sessionIdOf(session.name);
  const seconds = runTime(session, now);
  const templateId = session.sessionTemplate?.split('/').at(-1);
  return (
    <TableRow
      hover
      selected={selected}
      data-testid="session-row"
      data-session={id}
      data-index={index}
      ref={rowRef}
    >
      <TableCell padding="checkbox" sx={{ textAlign: 'center' }}>
        {/* A native checkbox: one per row, so it is kept light (MUI's adds a ripple and an SVG). */}
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(session.name!)}
          aria-label={`Select ${id}`}
          style={{ width: 18, height: 18, cursor: 'pointer', accentColor: 'var(--mui-palette-primary-main)' }}
        />
      </TableCell>
      <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
        <RowLink to={paths.session(session.name!)} style={{ fontWeight: 500 }}>
          {id}
        </RowLink>
      </TableCell>
      <TableCell>
        <SessionStateChip state={session.state} />
      </TableCell>
      <TableCell>{sessionKind(session)}</TableCell>
      <TableCell>{session.creator}</TableCell>
      <TableCell>
        <time dateTime={session.createTime} title={formatDateTime(session.createTime)}>
          {formatRelative(session.createTime, now)}
        </time>
      </TableCell>
      <TableCell>{seconds === undefined ? '' : formatSeconds(seconds)}</TableCell>
      <TableCell>
        {templateId && <RowLink to={paths.template(session.sessionTemplate!)}>{templateId}</RowLink>}
      </TableCell>
      <TableCell>
        <LabelChips labels={session.labels} onSelect={onLabel} />
      </TableCell>
    </TableRow>
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
  return (
    <TableContainer>
      <Table size="small" aria-label="Sessions">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                checked={all}
                indeterminate={some && !all}
                onChange={onToggleAll}
                slotProps={{ input: { 'aria-label': 'Select all sessions on this page' } }}
              />
            </TableCell>
            <TableCell>Session ID</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Creator</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Run time</TableCell>
            <TableCell>Template</TableCell>
            <TableCell>Labels</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {virtual ? (
            <Suspense fallback={sessions.slice(0, 30).map((_, index) => row(index))}>
              <VirtualRows count={sessions.length} renderRow={row} />
            </Suspense>
          ) : (
            sessions.map((_, index) => row(index))
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
