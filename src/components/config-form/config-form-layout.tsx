import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FormEvent, ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { TWO_COLUMNS } from '../page-frame';
import { FormEstimate } from './form-estimate';

/**
 * The session and template forms' layout: the sections, then the submit and cancel buttons (with
 * a form-level error and, after a refused submit, a pointer to the marked fields), and beside them
 * the equivalent request.
 */
export function ConfigFormLayout({
  label,
  onSubmit,
  aside,
  actions,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent) => void;
  aside: ReactNode;
  actions: ReactNode;
  children: ReactNode;
}) {
  const { errors, isSubmitted } = useFormState();
  return (
    <Box component="form" noValidate aria-label={label} onSubmit={onSubmit} sx={TWO_COLUMNS}>
      <Box sx={{ display: 'grid', gap: 2 }}>
        {children}
        {errors.root && <Alert severity="error">{errors.root.message}</Alert>}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          {actions}
          {Object.keys(errors).length > 0 && isSubmitted && (
            <Typography color="error" role="alert">
              Fix the fields marked in red; nothing was sent.
            </Typography>
          )}
        </Box>
      </Box>
      <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 }, display: 'grid', gap: 2, minWidth: 0 }}>
        <FormEstimate />
        {aside}
      </Box>
    </Box>
  );
}
