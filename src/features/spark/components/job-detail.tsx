import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel';
import { ApiError } from '../../../lib/api-client';
import { useNow } from '../../../lib/use-now';
import type { StageData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { jobQuery, stagesQuery } from '../api/spark-queries';
import { diagnoseStage } from '../diagnosis';
import { elapsedMs, formatBytes, formatMs, num } from '../units';
import { CellLink, DataTable, Pre, TableScroll } from './data-table';
import { useSparkPlace } from './spark-url';
import { StatusPill, TaskProgress } from './status';

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
  const now = useNow(1000);
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

export function StagesTable({
  stages,
  now,
  stageHref,
}: {
  stages: StageData[];
  now: number;
  stageHref: (stageId: string) => string;
}) {
  return (
    <TableScroll label="Stages of the job">
      <DataTable aria-label="Stages of the job" data-testid="stages-table">
        <thead>
          <tr>
            <th className="num">Stage</th>
            <th>Status</th>
            <th>Tasks</th>
            <th className="num">Input</th>
            <th className="num">Output</th>
            <th className="num">Shuffle read</th>
            <th className="num">Shuffle write</th>
            <th className="num">Spill (disk)</th>
            <th className="num">Duration</th>
            <th className="num">Task time min / median / max</th>
            <th>Findings</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => {
            const m = s.stageMetrics;
            const q = s.taskQuantileMetrics?.durationMillis;
            const findings = diagnoseStage(s);
            return (
              <tr key={s.stageId} data-testid="stage-row" data-stage={s.stageId}>
                <th scope="row" className="num">
                  <CellLink to={stageHref(s.stageId!)}>{s.stageId}</CellLink>
                </th>
                <td>
                  <StatusPill status={s.status} />
                </td>
                <td>
                  <TaskProgress
                    total={s.numTasks ?? 0}
                    completed={s.numCompleteTasks ?? 0}
                    running={s.numActiveTasks ?? 0}
                    failed={s.numFailedTasks ?? 0}
                  />
                </td>
                <td className="num">{formatBytes(m?.stageInputMetrics?.bytesRead)}</td>
                <td className="num">{formatBytes(m?.stageOutputMetrics?.bytesWritten)}</td>
                <td className="num">{formatBytes(m?.stageShuffleReadMetrics?.bytesRead)}</td>
                <td className="num">{formatBytes(m?.stageShuffleWriteMetrics?.bytesWritten)}</td>
                <td className="num">{formatBytes(m?.diskBytesSpilled)}</td>
                <td className="num">
                  {s.submissionTime ? formatMs(elapsedMs(s.submissionTime, s.completionTime, now)) : '—'}
                </td>
                <td className="num">
                  {q ? `${formatMs(q.minimum)} / ${formatMs(q.percentile50)} / ${formatMs(q.maximum)}` : '—'}
                </td>
                <td>
                  {findings.length
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
                    : 'none'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </TableScroll>
  );
}
