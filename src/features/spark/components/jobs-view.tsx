import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  DeclaredTable,
  RowLink as CellLink,
  TableScroll,
  useSortedRows,
  type Column,
} from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { JobData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { jobsQuery } from '../api/spark-queries';
import { elapsedMs, formatMs, num } from '../units';
import { MoreButton } from './more-button';
import { useSparkNow } from './spark-clock';
import { useSparkPlace, type JobFilter } from './spark-url';
import { SortNote } from './sort-note';
import { StatusPill, TaskProgress, statusRank } from './status';

/** Above this many rows only those on screen are rendered. */
const VIRTUALIZE_ABOVE = 100;

const STATUS_OF: Record<JobFilter, string> = {
  running: 'JOB_EXECUTION_STATUS_RUNNING',
  failed: 'JOB_EXECUTION_STATUS_FAILED',
};

interface JobContext {
  now: number;
  href: ReturnType<typeof useSparkPlace>['href'];
}

const time = (iso: string | undefined) => Date.parse(iso ?? '') || 0;

/** The jobs table's columns: header, cell and sort value together. */
const COLUMNS: Column<JobData, JobContext>[] = [
  {
    id: 'job',
    header: 'Job',
    rowHeader: true,
    className: 'num',
    cell: (job, { href }) => <CellLink to={href({ job: job.jobId })}>{job.jobId}</CellLink>,
    sortValue: (job) => num(job.jobId),
  },
  {
    id: 'description',
    header: 'Description',
    cell: (job, { href }) => (
      <>
        <CellLink to={href({ job: job.jobId })}>{job.description || job.name}</CellLink>
        <div className="sub">{job.name}</div>
      </>
    ),
    sortValue: (job) => job.description || job.name || '',
  },
  {
    id: 'status',
    header: 'Status',
    cell: (job) => <StatusPill status={job.status} />,
    sortValue: (job) => statusRank(job.status),
  },
  {
    id: 'submitted',
    header: 'Submitted',
    cell: (job) => <time dateTime={job.submissionTime}>{formatDateTime(job.submissionTime)}</time>,
    sortValue: (job) => time(job.submissionTime),
  },
  {
    id: 'duration',
    header: 'Duration',
    className: 'num',
    cell: (job, { now }) => formatMs(elapsedMs(job.submissionTime, job.completionTime, now)),
    // Running jobs count up to now: sorted by how long they have run so far.
    sortValue: (job, context) => elapsedMs(job.submissionTime, job.completionTime, context?.now ?? 0) ?? 0,
  },
  {
    id: 'stages',
    header: 'Stages',
    className: 'num',
    cell: (job) => (
      <>
        {job.numCompletedStages ?? 0}/{job.stageIds?.length ?? 0}
        {job.numFailedStages ? ` (${job.numFailedStages} failed)` : ''}
      </>
    ),
    sortValue: (job) => job.stageIds?.length ?? 0,
  },
  {
    id: 'tasks',
    header: 'Tasks',
    cell: (job) => (
      <TaskProgress
        total={job.numTasks ?? 0}
        completed={job.numCompletedTasks ?? 0}
        running={job.numActiveTasks ?? 0}
        failed={job.numFailedTasks ?? 0}
      />
    ),
    sortValue: (job) => job.numTasks ?? 0,
  },
];

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
      <JobsTable key={filter ?? 'all'} app={app} live={live} filter={filter} href={href} />
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
  href: JobContext['href'];
}) {
  const query = useInfiniteQuery(jobsQuery(app, live, filter && STATUS_OF[filter]));
  const now = useSparkNow();
  const jobs = query.data?.pages.flatMap((p) => p.sparkApplicationJobs ?? []) ?? [];
  const { sorted, sort, onSort, clearSort } = useSortedRows(jobs, COLUMNS, { now, href });
  if (query.isPending) return <Typography role="status">Loading jobs…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="Spark jobs" onRetry={() => void query.refetch()} />;
  if (!jobs.length)
    return (
      <Typography color="text.secondary">
        {filter ? `No ${filter} jobs.` : 'No jobs yet: they appear here as the session runs Spark code.'}
      </Typography>
    );
  return (
    <Box>
      <TableScroll label="Spark jobs">
        <DeclaredTable
          aria-label="Spark jobs"
          data-testid="jobs-table"
          measurements
          columns={COLUMNS}
          rows={sorted}
          context={{ now, href }}
          rowKey={(job) => job.jobId ?? ''}
          rowProps={(job) => ({ 'data-testid': 'job-row', 'data-job': job.jobId, 'data-status': job.status })}
          sort={sort}
          onSort={onSort}
          virtualizeAbove={VIRTUALIZE_ABOVE}
        />
      </TableScroll>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="jobs-shown">
        Showing the newest {jobs.length.toLocaleString('en-US')} {jobs.length === 1 ? 'job' : 'jobs'}
        {query.hasNextPage ? '; older ones load on request.' : '.'}
      </Typography>
      <SortNote
        sort={sort}
        loaded={jobs.length}
        what="jobs"
        more={query.hasNextPage}
        apiOrder="newest first"
        onClear={clearSort}
      />
      <MoreButton query={query} label="Load older jobs" />
    </Box>
  );
}
