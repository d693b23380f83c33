import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';
import { PageFrame } from './page-frame';

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
    <PageFrame title={title}>
      <Paper sx={{ p: 4, textAlign: 'center' }}>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {children ?? 'There is nothing at this address.'}
        </Typography>
        <Button component={RouterLink} to={backTo} variant="contained">
          {backLabel}
        </Button>
      </Paper>
    </PageFrame>
  );
}
