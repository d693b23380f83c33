import { styled } from '@mui/material/styles';
import type { SessionState } from '../schemas/session-states';
import { STATE_LABEL } from '../lib/session-state';

type Tone = 'text' | 'success' | 'info' | 'warning' | 'error';

/**
 * Material icons' paths (HelpOutlineOutlined, HourglassTop, CheckCircle, Sync, StopCircle, Error)
 * drawn as plain SVG: one MUI SvgIcon per list row was a measurable part of the first paint.
 */
const LOOK: Record<SessionState, { path: string; tone: Tone }> = {
  STATE_UNSPECIFIED: {
    path: 'M11 18h2v-2h-2zm1-16C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8m0-14c-2.21 0-4 1.79-4 4h2c0-1.1.9-2 2-2s2 .9 2 2c0 2-3 1.75-3 5h2c0-2.25 3-2.5 3-5 0-2.21-1.79-4-4-4',
    tone: 'text',
  },
  CREATING: {
    path: 'm6 2 .01 6L10 12l-3.99 4.01L6 22h12v-6l-4-4 4-3.99V2zm10 14.5V20H8v-3.5l4-4z',
    tone: 'info',
  },
  ACTIVE: {
    path: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8z',
    tone: 'success',
  },
  TERMINATING: {
    path: 'M12 4V1L8 5l4 4V6c3.31 0 6 2.69 6 6 0 1.01-.25 1.97-.7 2.8l1.46 1.46C19.54 15.03 20 13.57 20 12c0-4.42-3.58-8-8-8m0 14c-3.31 0-6-2.69-6-6 0-1.01.25-1.97.7-2.8L5.24 7.74C4.46 8.97 4 10.43 4 12c0 4.42 3.58 8 8 8v3l4-4-4-4z',
    tone: 'warning',
  },
  TERMINATED: {
    path: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m4 14H8V8h8z',
    tone: 'text',
  },
  FAILED: {
    path: 'M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m1 15h-2v-2h2zm0-4h-2V7h2z',
    tone: 'error',
  },
};

/** An outlined pill, styled once: list pages show one per row, so it avoids MUI Chip's weight. */
const Pill = styled('span')<{ tone: Tone; big?: boolean }>(({ theme, tone, big }) => {
  const palette = theme.palette;
  const color = tone === 'text' ? palette.text.secondary : palette[tone].main;
  return {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    padding: big ? '3px 10px 3px 6px' : '1px 8px 1px 4px',
    borderRadius: 16,
    border: `1px solid ${color}`,
    color,
    fontSize: big ? '0.875rem' : '0.8125rem',
    lineHeight: 1.5,
    whiteSpace: 'nowrap',
    '& svg': { width: big ? 20 : 18, height: big ? 20 : 18, flexShrink: 0, fill: 'currentColor' },
  };
});

/** A state as icon and word, never colour alone. */
export function SessionStateChip({
  state,
  size = 'small',
  deleting = false,
}: {
  state: SessionState | undefined;
  size?: 'small' | 'medium';
  /** A delete from this console is running: the service still says the old state, the user should not. */
  deleting?: boolean;
}) {
  const s = deleting ? 'TERMINATING' : (state ?? 'STATE_UNSPECIFIED');
  const { path, tone } = LOOK[s];
  return (
    <Pill tone={tone} big={size === 'medium'} data-state={deleting ? 'DELETING' : s}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={path} />
      </svg>
      {deleting ? 'Deleting…' : STATE_LABEL[s]}
    </Pill>
  );
}
