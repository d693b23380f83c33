import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { PlaceholderBlock } from '../../../components/placeholder-block';
import { formatSeconds } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';

export function LoadingRows() {
  return (
    <Box aria-busy="true" aria-label="Loading sessions" sx={{ p: 2 }}>
      {Array.from({ length: 8 }, (_, i) => (
        <PlaceholderBlock key={i} height={36} />
      ))}
    </Box>
  );
}

/**
 * "Updated 12 s ago", ticking on its own so the table does not re-render every second. Background
 * polls do not swap it for "Refreshing…" every few seconds (that flickered); only a refresh the
 * user asked for says so.
 */
export function UpdatedAgo({ updatedAt, refreshing }: { updatedAt: number; refreshing: boolean }) {
  const now = useNow(1000);
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      data-testid="updated-ago"
      sx={{ whiteSpace: 'nowrap' }}
    >
      {refreshing
        ? 'Refreshing…'
        : updatedAt
          ? `Updated ${formatSeconds(Math.max(0, now - updatedAt) / 1000)} ago`
          : ''}
    </Typography>
  );
}
