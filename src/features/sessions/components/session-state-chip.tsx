import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import SyncIcon from '@mui/icons-material/Sync';
import Chip from '@mui/material/Chip';
import type { SessionState } from '../../../schemas/enums';
import { STATE_LABEL } from '../session-state';

const LOOK: Record<
  SessionState,
  { icon: React.ReactElement; color: 'default' | 'success' | 'info' | 'warning' | 'error' }
> = {
  STATE_UNSPECIFIED: { icon: <HelpOutlineIcon />, color: 'default' },
  CREATING: { icon: <HourglassTopIcon />, color: 'info' },
  ACTIVE: { icon: <CheckCircleIcon />, color: 'success' },
  TERMINATING: { icon: <SyncIcon />, color: 'warning' },
  TERMINATED: { icon: <StopCircleIcon />, color: 'default' },
  FAILED: { icon: <ErrorIcon />, color: 'error' },
};

/** A state as icon and word, never colour alone. */
export function SessionStateChip({
  state,
  size = 'small',
}: {
  state: SessionState | undefined;
  size?: 'small' | 'medium';
}) {
  const s = state ?? 'STATE_UNSPECIFIED';
  return (
    <Chip
      size={size}
      icon={LOOK[s].icon}
      label={STATE_LABEL[s]}
      color={LOOK[s].color}
      variant="outlined"
      data-state={s}
    />
  );
}
