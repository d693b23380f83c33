import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';

export function NotFoundPage({
  title = 'Page not found',
  children,
  backTo = '/',
  backLabel = 'Back to sessions',
}: {
  title?: string;
  children?: ReactNode;
  backTo?: string;
  backLabel?: string;
}) {
  return (
    <Paper sx={{ p: 4, textAlign: 'center' }} role="region" aria-labelledby="not-found-title">
      <Typography id="not-found-title" variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {children ?? 'There is nothing at this address.'}
      </Typography>
      <Button component={RouterLink} to={backTo} variant="contained">
        {backLabel}
      </Button>
    </Paper>
  );
}
