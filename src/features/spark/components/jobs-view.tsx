import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Suspense, lazy, type Ref } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import type { JobData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { jobsQuery } from '../api/spark-queries';
import { elapsedMs, formatMs } from '../units';
import { MoreButton } from './more-button';
import { CellLink, DataTable, TableScroll } from './data-table';
import { useSparkPlace, type JobFilter } from './spark-url';
import { StatusPill, TaskProgress } from './status';

/** Above this many rows only those on screen are rendered. */
const VIRTUALIZE_ABOVE = 100;
const VirtualRows = lazy(() => import('../../../components/virtual-rows'));

const STATUS_OF: Record<JobFilter, string> = {
  running: 'JOB_EXECUTION_STATUS_RUNNING',
  failed: 'JOB_EXECUTION_STATUS_FAILED',
};

export function JobsView({ app, live }: { app: AppRef; live: boolean }) {
  const { place, href } = useSparkPlace(app.session);
  const filter = place.jobs;
  return (
    <Box>
      <Box component="nav" aria-label="Which jobs" sx={{ display: 'flex', gap: 2, mb: 1 }}>
        {(
          [
            [undefined, 'All jobs'],
            ['running', 'Running'],
            ['failed', 'Failed'],
          ] as const
        ).map(([value, label]) => (
          <CellLink
            key={label}
            to={href({ jobs: value })}
            aria-current={filter === value ? 'page' : undefined}
            style={{ fontWeight: filter === value ? 700 : 400 }}
          >
            {label}
          </CellLink>
        ))}
      </Box>
      <JobsTable app={app} live={live} filter={filter} href={href} />
    </Box>
  );
}

function JobsTable({
  app,
  live,
  filter,
  href,
}: {
  app: AppRef;
  live: boolean;
  filter: JobFilter | undefined;
  href: ReturnType<typeof useSparkPlace>['href'];
}) {
  const query = useInfiniteQuery(jobsQuery(app, live, filter && STATUS_OF[filter]));
  const now = useNow(1000);
  if (query.isPending) return <Typography role="status">Loading jobs…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="Spark jobs" onRetry={() => void query.refetch()} />;
  const jobs = query.data.pages.flatMap((p) => p.sparkApplicationJobs ?? []);
  if (!jobs.length)
    return (
      <Typography color="text.secondary">
        {filter ? `No ${filter} jobs.` : 'No jobs yet: they appear here as the session runs Spark code.'}
      </Typography>
    );
  const row = (index: number, ref?: Ref<HTMLTableRowElement>) => (
    <JobRow key={jobs[index]!.jobId} job={jobs[index]!} now={now} href={href} rowRef={ref} index={index} />
  );
  return (
    <Box>
      <TableScroll label="Spark jobs">
        <DataTable aria-label="Spark jobs" data-testid="jobs-table">
          <thead>
            <tr>
              <th className="num">Job</th>
              <th>Description</th>
              <th>Status</th>
              <th>Submitted</th>
              <th className="num">Duration</th>
              <th className="num">Stages</th>
              <th>Tasks</th>
            </tr>
          </thead>
          <tbody>
            {jobs.length > VIRTUALIZE_ABOVE ? (
              <Suspense fallback={jobs.slice(0, 30).map((_, i) => row(i))}>
                <VirtualRows count={jobs.length} renderRow={row} />
              </Suspense>
            ) : (
              jobs.map((_, i) => row(i))
            )}
          </tbody>
        </DataTable>
      </TableScroll>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="jobs-shown">
        Showing the newest {jobs.length.toLocaleString('en-US')} {jobs.length === 1 ? 'job' : 'jobs'}
        {query.hasNextPage ? '; older ones load on request.' : '.'}
      </Typography>
      <MoreButton query={query} label="Load older jobs" />
    </Box>
  );
}

function JobRow({
  job,
  now,
  href,
  rowRef,
  index,
}: {
  job: JobData;
  now: number;
  href: ReturnType<typeof useSparkPlace>['href'];
  rowRef?: Ref<HTMLTableRowElement>;
  index: number;
}) {
  const stages = job.stageIds?.length ?? 0;
  return (
    <tr ref={rowRef} data-index={index} data-testid="job-row" data-job={job.jobId} data-status={job.status}>
      <th scope="row" className="num">
        <CellLink to={href({ job: job.jobId })}>{job.jobId}</CellLink>
      </th>
      <td>
        <CellLink to={href({ job: job.jobId })}>{job.description || job.name}</CellLink>
        <div className="sub">{job.name}</div>
      </td>
      <td>
        <StatusPill status={job.status} />
      </td>
      <td>
        <time dateTime={job.submissionTime}>{formatDateTime(job.submissionTime)}</time>
      </td>
      <td className="num">{formatMs(elapsedMs(job.submissionTime, job.completionTime, now))}</td>
      <td className="num">
        {job.numCompletedStages ?? 0}/{stages}
        {job.numFailedStages ? ` (${job.numFailedStages} failed)` : ''}
      </td>
      <td>
        <TaskProgress
          total={job.numTasks ?? 0}
          completed={job.numCompletedTasks ?? 0}
          running={job.numActiveTasks ?? 0}
          failed={job.numFailedTasks ?? 0}
        />
      </td>
    </tr>
  );
}
