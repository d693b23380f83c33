import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useFormState } from 'react-hook-form';
import { TWO_COLUMNS } from '../page-frame';
import { ErrorSummary } from './error-summary';
import { fieldDomId } from './field-names';
import { FormEstimate } from './form-estimate';

const GAP = 16;

/**
 * How far below the top of the viewport the equivalent-request panel sticks: under the page's
 * sticky header, whatever its height (it wraps to two lines at some widths, so a constant would
 * let the panel's title slide under it).
 */
function useStickyTop(): number {
  const [top, setTop] = useState(88);
  useEffect(() => {
    const header = document.querySelector('header');
    if (!header) return;
    const measure = () => {
      const sticky = ['sticky', 'fixed'].includes(getComputedStyle(header).position);
      setTop((sticky ? header.getBoundingClientRect().height : 0) + GAP);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return top;
}

/**
 * The session and template forms' layout: after a refused submit the list of problems at the
 * top, then the sections, then the submit and cancel buttons (with a form-level error), and
 * beside them the equivalent request. `ownLabels` names the form's own fields for that list.
 */
export function ConfigFormLayout({
  label,
  onSubmit,
  aside,
  actions,
  ownLabels,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent) => void;
  aside: ReactNode;
  actions: ReactNode;
  ownLabels: Record<string, string>;
  children: ReactNode;
}) {
  const { errors, isSubmitted } = useFormState();
  const stickyTop = useStickyTop();
  return (
    <Box component="form" noValidate aria-label={label} onSubmit={onSubmit} sx={TWO_COLUMNS}>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <ErrorSummary ownLabels={ownLabels} />
        {children}
        {errors.root && (
          // A problem no single field owns; the summary links here.
          <Alert severity="error" id={fieldDomId('root')} tabIndex={-1}>
            {errors.root.message}
          </Alert>
        )}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          {actions}
          {Object.keys(errors).length > 0 && isSubmitted && (
            <Typography color="error">Nothing was sent: the problems are listed at the top.</Typography>
          )}
        </Box>
      </Box>
      <Box
        data-testid="equivalent-panel"
        sx={{
          position: { lg: 'sticky' },
          top: { lg: stickyTop },
          // Taller than the window (it can be), it scrolls inside itself rather than off screen.
          maxHeight: { lg: `calc(100vh - ${stickyTop + GAP}px)` },
          overflowY: { lg: 'auto' },
          display: 'grid',
          gap: 2,
          minWidth: 0,
        }}
      >
        <FormEstimate />
        {aside}
      </Box>
    </Box>
  );
}
