import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import { fieldDomId } from './field-names';
import { Controller, useFieldArray, useFormContext, type FieldPath } from 'react-hook-form';
import type { ConfigFormValues } from './config-form-model';

type RowsName = 'labels' | 'properties' | 'resourceManagerTags';

/** "team=data,env=dev" or one pair per line → rows. */
export function parsePairs(text: string): { key: string; value: string }[] | undefined {
  const pairs = text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pairs.length === 0 || !pairs.every((p) => p.includes('='))) return undefined;
  return pairs.map((p) => {
    const at = p.indexOf('=');
    return { key: p.slice(0, at).trim(), value: p.slice(at + 1).trim() };
  });
}

/** Rows of key and value with add and remove; pasting "k=v,k2=v2" into a key fills rows. Bound to the
 * shared config part of the session or template form. */
export function KeyValueRows({
  name,
  what,
  keySuggestions,
  max,
}: {
  name: RowsName;
  what: string;
  keySuggestions?: string[];
  max?: number;
}) {
  const { control, formState, trigger } = useFormContext<ConfigFormValues>();
  const { fields, append, remove, replace } = useFieldArray({ control, name });
  const rootError = (formState.errors[name] as { root?: { message?: string } } | undefined)?.root?.message;

  const onPaste = (index: number, event: React.ClipboardEvent) => {
    const pairs = parsePairs(event.clipboardData.getData('text'));
    if (!pairs || pairs.length < 2) return;
    event.preventDefault();
    const kept = fields
      .filter((_, i) => i !== index || fields[i]!.key)
      .map(({ key, value }) => ({ key, value }));
    replace([...kept, ...pairs]);
    void trigger(name);
  };

  return (
    <Box id={fieldDomId(`${name}.root`)}>
      {fields.map((field, index) => (
        <Box key={field.id} sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'flex-start' }}>
          <Controller
            control={control}
            name={`${name}.${index}.key` as FieldPath<ConfigFormValues>}
            render={({ field: f, fieldState }) =>
              keySuggestions ? (
                <Autocomplete
                  id={fieldDomId(`${name}.${index}.key`)}
                  freeSolo
                  options={keySuggestions}
                  value={String(f.value ?? '')}
                  onInputChange={(_e, value) => f.onChange(value)}
                  sx={{ flex: 1 }}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      size="small"
                      label={`${what} key ${index + 1}`}
                      error={Boolean(fieldState.error)}
                      helperText={fieldState.error?.message}
                      onBlur={f.onBlur}
                      onPaste={(e) => onPaste(index, e)}
                    />
                  )}
                />
              ) : (
                <TextField
                  {...f}
                  id={fieldDomId(`${name}.${index}.key`)}
                  value={String(f.value ?? '')}
                  size="small"
                  label={`${what} key ${index + 1}`}
                  error={Boolean(fieldState.error)}
                  helperText={fieldState.error?.message}
                  onPaste={(e) => onPaste(index, e)}
                  sx={{ flex: 1 }}
                />
              )
            }
          />
          <Controller
            control={control}
            name={`${name}.${index}.value` as FieldPath<ConfigFormValues>}
            render={({ field: f, fieldState }) => (
              <TextField
                {...f}
                id={fieldDomId(`${name}.${index}.value`)}
                value={String(f.value ?? '')}
                size="small"
                label={`${what} value ${index + 1}`}
                error={Boolean(fieldState.error)}
                helperText={fieldState.error?.message}
                sx={{ flex: 1 }}
              />
            )}
          />
          <IconButton
            aria-label={`Remove ${what} ${index + 1}`}
            onClick={() => remove(index)}
            sx={{ mt: 0.5 }}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      {rootError && <FormHelperText error>{rootError}</FormHelperText>}
      <Button
        startIcon={<AddIcon />}
        onClick={() => append({ key: '', value: '' })}
        disabled={max !== undefined && fields.length >= max}
        size="small"
      >
        Add {what}
      </Button>
      {max !== undefined && (
        <FormHelperText>
          {fields.length} of at most {max}. Paste "key=value,key2=value2" into a key to fill several rows.
        </FormHelperText>
      )}
    </Box>
  );
}
