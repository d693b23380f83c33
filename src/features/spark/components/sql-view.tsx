import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  DeclaredTable,
  Pre,
  RowLink as CellLink,
  TableScroll,
  useSortedRows,
  type Column,
} from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { SqlExecutionUiData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { sqlQueriesQuery } from '../api/spark-queries';
import { elapsedMs, formatMs, num } from '../units';
import { MoreButton } from './more-button';
import { useSparkNow } from './spark-clock';
import { useSparkPlace } from './spark-url';
import { SortNote } from './sort-note';
import { StatusPill, statusRank } from './status';

/** A query's status: failed if any of its jobs failed, running if any runs, else succeeded. */
export function queryStatus(jobs: Record<string, string> | undefined): string {
  const statuses = Object.values(jobs ?? {});
  if (statuses.includes('JOB_EXECUTION_STATUS_FAILED')) return 'FAILED';
  if (statuses.includes('JOB_EXECUTION_STATUS_RUNNING')) return 'RUNNING';
  return statuses.length ? 'SUCCEEDED' : 'UNKNOWN';
}

interface SqlContext {
  now: number;
  href: ReturnType<typeof useSparkPlace>['href'];
}

const COLUMNS: Column<SqlExecutionUiData, SqlContext>[] = [
  {
    id: 'query',
    header: 'Query',
    rowHeader: true,
    className: 'num',
    cell: (q) => q.executionId,
    sortValue: (q) => num(q.executionId),
  },
  {
    id: 'description',
    header: 'Description and physical plan',
    className: 'wide',
    cell: (q) => (
      <>
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {q.description}
        </Typography>
        {q.physicalPlanDescription && (
          <details>
            <summary>Physical plan</summary>
            <Pre>{q.physicalPlanDescription}</Pre>
          </details>
        )}
        {q.errorMessage && (
          <details>
            <summary>Error</summary>
            <Pre>{q.errorMessage}</Pre>
          </details>
        )}
      </>
    ),
    sortValue: (q) => q.description ?? '',
  },
  {
    id: 'status',
    header: 'Status',
    cell: (q) => <StatusPill status={queryStatus(q.jobs)} />,
    sortValue: (q) => statusRank(queryStatus(q.jobs)),
  },
  {
    id: 'submitted',
    header: 'Submitted',
    cell: (q) => formatDateTime(q.submissionTime),
    sortValue: (q) => Date.parse(q.submissionTime ?? '') || 0,
  },
  {
    id: 'duration',
    header: 'Duration',
    className: 'num',
    // A running query counts up on the application's clock (see spark-clock.tsx).
    cell: (q, { now }) => (
      <span data-testid="sql-duration">{formatMs(elapsedMs(q.submissionTime, q.completionTime, now))}</span>
    ),
    sortValue: (q, context) => elapsedMs(q.submissionTime, q.completionTime, context?.now ?? 0) ?? 0,
  },
  {
    id: 'jobs',
    header: 'Jobs',
    cell: (q, { href }) =>
      Object.keys(q.jobs ?? {}).map((jobId) => (
        <CellLink key={jobId} to={href({ job: jobId })} style={{ marginRight: 8 }}>
          Job {jobId}
        </CellLink>
      )),
  },
];

export function SqlView({ app, live }: { app: AppRef; live: boolean }) {
  const query = useInfiniteQuery(sqlQueriesQuery(app, live));
  const now = useSparkNow();
  const { href } = useSparkPlace(app.session);
  const queries = query.data?.pages.flatMap((p) => p.sparkApplicationSqlQueries ?? []) ?? [];
  const context = { now, href };
  const { sorted, sort, onSort, clearSort } = useSortedRows(queries, COLUMNS, context);
  if (query.isPending) return <Typography role="status">Loading SQL queries…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="SQL queries" onRetry={() => void query.refetch()} />;
  if (!queries.length) return <Typography color="text.secondary">No SQL queries yet.</Typography>;
  return (
    <>
      <TableScroll label="SQL queries">
        <DeclaredTable
          aria-label="SQL queries"
          data-testid="sql-table"
          measurements
          columns={COLUMNS}
          rows={sorted}
          context={context}
          rowKey={(q) => q.executionId ?? ''}
          rowProps={(q) => ({
            'data-testid': 'sql-row',
            'data-query': q.executionId,
            'data-status': queryStatus(q.jobs),
          })}
          sort={sort}
          onSort={onSort}
        />
      </TableScroll>
      <SortNote
        sort={sort}
        loaded={queries.length}
        what="queries"
        more={query.hasNextPage}
        apiOrder="newest first"
        onClear={clearSort}
      />
      <MoreButton query={query} label="Older queries" />
    </>
  );
}
