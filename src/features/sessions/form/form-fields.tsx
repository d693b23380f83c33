import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, useFormContext, type FieldPath } from 'react-hook-form';
import type { SessionFormValues } from './session-form-model';

type Props = Omit<TextFieldProps, 'name'> & {
  name: FieldPath<SessionFormValues>;
  options?: { value: string; label: string }[];
};

/** A text field (or a select, with `options`) bound to the form, its error shown at the field. */
export function FormText({ name, helperText, options, ...rest }: Props) {
  const { control } = useFormContext<SessionFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          {...rest}
          {...field}
          value={field.value ?? ''}
          select={Boolean(options)}
          error={Boolean(fieldState.error)}
          helperText={fieldState.error?.message ?? helperText}
          size="small"
          fullWidth
        >
          {options?.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );
}
