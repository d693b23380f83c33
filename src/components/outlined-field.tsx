import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import { useId, type ReactNode } from 'react';

type Props = Omit<OutlinedInputProps, 'label' | 'size'> & {
  label: string;
  helperText?: ReactNode;
  /** Keep the label above the box even when empty (date inputs show their own placeholder). */
  shrinkLabel?: boolean;
};

/**
 * A labelled outlined text input, like MUI's TextField but without its built-in select support,
 * which pulls menus, popovers and modals into the list route's bundle.
 */
export function OutlinedField({ label, helperText, shrinkLabel, error, sx, ...input }: Props) {
  const id = useId();
  return (
    <FormControl size="small" error={error} sx={sx} variant="outlined">
      <InputLabel htmlFor={id} shrink={shrinkLabel || undefined}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        notched={shrinkLabel || undefined}
        aria-describedby={helperText ? `${id}-help` : undefined}
        {...input}
      />
      {helperText && <FormHelperText id={`${id}-help`}>{helperText}</FormHelperText>}
    </FormControl>
  );
}
