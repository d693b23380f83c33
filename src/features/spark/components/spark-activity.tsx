import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import type { JobData } from '../../../schemas/spark';
import type { Session } from '../../../schemas/wire';
import { elapsedMs, formatMs } from '../units';
import { RowLink as CellLink } from '../../../components/data-table';
import { sparkHref } from './spark-url';
import { useOverviewSparkJobs } from '../usage-timeline';

/**
 * Under the state history: when Spark jobs ran while the session was ACTIVE, one mark per job
 * (the latest page of jobs), each a link to the job; failed ones are marked with a cross as well
 * as a colour. The marks are one control for the keyboard (see JobMarks).
 */
export function SparkActivity({ session }: { session: Session }) {
  // The overview needs no 2-second updates: a new mark every 10 s is enough.
  const { app, jobs, more } = useOverviewSparkJobs(session);
  const attempt = app?.application?.attempts?.[0];
  if (!app || !attempt?.startTime) return null;
  const list = jobs ?? [];
  // The strip spans the jobs shown: from the oldest one's start (the application's, when every
  // job is shown) to the application's end or latest update.
  const oldest = more ? list.at(-1)?.submissionTime : attempt.startTime;
  const start = Date.parse(oldest ?? attempt.startTime);
  const end = Date.parse(attempt.endTime ?? attempt.lastUpdated ?? '') || start + 1;
  const span = Math.max(1, end - start);
  const at = (iso: string | undefined) =>
    Math.min(100, Math.max(0, ((Date.parse(iso ?? '') - start) / span) * 100));
  const failed = list.filter((j) => j.status === 'JOB_EXECUTION_STATUS_FAILED').length;
  return (
    <Box
      component="section"
      aria-labelledby="spark-activity-title"
      sx={{ mt: 2 }}
      data-testid="spark-activity"
    >
      <Typography id="spark-activity-title" variant="subtitle2" component="h3">
        Spark jobs while Active
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {list.length
          ? `${more ? `The latest ${list.length}` : list.length} job${list.length === 1 ? '' : 's'} between ${formatDateTime(list.at(-1)?.submissionTime)} and ${formatDateTime(list[0]?.completionTime ?? attempt.lastUpdated)}${failed ? `; ${failed} failed` : ''}. `
          : 'No Spark jobs ran. '}
        <CellLink to={sparkHref(session.name!, {})}>Open the Spark tab</CellLink>
      </Typography>
      {list.length > 0 && (
        <JobMarks
          jobs={list}
          at={at}
          end={end}
          hrefOf={(jobId) => sparkHref(session.name!, { job: jobId })}
        />
      )}
    </Box>
  );
}

/** Each mark's target is at least this wide and tall (WCAG 2.5.8), however short the job. */
const TARGET_PX = 24;

const jobLabel = (job: JobData, end: number) => {
  const isFailed = job.status === 'JOB_EXECUTION_STATUS_FAILED';
  const state = isFailed ? 'failed' : job.status === 'JOB_EXECUTION_STATUS_RUNNING' ? 'running' : 'succeeded';
  return `Job ${job.jobId}: ${job.description || job.name}, ${state}, ${formatMs(elapsedMs(job.submissionTime, job.completionTime, end))}`;
};

/**
 * The marks as ONE keyboard control: a single tab stop (a roving tabindex over the marks' links),
 * the arrow keys move between jobs in time order (Home and End to the first and last), the focused
 * mark's link is named after its job, and Enter opens it. The job under focus (or the newest) is
 * also written out below the strip, for the eye.
 */
function JobMarks({
  jobs,
  at,
  end,
  hrefOf,
}: {
  jobs: JobData[];
  at: (iso: string | undefined) => number;
  end: number;
  hrefOf: (jobId: string | undefined) => string;
}) {
  // The API lists newest first; the strip reads left to right, oldest first.
  const marks = [...jobs].sort(
    (a, b) => (Date.parse(a.submissionTime ?? '') || 0) - (Date.parse(b.submissionTime ?? '') || 0),
  );
  const [chosen, setChosen] = useState<string>();
  // The newest job until one is chosen, and again if the chosen one has left the latest page.
  const chosenIndex = marks.findIndex((j) => j.jobId === chosen);
  const activeIndex = chosenIndex < 0 ? marks.length - 1 : chosenIndex;
  const active = marks[activeIndex] ?? marks.at(-1);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const move = (event: KeyboardEvent) => {
    const to =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? activeIndex + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? activeIndex - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? marks.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    const job = marks[Math.min(marks.length - 1, Math.max(0, to))]!;
    setChosen(job.jobId);
    links.current.get(job.jobId ?? '')?.focus();
  };
  return (
    <>
      <Box
        component="ol"
        aria-label="When Spark jobs ran"
        aria-describedby="spark-activity-keys"
        onKeyDown={move}
        sx={{
          position: 'relative',
          height: TARGET_PX,
          m: 0,
          p: 0,
          listStyle: 'none',
          // cqw (1 % of the strip): a mark's span is measured against the strip inside its wider target.
          containerType: 'inline-size',
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {marks.map((job) => {
          const left = at(job.submissionTime);
          const width = (job.completionTime ? at(job.completionTime) : 100) - left;
          const isFailed = job.status === 'JOB_EXECUTION_STATUS_FAILED';
          const isActive = job === active;
          const label = jobLabel(job, end);
          const target = `max(${TARGET_PX}px, ${width}%)`;
          return (
            <li key={job.jobId} data-testid="activity-mark" data-status={job.status}>
              <Box
                component={RouterLink}
                ref={(el: HTMLAnchorElement | null) => {
                  if (el) links.current.set(job.jobId ?? '', el);
                  else links.current.delete(job.jobId ?? '');
                }}
                to={hrefOf(job.jobId)}
                aria-label={label}
                title={label}
                tabIndex={isActive ? 0 : -1}
                onFocus={() => setChosen(job.jobId)}
                sx={{
                  position: 'absolute',
                  // A target of at least 24 × 24 px centred on the job, never past either edge.
                  left: `clamp(0px, calc(${left}% - max(0px, (${TARGET_PX}px - ${width}%) / 2)), calc(100% - ${target}))`,
                  width: target,
                  top: 0,
                  height: TARGET_PX,
                  // Failed jobs above the others, the chosen one above all: neither hides under a neighbour.
                  zIndex: isActive ? 3 : isFailed ? 2 : 1,
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  borderRadius: 0.5,
                  '&:focus-visible': { outline: 2, outlineColor: 'text.primary', outlineOffset: 1 },
                }}
              >
                {/* The mark itself: the job's span, at least 4 px; a failed job is tall, red and crossed. */}
                <Box
                  component="span"
                  aria-hidden="true"
                  sx={{
                    width: `min(100%, max(${isFailed ? 14 : 4}px, ${width}cqw))`,
                    height: isFailed ? TARGET_PX : 12,
                    bgcolor: isFailed ? 'error.main' : 'primary.main',
                    color: 'error.contrastText',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    borderRadius: 0.5,
                    outline: isActive ? 2 : 0,
                    outlineColor: 'text.secondary',
                  }}
                >
                  {isFailed && <CloseIcon sx={{ fontSize: 14 }} />}
                </Box>
              </Box>
            </li>
          );
        })}
      </Box>
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ mt: 0.5, minHeight: '1.5em', overflowWrap: 'anywhere' }}
        data-testid="activity-chosen"
      >
        {active && jobLabel(active, end)}
      </Typography>
      <Typography
        id="spark-activity-keys"
        variant="caption"
        color="text.secondary"
        component="p"
        sx={{ m: 0 }}
      >
        One stop for the keyboard: the arrow keys move between jobs, Enter opens one.
      </Typography>
    </>
  );
}
