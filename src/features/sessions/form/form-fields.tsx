import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
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

/** One choice among a few, as a labelled row of radio buttons bound to the form. */
export function FormRadios({
  name,
  label,
  options,
}: {
  name: 'sessionType' | 'network';
  label: string;
  options: { value: string; label: string }[];
}) {
  const { control } = useFormContext<SessionFormValues>();
  const id = `${name}-label`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Box>
          <FormLabel id={id}>{label}</FormLabel>
          <RadioGroup row aria-labelledby={id} {...field}>
            {options.map((o) => (
              <FormControlLabel key={o.value} value={o.value} control={<Radio />} label={o.label} />
            ))}
          </RadioGroup>
        </Box>
      )}
    />
  );
}

/** Free text with suggestions (known versions, this region's templates). */
export function FormAutocomplete({
  name,
  label,
  options,
  helperText,
}: {
  name: 'version' | 'sessionTemplate';
  label: string;
  options: string[];
  helperText: string;
}) {
  const { control } = useFormContext<SessionFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Autocomplete
          freeSolo
          options={options}
          inputValue={field.value}
          onInputChange={(_e, value) => field.onChange(value)}
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={label}
              onBlur={field.onBlur}
              error={Boolean(fieldState.error)}
              helperText={fieldState.error?.message ?? helperText}
            />
          )}
        />
      )}
    />
  );
}
