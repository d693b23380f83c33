import Box from '@mui/material/Box';
import type { FormEvent, ReactNode } from 'react';
import { TWO_COLUMNS } from '../page-frame';

/** The session and template forms' layout: the sections, and beside them the equivalent request. */
export function ConfigFormLayout({
  label,
  onSubmit,
  aside,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent) => void;
  aside: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="form" noValidate aria-label={label} onSubmit={onSubmit} sx={TWO_COLUMNS}>
      <Box sx={{ display: 'grid', gap: 2 }}>{children}</Box>
      <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>{aside}</Box>
    </Box>
  );
}
