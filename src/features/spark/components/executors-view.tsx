import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { AppRef } from '../api/spark-api';
import { executorsQuery } from '../api/spark-queries';
import { formatBytes, formatMs, num } from '../units';
import { MoreButton } from './more-button';
import { DataTable, TableScroll } from './data-table';

export function ExecutorsView({ app, live }: { app: AppRef; live: boolean }) {
  const query = useInfiniteQuery(executorsQuery(app, live));
  if (query.isPending) return <Typography role="status">Loading executors…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="executors" onRetry={() => void query.refetch()} />;
  const executors = query.data.pages.flatMap((p) => p.sparkApplicationExecutors ?? []);
  return (
    <>
      <TableScroll label="Executors">
        <DataTable aria-label="Executors" data-testid="executors-table">
          <thead>
            <tr>
              <th>Executor</th>
              <th>State</th>
              <th>Host</th>
              <th className="num">Cores</th>
              <th className="num">Storage memory</th>
              <th className="num">Tasks active / done / failed</th>
              <th className="num">Task time</th>
              <th className="num">GC time</th>
              <th className="num">Input</th>
              <th className="num">Shuffle read / write</th>
              <th>Added</th>
            </tr>
          </thead>
          <tbody>
            {executors.map((e) => {
              const duration = num(e.totalDurationMillis);
              const gc = num(e.totalGcTimeMillis);
              return (
                <tr key={e.executorId} data-testid="executor-row" data-executor={e.executorId}>
                  <th scope="row">{e.executorId}</th>
                  <td className="prose">
                    {e.isActive ? 'Active' : 'Removed'}
                    {!e.isActive && (
                      <Typography variant="caption" component="div" color="text.secondary">
                        {formatDateTime(e.removeTime)}: {e.removeReason}
                      </Typography>
                    )}
                  </td>
                  <td>{e.hostPort}</td>
                  <td className="num">{e.totalCores}</td>
                  <td className="num">
                    {formatBytes(e.memoryUsed)} / {formatBytes(e.maxMemory)}
                  </td>
                  <td className="num">
                    {e.activeTasks ?? 0} / {e.completedTasks ?? 0} / {e.failedTasks ?? 0}
                  </td>
                  <td className="num">{formatMs(duration)}</td>
                  <td className="num">
                    {formatMs(gc)}
                    {duration > 0 ? ` (${((gc / duration) * 100).toFixed(0)}%)` : ''}
                  </td>
                  <td className="num">{formatBytes(e.totalInputBytes)}</td>
                  <td className="num">
                    {formatBytes(e.totalShuffleRead)} / {formatBytes(e.totalShuffleWrite)}
                  </td>
                  <td>{formatDateTime(e.addTime)}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      </TableScroll>
      <MoreButton query={query} label="More executors" />
    </>
  );
}
