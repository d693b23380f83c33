import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatDateTime, formatRelative, formatSeconds } from '../../../lib/format';
import type { SessionState } from '../../../schemas/enums';
import type { Session } from '../../../schemas/wire';
import { isTerminal } from '../../../lib/session-state';
import { SessionStateChip } from '../../../components/session-state-chip';

export interface TimelineEntry {
  state: SessionState | undefined;
  start: string | undefined;
  message: string | undefined;
  /** Seconds spent in the state; for a live current state, so far. Undefined for an ended session's last state. */
  seconds: number | undefined;
  current: boolean;
}

/** stateHistory (previous states, oldest first) followed by the current state. */
export function timelineEntries(session: Session, now: number): TimelineEntry[] {
  const steps = [
    ...(session.stateHistory ?? []).map((h) => ({
      state: h.state,
      start: h.stateStartTime,
      message: h.stateMessage,
    })),
    { state: session.state, start: session.stateTime, message: session.stateMessage },
  ];
  return steps.map((step, i) => {
    const current = i === steps.length - 1;
    const begin = Date.parse(step.start ?? '');
    const end = current ? (isTerminal(step.state) ? undefined : now) : Date.parse(steps[i + 1]!.start ?? '');
    const seconds =
      end === undefined || Number.isNaN(begin) || Number.isNaN(end)
        ? undefined
        : Math.max(0, (end - begin) / 1000);
    return { ...step, seconds, current };
  });
}

/** A vertical timeline drawn with plain MUI parts (an ordered list with a rule down its side). */
export function StateHistoryTimeline({ session, now }: { session: Session; now: number }) {
  const entries = timelineEntries(session, now);
  return (
    <Box component="ol" aria-label="State history" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {entries.map((entry, i) => (
        <Box
          component="li"
          key={`${entry.state}-${entry.start}-${i}`}
          data-testid="timeline-entry"
          data-state={entry.state}
          aria-current={entry.current ? 'step' : undefined}
          sx={{
            position: 'relative',
            pl: 4,
            pb: i === entries.length - 1 ? 0 : 2.5,
            '&::before': {
              content: '""',
              position: 'absolute',
              left: 9,
              top: 8,
              bottom: i === entries.length - 1 ? 'auto' : -8,
              height: i === entries.length - 1 ? 0 : 'auto',
              borderLeft: 2,
              borderColor: 'divider',
            },
            '&::after': {
              content: '""',
              position: 'absolute',
              left: 4,
              top: 6,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: entry.current ? 'primary.main' : 'background.paper',
              border: 2,
              borderColor: entry.current ? 'primary.main' : 'text.disabled',
            },
          }}
        >
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <SessionStateChip state={entry.state} />
            {entry.current && (
              <Typography variant="caption" color="text.secondary">
                (current)
              </Typography>
            )}
            <Typography variant="body2" title={entry.start}>
              {formatDateTime(entry.start)} · {formatRelative(entry.start, now)}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="timeline-duration">
              {entry.seconds !== undefined
                ? entry.current
                  ? `for ${formatSeconds(entry.seconds)} so far`
                  : `lasted ${formatSeconds(entry.seconds)}`
                : ''}
            </Typography>
          </Box>
          {entry.message &&
            (entry.state === 'FAILED' ? (
              <Alert
                severity="error"
                sx={{ mt: 1, '& .MuiAlert-message': { minWidth: 0, overflowWrap: 'anywhere' } }}
              >
                {entry.message}
              </Alert>
            ) : (
              <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
                {entry.message}
              </Typography>
            ))}
        </Box>
      ))}
    </Box>
  );
}
