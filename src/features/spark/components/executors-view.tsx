import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { DeclaredTable, TableScroll, useSortedRows, type Column } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { ExecutorSummary } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { executorsQuery } from '../api/spark-queries';
import { formatBytes, formatMs, num } from '../units';
import { metricColumn } from './metric-column';
import { MoreButton } from './more-button';
import { SortNote } from './sort-note';

/** The executors table's columns, declared once: header, cell and sort value together. */
const COLUMNS: Column<ExecutorSummary, null>[] = [
  {
    id: 'id',
    header: 'Executor',
    rowHeader: true,
    cell: (e) => e.executorId,
    sortValue: (e) => idOrder(e.executorId),
  },
  {
    id: 'state',
    header: 'State',
    className: 'prose',
    cell: (e) => (
      <>
        {e.isActive ? 'Active' : 'Removed'}
        {!e.isActive && (
          <Typography variant="caption" component="div" color="text.secondary">
            {formatDateTime(e.removeTime)}: {e.removeReason}
          </Typography>
        )}
      </>
    ),
    sortValue: (e) => (e.isActive ? 'Active' : 'Removed'),
  },
  { id: 'host', header: 'Host', cell: (e) => e.hostPort, sortValue: (e) => e.hostPort ?? '' },
  {
    id: 'cores',
    header: 'Cores',
    className: 'num',
    cell: (e) => e.totalCores,
    sortValue: (e) => num(e.totalCores),
  },
  {
    id: 'memory',
    header: 'Storage memory',
    className: 'num',
    cell: (e) => `${formatBytes(e.memoryUsed)} / ${formatBytes(e.maxMemory)}`,
    sortValue: (e) => num(e.memoryUsed),
  },
  {
    id: 'tasks',
    header: 'Tasks active / done / failed',
    className: 'num',
    cell: (e) => `${e.activeTasks ?? 0} / ${e.completedTasks ?? 0} / ${e.failedTasks ?? 0}`,
    sortValue: (e) => num(e.completedTasks),
  },
  {
    id: 'time',
    header: 'Task time',
    className: 'num',
    cell: (e) => formatMs(num(e.totalDurationMillis)),
    sortValue: (e) => num(e.totalDurationMillis),
  },
  {
    id: 'gc',
    header: 'GC time',
    className: 'num',
    cell: (e) => {
      const duration = num(e.totalDurationMillis);
      const gc = num(e.totalGcTimeMillis);
      return `${formatMs(gc)}${duration > 0 ? ` (${((gc / duration) * 100).toFixed(0)}%)` : ''}`;
    },
    sortValue: (e) => num(e.totalGcTimeMillis),
  },
  metricColumn('input', 'Input', (e) => e.totalInputBytes),
  {
    id: 'shuffle',
    header: 'Shuffle read / write',
    className: 'num',
    cell: (e) => `${formatBytes(e.totalShuffleRead)} / ${formatBytes(e.totalShuffleWrite)}`,
    sortValue: (e) => num(e.totalShuffleRead),
  },
  {
    id: 'added',
    header: 'Added',
    // One line: squeezed, the date and time stood four lines high (the table scrolls in its box instead).
    className: 'nowrap',
    cell: (e) => formatDateTime(e.addTime),
    sortValue: (e) => Date.parse(e.addTime ?? '') || 0,
  },
];

/** Executor IDs are numbers except the driver's: the driver first, then by number. */
const idOrder = (id: string | undefined) => (id === 'driver' ? -1 : num(id));

export function ExecutorsView({ app, live }: { app: AppRef; live: boolean }) {
  const query = useInfiniteQuery(executorsQuery(app, live));
  const executors = query.data?.pages.flatMap((p) => p.sparkApplicationExecutors ?? []) ?? [];
  const { sorted, sort, onSort, clearSort } = useSortedRows(executors, COLUMNS);
  if (query.isPending) return <Typography role="status">Loading executors…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="executors" onRetry={() => void query.refetch()} />;
  return (
    <>
      <TableScroll label="Executors">
        <DeclaredTable
          aria-label="Executors"
          data-testid="executors-table"
          measurements
          columns={COLUMNS}
          rows={sorted}
          context={null}
          rowKey={(e) => e.executorId ?? ''}
          rowProps={(e) => ({ 'data-testid': 'executor-row', 'data-executor': e.executorId })}
          sort={sort}
          onSort={onSort}
        />
      </TableScroll>
      <SortNote
        sort={sort}
        loaded={executors.length}
        what="executors"
        more={query.hasNextPage}
        apiOrder="driver first, then by ID"
        onClear={clearSort}
      />
      <MoreButton query={query} label="More executors" />
    </>
  );
}
