import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import type { AppRef } from '../api/spark-api';
import { sqlQueriesQuery } from '../api/spark-queries';
import { elapsedMs, formatMs } from '../units';
import { MoreButton } from './more-button';
import { CellLink, DataTable, Pre, TableScroll } from './data-table';
import { useSparkPlace } from './spark-url';
import { StatusPill } from './status';

/** A query's status: failed if any of its jobs failed, running if any runs, else succeeded. */
function queryStatus(jobs: Record<string, string> | undefined): string {
  const statuses = Object.values(jobs ?? {});
  if (statuses.includes('JOB_EXECUTION_STATUS_FAILED')) return 'FAILED';
  if (statuses.includes('JOB_EXECUTION_STATUS_RUNNING')) return 'RUNNING';
  return statuses.length ? 'SUCCEEDED' : 'UNKNOWN';
}

export function SqlView({ app, live }: { app: AppRef; live: boolean }) {
  const query = useInfiniteQuery(sqlQueriesQuery(app, live));
  const now = useNow(1000);
  const { href } = useSparkPlace(app.session);
  if (query.isPending) return <Typography role="status">Loading SQL queries…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="SQL queries" onRetry={() => void query.refetch()} />;
  const queries = query.data.pages.flatMap((p) => p.sparkApplicationSqlQueries ?? []);
  if (!queries.length) return <Typography color="text.secondary">No SQL queries yet.</Typography>;
  return (
    <>
      <TableScroll label="SQL queries">
        <DataTable aria-label="SQL queries" data-testid="sql-table">
          <thead>
            <tr>
              <th className="num">Query</th>
              <th>Description and physical plan</th>
              <th>Status</th>
              <th>Submitted</th>
              <th className="num">Duration</th>
              <th>Jobs</th>
            </tr>
          </thead>
          <tbody>
            {queries.map((q) => (
              <tr key={q.executionId} data-testid="sql-row">
                <th scope="row" className="num">
                  {q.executionId}
                </th>
                <td style={{ minWidth: 320 }}>
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
                </td>
                <td>
                  <StatusPill status={queryStatus(q.jobs)} />
                </td>
                <td>{formatDateTime(q.submissionTime)}</td>
                <td className="num">{formatMs(elapsedMs(q.submissionTime, q.completionTime, now))}</td>
                <td>
                  {Object.keys(q.jobs ?? {}).map((jobId) => (
                    <CellLink key={jobId} to={href({ job: jobId })} style={{ marginRight: 8 }}>
                      Job {jobId}
                    </CellLink>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </TableScroll>
      <MoreButton query={query} label="Older queries" />
    </>
  );
}
