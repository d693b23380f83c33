import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface NameValue {
  name: string;
  value: ReactNode;
  /** Shown on hover, e.g. the raw API value behind a friendly one. */
  title?: string;
}

/**
 * A titled group of fields as a description list. Rows whose value is empty are left out, so an
 * unset field never shows as a blank that looks like a bug.
 */
export function NameValueSection({
  title,
  rows,
  children,
}: {
  title: string;
  rows: NameValue[];
  children?: ReactNode;
}) {
  const shown = rows.filter(
    (r) => r.value !== undefined && r.value !== null && r.value !== '' && r.value !== false,
  );
  if (!shown.length && !children) return null;
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2, minWidth: 0 }}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {shown.length > 0 && (
        <Box
          component="dl"
          sx={{
            display: 'grid',
            // minmax(0, …): a long token wraps inside its track instead of widening it over its neighbour.
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(120px, 200px) minmax(0, 1fr)' },
            gap: 1,
            m: 0,
          }}
        >
          {shown.map((row) => (
            <Box key={row.name} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary" variant="body2">
                {row.name}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{ m: 0, overflowWrap: 'anywhere' }}
                title={row.title}
              >
                {row.value}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {children}
    </Paper>
  );
}
