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
import type { ExecutorStageSummary, Quantiles, TaskData } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { stageExecutorsQuery, stagesQuery, tasksQuery } from '../api/spark-queries';
import { diagnoseStage, errorHeadline, groupFindings } from '../diagnosis';
import { formatBytes, formatMs, num } from '../units';
import { DeclaredTable, Pre, TableScroll, useSortedRows, type Column } from '../../../components/data-table';
import { FindingList } from './findings';
import { metricColumn } from './metric-column';
import { useSparkPlace } from './spark-url';
import { StageGraph } from './stage-graph';
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
  const { href } = useSparkPlace(app.session);
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
  const taskRows = tasks.data?.sparkApplicationStageAttemptTasks ?? [];
  // The Error column only when a task on this page has one: mostly empty, it squeezed the others.
  const taskColumns = taskRows.some((t) => t.errorMessage)
    ? TASK_COLUMNS
    : TASK_COLUMNS.filter((c) => c.id !== 'error');
  const q = stage.taskQuantileMetrics;
  const rows: QuantileRow[] = [
    { label: 'Duration', value: q?.durationMillis, format: formatMs },
    { label: 'GC time', value: q?.jvmGcTimeMillis, format: formatMs },
    { label: 'Scheduler delay', value: q?.schedulerDelayMillis, format: formatMs },
    { label: 'Input', value: q?.inputMetrics?.bytesRead, format: formatBytes },
    { label: 'Shuffle read', value: q?.shuffleReadMetrics?.readBytes, format: formatBytes },
    { label: 'Shuffle write', value: q?.shuffleWriteMetrics?.writeBytes, format: formatBytes },
    { label: 'Spill (memory)', value: q?.memoryBytesSpilled, format: formatBytes },
    { label: 'Spill (disk)', value: q?.diskBytesSpilled, format: formatBytes },
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
      <StageGraph
        app={app}
        stageId={stageId}
        parentHref={(stage.parentStageIds ?? []).map((id) => ({
          stageId: id,
          href: href({ job: stage.jobIds?.[0], stage: id }),
        }))}
      />
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="quantiles-title">
        <Typography id="quantiles-title" variant="subtitle1" component="h4" gutterBottom>
          Task metrics over {q?.durationMillis?.count ?? 0} successful tasks
        </Typography>
        <TableScroll label="Task metrics">
          <DeclaredTable
            aria-labelledby="quantiles-title"
            measurements
            columns={QUANTILE_COLUMNS}
            rows={rows}
            context={null}
            rowKey={(row) => row.label}
          />
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
          <StageExecutorsTable executors={perExecutor.data?.sparkApplicationStageExecutors ?? []} />
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
          <DeclaredTable
            aria-labelledby="tasks-title"
            data-testid="tasks-table"
            measurements
            columns={taskColumns}
            rows={taskRows}
            context={null}
            rowKey={(t) => t.taskId ?? ''}
            rowProps={(t) => ({ 'data-testid': 'task-row', 'data-status': t.status })}
          />
        </TableScroll>
        {/* Tasks come 100 a page in the API's order: its orders are the choices above, not column headers. */}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {stage.numTasks ?? 0} tasks, 100 a page, in the order chosen above (the API sorts them; the columns
          do not).
        </Typography>
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

interface QuantileRow {
  label: string;
  value: Quantiles | undefined;
  format: (v: string | undefined) => string;
}

const quantileColumn = (
  id: string,
  header: string,
  pick: (q: Quantiles) => string | undefined,
): Column<QuantileRow, null> => ({
  id,
  header,
  className: 'num',
  cell: (row) => (row.value ? row.format(pick(row.value)) : '—'),
});

/** A fixed matrix of metrics by quantile: nothing to sort. */
const QUANTILE_COLUMNS: Column<QuantileRow, null>[] = [
  { id: 'metric', header: 'Metric', rowHeader: true, cell: (row) => row.label },
  quantileColumn('min', 'Min', (q) => q.minimum),
  quantileColumn('p25', '25th percentile', (q) => q.percentile25),
  quantileColumn('p50', 'Median', (q) => q.percentile50),
  quantileColumn('p75', '75th percentile', (q) => q.percentile75),
  quantileColumn('max', 'Max', (q) => q.maximum),
];

const EXECUTOR_COLUMNS: Column<ExecutorStageSummary, null>[] = [
  {
    id: 'executor',
    header: 'Executor',
    rowHeader: true,
    cell: (e) => e.executorId,
    sortValue: (e) => (e.executorId === 'driver' ? -1 : num(e.executorId)),
  },
  {
    id: 'tasks',
    header: 'Tasks succeeded / failed / killed',
    className: 'num',
    cell: (e) => `${e.succeededTasks ?? 0} / ${e.failedTasks ?? 0} / ${e.killedTasks ?? 0}`,
    sortValue: (e) => e.succeededTasks ?? 0,
  },
  metricColumn('time', 'Task time', (e) => e.taskTimeMillis, formatMs),
  metricColumn('input', 'Input', (e) => e.inputBytes),
  metricColumn('shuffle-read', 'Shuffle read', (e) => e.shuffleRead),
  metricColumn('shuffle-write', 'Shuffle write', (e) => e.shuffleWrite),
  metricColumn('spill', 'Spill (disk)', (e) => e.diskBytesSpilled),
];

/** The stage's work per executor: every executor is on screen, so every column sorts. */
function StageExecutorsTable({ executors }: { executors: ExecutorStageSummary[] }) {
  const { sorted, sort, onSort } = useSortedRows(executors, EXECUTOR_COLUMNS);
  return (
    <DeclaredTable
      aria-labelledby="stage-executors-title"
      data-testid="stage-executors-table"
      measurements
      columns={EXECUTOR_COLUMNS}
      rows={sorted}
      context={null}
      rowKey={(e) => e.executorId ?? ''}
      sort={sort}
      onSort={onSort}
    />
  );
}

const orDash = (t: TaskData, show: (m: NonNullable<TaskData['taskMetrics']>) => string) =>
  t.taskMetrics ? show(t.taskMetrics) : '—';

/** Tasks are paged by the API in its own order (by ID, slowest first, failed only): no column sorts. */
const TASK_COLUMNS: Column<TaskData, null>[] = [
  { id: 'task', header: 'Task', rowHeader: true, className: 'num', cell: (t) => t.taskId },
  { id: 'index', header: 'Index', className: 'num', cell: (t) => t.index },
  { id: 'attempt', header: 'Attempt', className: 'num', cell: (t) => t.attempt },
  { id: 'status', header: 'Status', cell: (t) => <StatusPill status={t.status} /> },
  { id: 'executor', header: 'Executor', cell: (t) => t.executorId },
  // One line: wrapped, the date and time took four lines at 1280 px.
  { id: 'launched', header: 'Launched', className: 'nowrap', cell: (t) => formatDateTime(t.launchTime) },
  { id: 'duration', header: 'Duration', className: 'num', cell: (t) => formatMs(t.durationMillis) },
  { id: 'gc', header: 'GC', className: 'num', cell: (t) => orDash(t, (m) => formatMs(m.jvmGcTimeMillis)) },
  {
    id: 'input',
    header: 'Input',
    className: 'num',
    cell: (t) => orDash(t, (m) => formatBytes(m.inputMetrics?.bytesRead)),
  },
  {
    id: 'shuffle-read',
    header: 'Shuffle read',
    className: 'num',
    cell: (t) =>
      orDash(t, (m) =>
        formatBytes(num(m.shuffleReadMetrics?.remoteBytesRead) + num(m.shuffleReadMetrics?.localBytesRead)),
      ),
  },
  {
    id: 'spill',
    header: 'Spill (disk)',
    className: 'num',
    cell: (t) => orDash(t, (m) => formatBytes(m.diskBytesSpilled)),
  },
  {
    id: 'error',
    header: 'Error',
    // A readable measure for the headline; the whole error opens below it.
    className: 'prose',
    cell: (t) =>
      t.errorMessage && (
        <details>
          <summary>{errorHeadline(t.errorMessage)}</summary>
          <Pre data-testid="task-error">{t.errorMessage}</Pre>
        </details>
      ),
  },
];
