import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel';
import { ApiError } from '../../../lib/api-client';
import type { StageData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { jobQuery, stagesQuery } from '../api/spark-queries';
import { diagnoseStage } from '../diagnosis';
import { elapsedMs, formatBytes, formatMs, num } from '../units';
import {
  DeclaredTable,
  Pre,
  RowLink as CellLink,
  TableScroll,
  useSortedRows,
  type Column,
} from '../../../components/data-table';
import { useSparkNow } from './spark-clock';
import { useSparkPlace } from './spark-url';
import { StatusPill, TaskProgress, statusRank } from './status';

const FINDING_LABEL: Record<string, string> = {
  skew: 'Skew',
  spill: 'Spill',
  gc: 'GC',
  failures: 'Failures',
  'tiny-tasks': 'Tiny tasks',
};

export function JobDetail({ app, jobId, live }: { app: AppRef; jobId: string; live: boolean }) {
  const job = useQuery(jobQuery(app, jobId, live));
  const data = job.data?.jobData;
  const running = data?.status === 'JOB_EXECUTION_STATUS_RUNNING';
  const stages = useQuery(stagesQuery(app, data?.stageIds ?? [], live && running));
  const now = useSparkNow();
  const { href } = useSparkPlace(app.session);
  if (job.isPending) return <Typography role="status">Loading job {jobId}…</Typography>;
  if (job.isError && !job.data) {
    if (job.error instanceof ApiError && job.error.httpStatus === 404)
      return (
        <Alert severity="warning">
          There is no job {jobId} in this application. {job.error.message}
        </Alert>
      );
    return <ErrorPanel error={job.error} what={`job ${jobId}`} onRetry={() => void job.refetch()} />;
  }
  const list = [...(stages.data?.sparkApplicationStages ?? [])].sort(
    (a, b) => num(a.stageId) - num(b.stageId),
  );
  const failedStage = list.find((s) => s.status === 'STAGE_STATUS_FAILED');
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          Job {data?.jobId}: {data?.description || data?.name}
        </Typography>
        <StatusPill status={data?.status} />
        <Typography variant="body2" color="text.secondary">
          {formatMs(elapsedMs(data?.submissionTime, data?.completionTime, now))}
          {data?.sqlExecutionId !== undefined && (
            <>
              {' · '}
              <CellLink to={href({ view: 'sql' })}>SQL query {data.sqlExecutionId}</CellLink>
            </>
          )}
        </Typography>
      </Box>
      {failedStage && (
        <Alert severity="error" data-testid="job-failure">
          <AlertTitle>
            This job failed in{' '}
            <CellLink to={href({ job: jobId, stage: failedStage.stageId })}>
              stage {failedStage.stageId}
            </CellLink>
          </AlertTitle>
          <Pre>{failedStage.failureReason}</Pre>
        </Alert>
      )}
      {stages.isError && (
        <ErrorPanel error={stages.error} what="stages" onRetry={() => void stages.refetch()} />
      )}
      <StagesTable stages={list} now={now} stageHref={(id) => href({ job: jobId, stage: id })} />
    </Box>
  );
}

interface StageContext {
  now: number;
  stageHref: (stageId: string) => string;
}

const bytes = (value: string | undefined) => num(value);

/** The stages table's columns: header, cell and sort value together. */
const STAGE_COLUMNS: Column<StageData, StageContext>[] = [
  {
    id: 'stage',
    header: 'Stage',
    rowHeader: true,
    className: 'num',
    cell: (s, { stageHref }) => <CellLink to={stageHref(s.stageId!)}>{s.stageId}</CellLink>,
    sortValue: (s) => num(s.stageId),
  },
  {
    id: 'status',
    header: 'Status',
    cell: (s) => <StatusPill status={s.status} />,
    sortValue: (s) => statusRank(s.status),
  },
  {
    id: 'tasks',
    header: 'Tasks',
    cell: (s) => (
      <TaskProgress
        total={s.numTasks ?? 0}
        completed={s.numCompleteTasks ?? 0}
        running={s.numActiveTasks ?? 0}
        failed={s.numFailedTasks ?? 0}
      />
    ),
    sortValue: (s) => s.numTasks ?? 0,
  },
  {
    id: 'input',
    header: 'Input',
    className: 'num',
    cell: (s) => formatBytes(s.stageMetrics?.stageInputMetrics?.bytesRead),
    sortValue: (s) => bytes(s.stageMetrics?.stageInputMetrics?.bytesRead),
  },
  {
    id: 'output',
    header: 'Output',
    className: 'num',
    cell: (s) => formatBytes(s.stageMetrics?.stageOutputMetrics?.bytesWritten),
    sortValue: (s) => bytes(s.stageMetrics?.stageOutputMetrics?.bytesWritten),
  },
  {
    id: 'shuffle-read',
    header: 'Shuffle read',
    className: 'num',
    cell: (s) => formatBytes(s.stageMetrics?.stageShuffleReadMetrics?.bytesRead),
    sortValue: (s) => bytes(s.stageMetrics?.stageShuffleReadMetrics?.bytesRead),
  },
  {
    id: 'shuffle-write',
    header: 'Shuffle write',
    className: 'num',
    cell: (s) => formatBytes(s.stageMetrics?.stageShuffleWriteMetrics?.bytesWritten),
    sortValue: (s) => bytes(s.stageMetrics?.stageShuffleWriteMetrics?.bytesWritten),
  },
  {
    id: 'spill',
    header: 'Spill (disk)',
    className: 'num',
    cell: (s) => formatBytes(s.stageMetrics?.diskBytesSpilled),
    sortValue: (s) => bytes(s.stageMetrics?.diskBytesSpilled),
  },
  {
    id: 'duration',
    header: 'Duration',
    className: 'num',
    cell: (s, { now }) =>
      s.submissionTime ? formatMs(elapsedMs(s.submissionTime, s.completionTime, now)) : '—',
    sortValue: (s, context) => elapsedMs(s.submissionTime, s.completionTime, context?.now ?? 0) ?? -1,
  },
  {
    id: 'task-time',
    header: 'Task time min / median / max',
    className: 'num',
    cell: (s) => {
      const q = s.taskQuantileMetrics?.durationMillis;
      return q ? `${formatMs(q.minimum)} / ${formatMs(q.percentile50)} / ${formatMs(q.maximum)}` : '—';
    },
    // By the slowest task: the skewed stage comes first when sorted descending.
    sortValue: (s) => num(s.taskQuantileMetrics?.durationMillis?.maximum),
  },
  {
    id: 'findings',
    header: 'Findings',
    cell: (s) => {
      const findings = diagnoseStage(s);
      return findings.length
        ? findings.map((f) => (
            <Box
              component="span"
              key={f.kind}
              data-testid="stage-flag"
              sx={{
                display: 'inline-block',
                mr: 0.5,
                fontWeight: 500,
                color: f.severity === 'error' ? 'error.main' : 'warning.main',
              }}
            >
              ⚠ {FINDING_LABEL[f.kind]}
            </Box>
          ))
        : 'none';
    },
    sortValue: (s) => diagnoseStage(s).length,
  },
];

/** A job's stages: all of them are on screen, so every column sorts. */
export function StagesTable({
  stages,
  now,
  stageHref,
}: {
  stages: StageData[];
  now: number;
  stageHref: (stageId: string) => string;
}) {
  const context = { now, stageHref };
  const { sorted, sort, onSort } = useSortedRows(stages, STAGE_COLUMNS, context);
  return (
    <TableScroll label="Stages of the job">
      <DeclaredTable
        aria-label="Stages of the job"
        data-testid="stages-table"
        measurements
        columns={STAGE_COLUMNS}
        rows={sorted}
        context={context}
        rowKey={(s) => s.stageId ?? ''}
        rowProps={(s) => ({ 'data-testid': 'stage-row', 'data-stage': s.stageId })}
        sort={sort}
        onSort={onSort}
      />
    </TableScroll>
  );
}
