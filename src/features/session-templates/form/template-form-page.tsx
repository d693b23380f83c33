import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useLocation } from 'wouter';
import {
  EnvironmentConfigSection,
  LabelsSection,
  RuntimeConfigSection,
  SessionTypeFields,
} from '../../../components/config-form/config-sections-form';
import { EquivalentRequest } from '../../../components/config-form/equivalent-request';
import { ConfigFormLayout } from '../../../components/config-form/config-form-layout';
import { FormSection, FormText } from '../../../components/config-form/form-fields';
import { ImportDialog, ImportedNotice } from '../../../components/config-form/import-dialog';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { DeclaredTable, type Column } from '../../../components/data-table';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { shellQuote } from '../../../lib/gcloud';
import { paths } from '../../../lib/paths';
import { collectionName, idOf, parentName, type Place } from '../../../schemas/names';
import type { SessionTemplate } from '../../../schemas/wire';
import { useCreateTemplate, useUpdateTemplate } from '../../../lib/api/template-queries';
import { getTemplate } from '../../../lib/api/templates-api';
import {
  emptyTemplateForm,
  exportedTemplate,
  fromTemplate,
  importTemplate,
  OWN_LABELS,
  templateDiff,
  templateFormPathForWire,
  templateFormSchema,
  toTemplate,
  type FieldChange,
  type TemplateFormValues,
} from './template-form-model';

type T = TemplateFormValues;

/** The changes saving would make: field, before and after (in the order the form lists them, unsorted). */
const DIFF_COLUMNS: Column<FieldChange, undefined>[] = [
  { id: 'field', header: 'Field', className: 'mono', cell: (c) => c.field },
  { id: 'before', header: 'Before', className: 'mono', cell: (c) => c.before ?? '(not set)' },
  { id: 'after', header: 'After', className: 'mono', cell: (c) => c.after ?? '(removed)' },
];

function DiffTable({ changes }: { changes: FieldChange[] }) {
  if (!changes.length) return <Typography>Nothing has changed.</Typography>;
  return (
    <DeclaredTable
      aria-label="Changes"
      columns={DIFF_COLUMNS}
      rows={changes}
      context={undefined}
      rowKey={(c) => c.field}
      rowProps={() => ({ 'data-testid': 'diff-row' })}
    />
  );
}

/** The gcloud way to the same result: write the exported template to a file and import it. */
function gcloudImport(template: SessionTemplate, place: Place): string {
  const id = idOf(template.name);
  // Quoted for the shell, whatever was typed; an ID starting with "-" (refused by the form, but
  // shown while typed) goes as the full name, which gcloud cannot read as a flag.
  const file = shellQuote(`./${id || 'template'}.yaml`);
  const target = shellQuote(id.startsWith('-') || id === '' ? template.name! : id);
  // JSON is YAML, so the file can hold the JSON as it is.
  return `cat > ${file} <<'EOF'\n${JSON.stringify(exportedTemplate(template), null, 2)}\nEOF\ngcloud beta dataproc session-templates import ${target} \\\n  --project=${shellQuote(place.project)} --location=${shellQuote(place.location)} --source=${file}`;
}

/**
 * Create (no `template`) or edit a template on the form the session form shares its sections
 * with. Editing sends the whole template (PATCH has no update mask), after showing what changes,
 * and notices when someone else changed the template since it was opened.
 */
export function TemplateFormPage({ place, template }: { place: Place; template?: SessionTemplate }) {
  const parent = parentName(place);
  const editing = Boolean(template);
  const [, navigate] = useLocation();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  // The version the edit started from: compared with the server's before saving.
  const [base, setBase] = useState<SessionTemplate | undefined>(template);
  const [review, setReview] = useState<SessionTemplate & { name: string }>();
  const [conflict, setConflict] = useState<SessionTemplate>();
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<ReactNode>();

  const methods = useForm<T>({
    defaultValues: template ? fromTemplate(template) : emptyTemplateForm(),
    resolver: zodResolver(templateFormSchema(parent)),
    mode: 'onChange',
    // The error summary takes focus after a refused submit, then links to each field.
    shouldFocusError: false,
  });
  const { control, handleSubmit, setError, reset, trigger } = methods;
  const values = useWatch({ control }) as T;
  const body = useMemo(() => toTemplate(values, parent), [values, parent]);
  useEffect(() => {
    void trigger();
  }, [values, trigger]);

  const mutation = editing ? update : create;
  const applyServerError = (error: unknown, form: T) => {
    if (!(error instanceof ApiError)) return;
    if (error.rpcStatus === 'ALREADY_EXISTS') setError('templateId', { message: error.message });
    for (const violation of error.fieldViolations) {
      const path = templateFormPathForWire(violation, form);
      if (path) setError(path as FieldPath<T>, { message: violation.description });
    }
  };

  const send = async (next: SessionTemplate & { name: string }) => {
    try {
      const saved = await mutation.mutateAsync(next);
      navigate(paths.template((saved as SessionTemplate).name ?? next.name));
    } catch (error) {
      applyServerError(error, values);
    }
  };

  /** Before a PATCH: is the server's template still the one this edit started from? */
  const confirmSave = async () => {
    const next = review!;
    setReview(undefined);
    try {
      const latest = await getTemplate(next.name);
      if (latest.updateTime !== base?.updateTime) {
        setConflict(latest);
        return;
      }
    } catch (error) {
      applyServerError(error, values);
      return;
    }
    await send(next);
  };

  const submit = handleSubmit(async (form) => {
    const next = toTemplate(form, parent);
    if (editing) setReview(next);
    else await send(next);
  });

  const error = mutation.error;
  const showServerAlert =
    error &&
    !(
      error instanceof ApiError &&
      (error.fieldViolations.length > 0 || error.rpcStatus === 'ALREADY_EXISTS')
    );
  const templateId = template ? idOf(template.name) : undefined;

  return (
    <FormProvider {...methods}>
      <PageFrame
        title={templateId ? `Edit template ${templateId}` : 'Create template'}
        breadcrumbs={placeCrumbs(
          place,
          'templates',
          ...(template && templateId
            ? [{ label: templateId, to: paths.template(template.name!) }, { label: 'Edit' }]
            : [{ label: 'Create' }]),
        )}
        actions={
          <Button startIcon={<UploadIcon />} onClick={() => setImporting(true)}>
            Import JSON or YAML
          </Button>
        }
      />
      {notice && (
        <Alert severity="info" role="status" onClose={() => setNotice(undefined)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {showServerAlert && (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {error.message}
          {error instanceof ApiError &&
            error.httpStatus > 0 &&
            ` (HTTP ${error.httpStatus} ${error.rpcStatus})`}
          . Your input is kept.
        </Alert>
      )}
      <ConfigFormLayout
        label={templateId ? `Edit template ${templateId}` : 'Create template'}
        ownLabels={OWN_LABELS}
        onSubmit={(e) => void submit(e)}
        actions={
          <>
            <Button type="submit" variant="contained" size="large" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : editing ? 'Review and save' : 'Create template'}
            </Button>
            <Button
              onClick={() =>
                navigate(
                  template ? paths.template(template.name!) : paths.templates(place.project, place.location),
                )
              }
            >
              Cancel
            </Button>
          </>
        }
        aside={
          <EquivalentRequest
            method={editing ? 'PATCH' : 'POST'}
            path={editing ? body.name : collectionName(parent, 'sessionTemplates')}
            query={{}}
            body={body}
            gcloud={gcloudImport(body, place)}
            gcloudNote="gcloud imports a file in its export format (JSON is valid YAML). Import replaces an existing template."
          />
        }
      >
        <FormSection title="Template">
          <FormText<T>
            name="templateId"
            label="Template ID"
            required
            // Read-only rather than disabled: it stays legible (disabled text fails contrast).
            slotProps={{ htmlInput: { readOnly: editing } }}
            helperText={
              editing
                ? 'A template keeps its ID; export it and import under a new ID to copy it.'
                : '4–63 characters: lowercase letters, digits and hyphens (the session-ID rule).'
            }
          />
          <FormText<T>
            name="description"
            label="Description"
            multiline
            minRows={2}
            helperText="What this template is for; at most 1,024 characters."
          />
          <SessionTypeFields unsetLabel="Not set (each session chooses)" />
        </FormSection>
        <LabelsSection />
        <RuntimeConfigSection />
        <EnvironmentConfigSection />
      </ConfigFormLayout>
      {review && (
        <Dialog
          open
          onClose={() => setReview(undefined)}
          fullWidth
          maxWidth="md"
          aria-labelledby="review-title"
        >
          <DialogTitle id="review-title">Save changes to {templateId}?</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              The whole template is sent (the API replaces it); these fields change. Sessions made from it
              later get the new settings; existing sessions keep theirs.
            </Typography>
            <DiffTable changes={templateDiff(base ?? {}, review)} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setReview(undefined)}>Keep editing</Button>
            <Button variant="contained" onClick={() => void confirmSave()}>
              Save
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {conflict && (
        <Dialog
          open
          onClose={() => setConflict(undefined)}
          fullWidth
          maxWidth="md"
          aria-labelledby="conflict-title"
        >
          <DialogTitle id="conflict-title">Someone else changed {templateId}</DialogTitle>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              It was updated {formatDateTime(conflict.updateTime)}, after you opened it (
              {formatDateTime(base?.updateTime)}). Saving now would overwrite their change. Nothing was sent.
            </Alert>
            <Typography variant="subtitle2" gutterBottom>
              What they changed
            </Typography>
            <DiffTable changes={templateDiff(base ?? {}, conflict)} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setConflict(undefined)}>Cancel</Button>
            <Button
              onClick={() => {
                reset(fromTemplate(conflict));
                setBase(conflict);
                setConflict(undefined);
                setNotice('Reloaded the latest version; your edits were discarded.');
              }}
            >
              Reload theirs
            </Button>
            <Button
              variant="contained"
              onClick={() => {
                // Keep this form's values, now compared against their version.
                setBase(conflict);
                setConflict(undefined);
                setReview(toTemplate(values, parent));
              }}
            >
              Re-apply my changes
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {importing && (
        <ImportDialog
          what="template"
          placeholder="Paste gcloud dataproc session-templates export output (YAML), or a template's JSON"
          parse={(text) => importTemplate(text, values.templateId)}
          onClose={() => setImporting(false)}
          onImport={(result) => {
            if (result.values)
              // The ID typed (or, editing, the template's own) is kept; an empty one takes the text's.
              reset({ ...result.values, templateId: values.templateId.trim() || result.values.templateId });
            setNotice(<ImportedNotice ignored={result.ignored} problems={result.problems} />);
          }}
        />
      )}
    </FormProvider>
  );
}
