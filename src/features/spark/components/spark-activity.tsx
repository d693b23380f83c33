import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import type { Session } from '../../../schemas/wire';
import { elapsedMs, formatMs } from '../units';
import { RowLink as CellLink } from '../../../components/data-table';
import { sparkHref } from './spark-url';
import { useOverviewSparkJobs } from '../usage-timeline';

/**
 * Under the state history: when Spark jobs ran while the session was ACTIVE, one mark per job
 * (the latest page of jobs), each a link to the job; failed ones are marked with a cross as well
 * as a colour.
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
        <Box
          component="ol"
          aria-label="When Spark jobs ran"
          sx={{
            position: 'relative',
            height: 24,
            m: 0,
            p: 0,
            listStyle: 'none',
            borderBottom: 1,
            borderColor: 'divider',
          }}
        >
          {list.map((job) => {
            const left = at(job.submissionTime);
            const right = job.completionTime ? at(job.completionTime) : 100;
            const isFailed = job.status === 'JOB_EXECUTION_STATUS_FAILED';
            const label = `Job ${job.jobId}: ${job.description || job.name}, ${isFailed ? 'failed' : job.status === 'JOB_EXECUTION_STATUS_RUNNING' ? 'running' : 'succeeded'}, ${formatMs(elapsedMs(job.submissionTime, job.completionTime, end))}`;
            return (
              <li key={job.jobId} data-testid="activity-mark" data-status={job.status}>
                <Box
                  component={RouterLink}
                  to={sparkHref(session.name!, { job: job.jobId })}
                  aria-label={label}
                  title={label}
                  sx={{
                    position: 'absolute',
                    // Never past the right edge, however short the job.
                    left: `min(${left}%, calc(100% - ${isFailed ? 14 : 4}px))`,
                    width: `max(${isFailed ? 14 : 4}px, ${right - left}%)`,
                    top: isFailed ? 0 : 6,
                    height: isFailed ? 24 : 12,
                    bgcolor: isFailed ? 'error.main' : 'primary.main',
                    color: 'error.contrastText',
                    display: 'flex',
                    alignItems: 'center',
                    justifyContent: 'center',
                    borderRadius: 0.5,
                  }}
                >
                  {isFailed && <CloseIcon aria-hidden sx={{ fontSize: 14, verticalAlign: 'middle' }} />}
                </Box>
              </li>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
