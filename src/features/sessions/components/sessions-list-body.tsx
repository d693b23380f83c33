import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { ErrorPanel } from '../../../components/error-panel';
import { paths } from '../../../lib/paths';
import type { Place } from '../../../schemas/names';
import { LoadingRows } from './list-status';

/** Inside the table's box: placeholders, the error, one of two empty states, or the table. */
export function SessionsListBody({
  place,
  loading,
  error,
  onRetry,
  empty,
  filter,
  onClearFilters,
  table,
}: {
  place: Place;
  loading: boolean;
  /** The list call failed and there are no rows to show instead. */
  error: Error | null;
  onRetry: () => void;
  /** No rows to show: `'region'` when nothing is filtered on page 1, `'filtered'` otherwise. */
  empty: 'region' | 'filtered' | undefined;
  /** The filters in force, in words, for the "nothing matches" state. */
  filter: string;
  onClearFilters: () => void;
  table: ReactNode;
}) {
  const { project, location } = place;
  if (loading) return <LoadingRows />;
  if (error)
    return (
      <Box sx={{ p: 2 }}>
        <ErrorPanel error={error} what="sessions" onRetry={onRetry} />
      </Box>
    );
  if (empty === 'region')
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p" gutterBottom>
          No sessions in {project} / {location} yet
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          An interactive session gives you a Spark kernel for notebooks or a Spark Connect endpoint.
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          component={RouterLink}
          to={paths.newSession(project, location)}
        >
          Create a session
        </Button>
      </Box>
    );
  if (empty === 'filtered')
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p" gutterBottom>
          No sessions match these filters
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2, fontFamily: 'monospace' }}>
          {filter}
        </Typography>
        <Button variant="outlined" onClick={onClearFilters}>
          Clear filters
        </Button>
      </Box>
    );
  return <>{table}</>;
}
