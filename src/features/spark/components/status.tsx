import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import RemoveCircleOutlineIcon from '@mui/icons-material/DoNotDisturb';
import SyncIcon from '@mui/icons-material/Sync';
import { styled } from '@mui/material/styles';

type Tone = 'text' | 'success' | 'info' | 'error';

const Pill = styled('span')<{ tone: Tone }>(({ theme, tone }) => {
  const color = tone === 'text' ? theme.palette.text.secondary : theme.palette[tone].main;
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    padding: '1px 8px 1px 4px',
    borderRadius: 16,
    border: `1px solid ${color}`,
    color,
    fontSize: '0.8125rem',
    whiteSpace: 'nowrap',
    '& svg': { fontSize: 18 },
  };
});

const LOOK: Record<string, { label: string; tone: Tone; Icon: typeof CheckCircleIcon }> = {
  RUNNING: { label: 'Running', tone: 'info', Icon: SyncIcon },
  ACTIVE: { label: 'Running', tone: 'info', Icon: SyncIcon },
  SUCCEEDED: { label: 'Succeeded', tone: 'success', Icon: CheckCircleIcon },
  COMPLETE: { label: 'Complete', tone: 'success', Icon: CheckCircleIcon },
  SUCCESS: { label: 'Success', tone: 'success', Icon: CheckCircleIcon },
  FAILED: { label: 'Failed', tone: 'error', Icon: ErrorIcon },
  KILLED: { label: 'Killed', tone: 'error', Icon: RemoveCircleOutlineIcon },
  PENDING: { label: 'Pending', tone: 'text', Icon: HourglassEmptyIcon },
  SKIPPED: { label: 'Skipped', tone: 'text', Icon: RemoveCircleOutlineIcon },
  UNKNOWN: { label: 'Unknown', tone: 'text', Icon: HourglassEmptyIcon },
};

const shortStatus = (status: string | undefined) =>
  (status ?? 'UNKNOWN').replace(/^(JOB_EXECUTION_STATUS|STAGE_STATUS|TASK_STATUS)_/, '');

/** Where a status sorts: what is still going on first, then what finished well, then what did not. */
const RANK = [
  'RUNNING',
  'ACTIVE',
  'PENDING',
  'SUCCEEDED',
  'COMPLETE',
  'SUCCESS',
  'FAILED',
  'KILLED',
  'SKIPPED',
];
export function statusRank(status: string | undefined): number {
  const i = RANK.indexOf(shortStatus(status));
  return i < 0 ? RANK.length : i;
}

/** A job, stage or task status, as icon and word (never colour alone). */
export function StatusPill({ status }: { status: string | undefined }) {
  const key = shortStatus(status);
  const look = LOOK[key] ?? { label: key, tone: 'text' as const, Icon: HourglassEmptyIcon };
  return (
    <Pill tone={look.tone} data-status={key}>
      <look.Icon aria-hidden />
      {look.label}
    </Pill>
  );
}

/** Completed, failed and running tasks as a bar, with the same counts in words. */
export function TaskProgress({
  total,
  completed,
  running,
  failed,
}: {
  total: number;
  completed: number;
  running: number;
  failed: number;
}) {
  const pct = (n: number) => `${total ? Math.min(100, (n / total) * 100) : 0}%`;
  const words = `${completed} of ${total} tasks done${running ? `, ${running} running` : ''}${failed ? `, ${failed} failed` : ''}`;
  return (
    <ProgressBox>
      <span
        className="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-label={words}
      >
        <span className="done" style={{ width: pct(completed) }} />
        <span className="running" style={{ width: pct(running) }} />
      </span>
      <span className="words">
        {completed}/{total}
        {running ? ` (${running} running)` : ''}
        {failed ? ` (${failed} failed)` : ''}
      </span>
    </ProgressBox>
  );
}

const ProgressBox = styled('span')(({ theme }) => ({
  display: 'inline-flex',
  flexDirection: 'column',
  gap: 2,
  minWidth: 140,
  '& .bar': {
    display: 'flex',
    height: 10,
    borderRadius: 5,
    overflow: 'hidden',
    border: `1px solid ${theme.palette.text.secondary}`,
  },
  '& .done': { background: theme.palette.success.main },
  '& .running': {
    background: `repeating-linear-gradient(45deg, ${theme.palette.info.main} 0 4px, transparent 4px 8px)`,
  },
  '& .words': { fontSize: '0.75rem', color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
}));
