import Button from '@mui/material/Button';
import { setTimeZone, useTimeZone, zoneName } from '../../lib/time-zone';

/** Shows times in UTC or the browser's zone; the choice is kept in localStorage. */
export function TimeZoneToggle() {
  const zone = useTimeZone();
  const next = zone === 'utc' ? 'local' : 'utc';
  const shown = zone === 'utc' ? 'UTC' : `local (${zoneName('local')})`;
  return (
    <Button
      color="inherit"
      size="small"
      onClick={() => setTimeZone(next)}
      aria-label={`Times shown in ${shown}. Switch to ${next === 'utc' ? 'UTC' : 'local time'}`}
      data-testid="time-zone-toggle"
      sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}
    >
      Times: {shown}
    </Button>
  );
}
