import Box from '@mui/material/Box';
import { styled, type SxProps, type Theme } from '@mui/material/styles';
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

/**
 * A labelled text input with its label above the box: plain elements styled once. The list route
 * renders several of these on every visit, and MUI's TextField (floating label, notched outline,
 * select support) was a measurable part of the time to the first row.
 */
const Field = styled('div')(({ theme }) => ({
  display: 'flex',
  flexDirection: 'column',
  gap: 2,
  '& label': { fontSize: '0.75rem', color: theme.palette.text.secondary },
  '& input, & select': {
    font: 'inherit',
    fontSize: '0.9375rem',
    color: theme.palette.text.primary,
    background: 'transparent',
    colorScheme: theme.palette.mode,
    border: `1px solid ${theme.palette.mode === 'dark' ? 'rgba(255,255,255,0.23)' : 'rgba(0,0,0,0.23)'}`,
    borderRadius: theme.shape.borderRadius,
    padding: '7px 12px',
    minHeight: 38,
    boxSizing: 'border-box',
    width: '100%',
  },
  '& input:hover, & select:hover': { borderColor: theme.palette.text.primary },
  '& select option': { background: theme.palette.background.paper, color: theme.palette.text.primary },
  '& input:focus, & select:focus': {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: -1,
    borderColor: 'transparent',
  },
  '&[data-error="true"] label, &[data-error="true"] .help': { color: theme.palette.error.main },
  '&[data-error="true"] input': { borderColor: theme.palette.error.main },
  '& .help': { fontSize: '0.75rem', color: theme.palette.text.secondary, margin: '1px 12px 0' },
}));

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> & {
  label: string;
  helperText?: ReactNode;
  error?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra attributes for the input element (data-testid, list, …). */
  inputProps?: Record<string, string>;
  sx?: SxProps<Theme>;
};

export function OutlinedField({ label, helperText, error, inputRef, inputProps, sx, ...input }: Props) {
  const id = useId();
  return (
    <Box sx={sx}>
      <Field data-error={error ? 'true' : undefined}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={inputRef}
          aria-invalid={error || undefined}
          aria-describedby={helperText ? `${id}-help` : undefined}
          {...input}
          {...inputProps}
        />
        {helperText && (
          <span id={`${id}-help`} className="help">
            {helperText}
          </span>
        )}
      </Field>
    </Box>
  );
}

/** A labelled native select styled as OutlinedField (MUI's NativeSelect pulls in its whole input stack). */
export function OutlinedSelect({
  label,
  sx,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; sx?: SxProps<Theme> }) {
  const id = useId();
  return (
    <Box sx={sx}>
      <Field>
        <label htmlFor={id}>{label}</label>
        <select id={id} {...select}>
          {children}
        </select>
      </Field>
    </Box>
  );
}
