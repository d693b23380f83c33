import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import SyncIcon from '@mui/icons-material/Sync';
import { styled } from '@mui/material/styles';
import type { SessionState } from '../../../schemas/enums';
import { STATE_LABEL } from '../session-state';

type Tone = 'text' | 'success' | 'info' | 'warning' | 'error';

const LOOK: Record<SessionState, { Icon: typeof CheckCircleIcon; tone: Tone }> = {
  STATE_UNSPECIFIED: { Icon: HelpOutlineIcon, tone: 'text' },
  CREATING: { Icon: HourglassTopIcon, tone: 'info' },
  ACTIVE: { Icon: CheckCircleIcon, tone: 'success' },
  TERMINATING: { Icon: SyncIcon, tone: 'warning' },
  TERMINATED: { Icon: StopCircleIcon, tone: 'text' },
  FAILED: { Icon: ErrorIcon, tone: 'error' },
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
    '& svg': { fontSize: big ? 20 : 18 },
  };
});

/** A state as icon and word, never colour alone. */
export function SessionStateChip({
  state,
  size = 'small',
}: {
  state: SessionState | undefined;
  size?: 'small' | 'medium';
}) {
  const s = state ?? 'STATE_UNSPECIFIED';
  const { Icon, tone } = LOOK[s];
  return (
    <Pill tone={tone} big={size === 'medium'} data-state={s}>
      <Icon aria-hidden />
      {STATE_LABEL[s]}
    </Pill>
  );
}
