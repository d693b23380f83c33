import ScheduleIcon from '@mui/icons-material/Schedule';
import Button from '@mui/material/Button';
import { setTimeZone, useTimeZone, zoneName } from '../../lib/time-zone';

/** Shows times in UTC or the browser's zone; the choice is kept in localStorage. Short: the header is full. */
export function TimeZoneToggle() {
  const zone = useTimeZone();
  const next = zone === 'utc' ? 'local' : 'utc';
  const shown = zone === 'utc' ? 'UTC' : `local time (${zoneName('local')})`;
  const label = `Times shown in ${shown}. Switch to ${next === 'utc' ? 'UTC' : 'local time'}`;
  return (
    <Button
      color="inherit"
      size="small"
      startIcon={<ScheduleIcon />}
      onClick={() => setTimeZone(next)}
      aria-label={label}
      title={label}
      data-testid="time-zone-toggle"
      sx={{ textTransform: 'none', whiteSpace: 'nowrap', minWidth: 0 }}
    >
      {zone === 'utc' ? 'UTC' : 'Local'}
    </Button>
  );
}
