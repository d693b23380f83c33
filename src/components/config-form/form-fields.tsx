import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Controller, useFormContext, type FieldPath, type FieldValues } from 'react-hook-form';
import { fieldDomId } from './field-names';

/**
 * Form fields bound by name to whichever react-hook-form they sit in, generic over its values
 * (`<FormText<SessionFormValues> name="sessionId" …/>`), each showing its error at the field.
 */

type TextProps<T extends FieldValues> = Omit<TextFieldProps, 'name'> & {
  name: FieldPath<T>;
  options?: { value: string; label: string }[];
};

/** A text field (or a select, with `options`). */
export function FormText<T extends FieldValues>({ name, helperText, options, ...rest }: TextProps<T>) {
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          id={fieldDomId(name)}
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

/** One choice among a few, as a labelled row of radio buttons. */
export function FormRadios<T extends FieldValues>({
  name,
  label,
  options,
}: {
  name: FieldPath<T>;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { control } = useFormContext<T>();
  const id = `${name}-label`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Box id={fieldDomId(name)}>
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
export function FormAutocomplete<T extends FieldValues>({
  name,
  label,
  options,
  helperText,
}: {
  name: FieldPath<T>;
  label: string;
  options: string[];
  helperText: string;
}) {
  const { control } = useFormContext<T>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Autocomplete
          id={fieldDomId(name)}
          freeSolo
          options={options}
          inputValue={String(field.value ?? '')}
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

/** A titled group of fields: a fieldset whose legend is the title. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = `form-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper
      variant="outlined"
      component="fieldset"
      aria-labelledby={id}
      sx={{ p: 2, m: 0, display: 'grid', gap: 2 }}
    >
      {/* A heading inside the legend: the section is named for forms mode and listed in the
          page's outline (h1 the page, h2 each section, h3 the groups inside). */}
      <Box component="legend" sx={{ float: 'left', width: '100%', mb: 1, p: 0 }}>
        <Typography id={id} variant="h6" component="h2">
          {title}
        </Typography>
      </Box>
      {children}
    </Paper>
  );
}
