import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import type { Quantiles } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { stageExecutorsQuery, stagesQuery, tasksQuery } from '../api/spark-queries';
import { diagnoseStage, errorHeadline, groupFindings } from '../diagnosis';
import { formatBytes, formatMs, num } from '../units';
import { DataTable, Pre, TableScroll } from './data-table';
import { FindingList } from './findings';
import { StatusPill } from './status';

type TaskFilter = 'all' | 'failed' | 'slowest';

export function StageDetail({ app, stageId, live }: { app: AppRef; stageId: string; live: boolean }) {
  const stages = useQuery(stagesQuery(app, [stageId], live));
  const stage = stages.data?.sparkApplicationStages?.[0];
  const running = stage?.status === 'STAGE_STATUS_ACTIVE';
  const failedTasks = useQuery(
    tasksQuery(app, stageId, { taskStatus: 'TASK_STATUS_FAILED' }, live && running),
  );
  // Failed tasks first when there are any: their errors are what the reader came for.
  const [chosen, setFilter] = useState<TaskFilter>();
  const filter = chosen ?? (stage?.numFailedTasks ? 'failed' : 'slowest');
  const [pageToken, setPageToken] = useState<string>();
  const tasks = useQuery(
    tasksQuery(
      app,
      stageId,
      {
        ...(filter === 'failed' ? { taskStatus: 'TASK_STATUS_FAILED' } : {}),
        ...(filter === 'slowest' ? { sortRuntime: true } : {}),
        pageToken,
      },
      live && running,
    ),
  );
  const perExecutor = useQuery(stageExecutorsQuery(app, stageId, live && running));
  if (stages.isPending) return <Typography role="status">Loading stage {stageId}…</Typography>;
  if (stages.isError && !stages.data)
    return (
      <ErrorPanel error={stages.error} what={`stage ${stageId}`} onRetry={() => void stages.refetch()} />
    );
  if (!stage) return <Typography>There is no stage {stageId} in this application.</Typography>;
  const errors = (failedTasks.data?.sparkApplicationStageAttemptTasks ?? []).flatMap((t) =>
    t.errorMessage ? [t.errorMessage] : [],
  );
  const findings = diagnoseStage(stage, errors);
  const q = stage.taskQuantileMetrics;
  const rows: [string, Quantiles | undefined, (v: string | undefined) => string][] = [
    ['Duration', q?.durationMillis, formatMs],
    ['GC time', q?.jvmGcTimeMillis, formatMs],
    ['Scheduler delay', q?.schedulerDelayMillis, formatMs],
    ['Input', q?.inputMetrics?.bytesRead, formatBytes],
    ['Shuffle read', q?.shuffleReadMetrics?.readBytes, formatBytes],
    ['Shuffle write', q?.shuffleWriteMetrics?.writeBytes, formatBytes],
    ['Spill (memory)', q?.memoryBytesSpilled, formatBytes],
    ['Spill (disk)', q?.diskBytesSpilled, formatBytes],
  ];
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          Stage {stage.stageId}: {stage.name}
        </Typography>
        <StatusPill status={stage.status} />
      </Box>
      {stage.failureReason && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="failure-title">
          <Typography id="failure-title" variant="subtitle1" component="h4" color="error" gutterBottom>
            Why the stage failed
          </Typography>
          <Pre data-testid="stage-failure">{stage.failureReason}</Pre>
        </Paper>
      )}
      {findings.length > 0 && <FindingList groups={groupFindings(findings)} />}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="quantiles-title">
        <Typography id="quantiles-title" variant="subtitle1" component="h4" gutterBottom>
          Task metrics over {q?.durationMillis?.count ?? 0} successful tasks
        </Typography>
        <TableScroll label="Task metrics">
          <DataTable aria-labelledby="quantiles-title">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">Min</th>
                <th className="num">25th percentile</th>
                <th className="num">Median</th>
                <th className="num">75th percentile</th>
                <th className="num">Max</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value, format]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {value
                    ? [
                        value.minimum,
                        value.percentile25,
                        value.percentile50,
                        value.percentile75,
                        value.maximum,
                      ].map((v, i) => (
                        <td key={i} className="num">
                          {format(v)}
                        </td>
                      ))
                    : [0, 1, 2, 3, 4].map((i) => (
                        <td key={i} className="num">
                          —
                        </td>
                      ))}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableScroll>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="stage-executors-title">
        <Typography id="stage-executors-title" variant="subtitle1" component="h4" gutterBottom>
          By executor
        </Typography>
        {perExecutor.isError && (
          <ErrorPanel
            error={perExecutor.error}
            what="the stage's executors"
            onRetry={() => void perExecutor.refetch()}
          />
        )}
        <TableScroll label="Work per executor">
          <DataTable aria-labelledby="stage-executors-title" data-testid="stage-executors-table">
            <thead>
              <tr>
                <th>Executor</th>
                <th className="num">Tasks succeeded / failed / killed</th>
                <th className="num">Task time</th>
                <th className="num">Input</th>
                <th className="num">Shuffle read</th>
                <th className="num">Shuffle write</th>
                <th className="num">Spill (disk)</th>
              </tr>
            </thead>
            <tbody>
              {(perExecutor.data?.sparkApplicationStageExecutors ?? []).map((e) => (
                <tr key={e.executorId}>
                  <th scope="row">{e.executorId}</th>
                  <td className="num">
                    {e.succeededTasks ?? 0} / {e.failedTasks ?? 0} / {e.killedTasks ?? 0}
                  </td>
                  <td className="num">{formatMs(e.taskTimeMillis)}</td>
                  <td className="num">{formatBytes(e.inputBytes)}</td>
                  <td className="num">{formatBytes(e.shuffleRead)}</td>
                  <td className="num">{formatBytes(e.shuffleWrite)}</td>
                  <td className="num">{formatBytes(e.diskBytesSpilled)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableScroll>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="tasks-title">
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography id="tasks-title" variant="subtitle1" component="h4">
            Tasks
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filter}
            aria-label="Which tasks"
            onChange={(_, value: TaskFilter | null) => {
              if (value) {
                setFilter(value);
                setPageToken(undefined);
              }
            }}
          >
            <ToggleButton value="slowest">Slowest first</ToggleButton>
            <ToggleButton value="all">By task ID</ToggleButton>
            <ToggleButton value="failed">Failed only</ToggleButton>
          </ToggleButtonGroup>
        </Box>
        {tasks.isError && (
          <ErrorPanel error={tasks.error} what="tasks" onRetry={() => void tasks.refetch()} />
        )}
        <TableScroll label="Tasks">
          <DataTable aria-labelledby="tasks-title" data-testid="tasks-table">
            <thead>
              <tr>
                <th className="num">Task</th>
                <th className="num">Index</th>
                <th className="num">Attempt</th>
                <th>Status</th>
                <th>Executor</th>
                <th>Launched</th>
                <th className="num">Duration</th>
                <th className="num">GC</th>
                <th className="num">Input</th>
                <th className="num">Shuffle read</th>
                <th className="num">Spill (disk)</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {(tasks.data?.sparkApplicationStageAttemptTasks ?? []).map((t) => (
                <tr key={t.taskId} data-testid="task-row" data-status={t.status}>
                  <th scope="row" className="num">
                    {t.taskId}
                  </th>
                  <td className="num">{t.index}</td>
                  <td className="num">{t.attempt}</td>
                  <td>
                    <StatusPill status={t.status} />
                  </td>
                  <td>{t.executorId}</td>
                  <td>{formatDateTime(t.launchTime)}</td>
                  <td className="num">{formatMs(t.durationMillis)}</td>
                  <td className="num">{t.taskMetrics ? formatMs(t.taskMetrics.jvmGcTimeMillis) : '—'}</td>
                  <td className="num">
                    {t.taskMetrics ? formatBytes(t.taskMetrics.inputMetrics?.bytesRead) : '—'}
                  </td>
                  <td className="num">
                    {t.taskMetrics
                      ? formatBytes(
                          num(t.taskMetrics.shuffleReadMetrics?.remoteBytesRead) +
                            num(t.taskMetrics.shuffleReadMetrics?.localBytesRead),
                        )
                      : '—'}
                  </td>
                  <td className="num">{t.taskMetrics ? formatBytes(t.taskMetrics.diskBytesSpilled) : '—'}</td>
                  <td style={{ minWidth: 280 }}>
                    {t.errorMessage && (
                      <details>
                        <summary>{errorHeadline(t.errorMessage)}</summary>
                        <Pre data-testid="task-error">{t.errorMessage}</Pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </TableScroll>
        <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
          {pageToken && <Button onClick={() => setPageToken(undefined)}>First page</Button>}
          {tasks.data?.nextPageToken && (
            <Button onClick={() => setPageToken(tasks.data?.nextPageToken)}>Next 100 tasks</Button>
          )}
        </Box>
      </Paper>
    </Box>
  );
}
