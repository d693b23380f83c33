import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { DeclaredTable, TableScroll, type Column } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import { num } from '../../../lib/cost';
import {
  chartScale,
  executorsAt,
  executorsNow,
  type DcuSample,
  type ExecutorStep,
  type JobMark,
} from '../usage/usage-series';

const WIDTH = 600;
const ROW_HEIGHT = 70;
const GAP = 18;
const LEFT = 36;
const RIGHT = 8;

interface Props {
  from: number;
  to: number;
  samples: readonly DcuSample[];
  steps: readonly ExecutorStep[];
  jobs: readonly JobMark[];
  /** Whether the Spark executors API answered (else the executors row says why it is empty). */
  sparkKnown: boolean;
}

interface UsageRow {
  at: number;
  dcu: number | undefined;
}

/** In time order, as the chart reads: the readings are few, but the order is the point. */
const USAGE_COLUMNS: Column<UsageRow, { steps: readonly ExecutorStep[]; sparkKnown: boolean }>[] = [
  {
    id: 'time',
    header: 'Time',
    className: 'nowrap',
    cell: (row) => formatDateTime(new Date(row.at).toISOString()),
  },
  {
    id: 'dcu',
    header: 'DCU (observed)',
    className: 'num',
    cell: (row) => (row.dcu === undefined ? '—' : num(row.dcu, 2)),
  },
  {
    id: 'executors',
    header: 'Executors (Spark API)',
    className: 'num',
    cell: (row, c) => (c.sparkKnown ? executorsAt(c.steps, row.at) : '—'),
  },
];

/** A step line through `points` ([time, value]) within one row of the chart. */
function stepPath(
  points: Array<[number, number]>,
  x: (t: number) => number,
  y: (v: number) => number,
  end: number,
) {
  if (!points.length) return '';
  let d = `M${x(points[0]![0])},${y(points[0]![1])}`;
  for (let i = 1; i < points.length; i++) {
    d += ` H${x(points[i]![0])} V${y(points[i]![1])}`;
  }
  return `${d} H${x(end)}`;
}

/**
 * DCU (as the console observed it) and executors (from the Spark API) over the session's life,
 * as two rows sharing the time axis, with a tick per Spark job. Plain SVG: a handful of lines does
 * not justify a chart library. The table under it says the same in text.
 */
export function UsageChart({ from, to, samples, steps, jobs, sparkKnown }: Props) {
  const theme = useTheme();
  const scale = chartScale(from, to, samples, steps);
  const x = (t: number) => LEFT + ((t - scale.from) / (scale.to - scale.from)) * (WIDTH - LEFT - RIGHT);
  const dcuTop = 4;
  const execTop = dcuTop + ROW_HEIGHT + GAP;
  const yDcu = (v: number) => dcuTop + ROW_HEIGHT - (v / scale.maxDcu) * ROW_HEIGHT;
  const yExec = (v: number) => execTop + ROW_HEIGHT - (v / scale.maxExecutors) * ROW_HEIGHT;
  const height = execTop + ROW_HEIGHT + 16;
  const dcuColor = theme.palette.primary.main;
  const execColor = theme.palette.secondary.main;
  const axis = theme.palette.text.secondary;
  const stepPoints: Array<[number, number]> = steps.map((s) => [s.at, s.count]);
  const rows = [
    ...samples.map((s) => ({ at: s.at, dcu: s.dcu as number | undefined })),
    ...steps.filter((s) => !samples.some((d) => d.at === s.at)).map((s) => ({ at: s.at, dcu: undefined })),
  ].sort((a, b) => a.at - b.at);
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="usage-chart-summary"
        sx={{ width: '100%', height: 'auto', display: 'block' }}
      >
        <text x={0} y={dcuTop + 10} fontSize={10} fill={axis}>
          DCU
        </text>
        <text x={0} y={dcuTop + 22} fontSize={10} fill={axis}>
          {num(scale.maxDcu, 1)}
        </text>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={yDcu(0)} y2={yDcu(0)} stroke={axis} strokeWidth={0.5} />
        <text x={0} y={execTop + 10} fontSize={10} fill={axis}>
          Exec.
        </text>
        <text x={0} y={execTop + 22} fontSize={10} fill={axis}>
          {scale.maxExecutors}
        </text>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={yExec(0)} y2={yExec(0)} stroke={axis} strokeWidth={0.5} />
        {jobs.map((job) => (
          <line
            key={job.id}
            x1={x(job.start)}
            x2={x(job.start)}
            y1={dcuTop}
            y2={execTop + ROW_HEIGHT}
            stroke={axis}
            strokeDasharray="2 3"
            strokeWidth={1}
          >
            <title>{`${job.label} submitted ${formatDateTime(new Date(job.start).toISOString())}`}</title>
          </line>
        ))}
        <path
          d={stepPath(
            samples.map((s) => [s.at, s.dcu]),
            x,
            yDcu,
            Math.max(samples[samples.length - 1]?.at ?? 0, scale.to),
          )}
          fill="none"
          stroke={dcuColor}
          strokeWidth={2}
        />
        {samples.map((s) => (
          <circle key={s.at} cx={x(s.at)} cy={yDcu(s.dcu)} r={2.5} fill={dcuColor} />
        ))}
        <path
          d={stepPath(stepPoints, x, yExec, scale.to)}
          fill="none"
          stroke={execColor}
          strokeWidth={2}
          strokeDasharray="6 2"
        />
        <text x={LEFT} y={height - 2} fontSize={10} fill={axis}>
          {formatDateTime(new Date(scale.from).toISOString())}
        </text>
        <text x={WIDTH - RIGHT} y={height - 2} fontSize={10} fill={axis} textAnchor="end">
          {formatDateTime(new Date(scale.to).toISOString())}
        </text>
      </Box>
      <Typography id="usage-chart-summary" variant="body2" color="text.secondary" data-testid="usage-summary">
        {samples.length
          ? `DCU (solid line, top): ${samples.length} reading${samples.length === 1 ? '' : 's'} of currentUsage seen since this page opened, from ${num(Math.min(...samples.map((s) => s.dcu)), 2)} to ${num(scale.maxDcu, 2)} DCU. `
          : 'DCU: no currentUsage reading seen yet (the API reports it while the session runs). '}
        {sparkKnown
          ? steps.length
            ? `Executors (dashed line, bottom), from the Spark executors API: at most ${scale.maxExecutors}, ${executorsNow(steps)} now. `
            : 'Executors: the Spark API lists none yet. '
          : 'Executors: no Spark application to read them from. '}
        {jobs.length ? `${jobs.length} Spark job${jobs.length === 1 ? '' : 's'} marked as dotted ticks.` : ''}
      </Typography>
      {rows.length > 0 && (
        <details>
          <summary>
            <Typography component="span" variant="body2">
              Usage as a table
            </Typography>
          </summary>
          <TableScroll label="Usage as a table">
            <DeclaredTable
              aria-label="Usage as a table"
              columns={USAGE_COLUMNS}
              rows={rows}
              context={{ steps, sparkKnown }}
              rowKey={(row) => String(row.at)}
            />
          </TableScroll>
        </details>
      )}
    </Box>
  );
}
