import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useLocation } from 'wouter';
import { paths } from '../../../lib/paths';
import { ConfigSections } from '../../../components/config-sections';
import {
  EnvironmentConfigSection,
  LabelsSection,
  RuntimeConfigSection,
  SessionTypeFields,
} from '../../../components/config-form/config-sections-form';
import { EquivalentRequest, gcloudProps } from '../../../components/config-form/equivalent-request';
import { ImportDialog, ImportedNotice } from '../../../components/config-form/import-dialog';
import { ConfigFormLayout } from '../../../components/config-form/config-form-layout';
import { FormAutocomplete, FormSection, FormText } from '../../../components/config-form/form-fields';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { normalizeTemplateRef, sessionIdProblem } from '../../../schemas/rules';
import { lenient, type Session } from '../../../schemas/wire';
import { templateListQuery } from '../../../lib/api/template-queries';
import { newRequestId, useCreateSession } from '../api/session-mutations';
import { listSessions } from '../../../lib/api/sessions-api';
import { collectionName, idOf, parentName, sessionName, type Place } from '../../../schemas/names';
import {
  emptyForm,
  formPathFor,
  fromSession,
  gcloudCommand,
  importSession,
  OWN_LABELS,
  sessionFormSchema,
  toSession,
  type SessionFormValues,
} from './session-form-model';

interface Draft {
  values: SessionFormValues;
  requestId: string;
}

function readDraft(key: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The create form; `clone` is a session to start from (reduced to what the user set on it, with
 * what was left out), `template` a template's name to start from (the route reads both from
 * history state).
 */
export function SessionCreatePage({
  place,
  clone,
  template,
}: {
  place: Place;
  clone?: { session: Session; leftOut: string[] };
  template?: string;
}) {
  const { project, location } = place;
  const parent = parentName(place);
  const draftKey = `dataproc-console.draft.${parent}`;
  const [, navigate] = useLocation();
  const create = useCreateSession();

  const [start] = useState(() => {
    if (clone) {
      const id = idOf(clone.session.name);
      return {
        values: fromSession(clone.session, `${id}-copy`.slice(0, 63)),
        requestId: newRequestId(),
        notice: `Filled with what was set on session ${id}.${clone.leftOut.length ? ` Not copied: ${clone.leftOut.join('; ')}.` : ''}`,
      };
    }
    if (template)
      return {
        values: { ...emptyForm(), sessionType: 'unset' as const, sessionTemplate: template },
        requestId: newRequestId(),
        notice: `Starting from template ${idOf(template)}: the session takes its settings; anything you set below overrides them.`,
      };
    const draft = readDraft(draftKey);
    if (draft)
      return {
        ...draft,
        values: { ...emptyForm(), ...draft.values },
        notice: 'Restored the draft you had not sent yet.',
      };
    return { values: emptyForm(), requestId: newRequestId(), notice: undefined };
  });
  // One requestId per submission: kept through errors and retries (and in the draft), so a
  // request that reached the server but whose answer was lost can never create a second session.
  const [requestId] = useState(start.requestId);
  const [notice, setNotice] = useState<ReactNode>(start.notice);
  const [importing, setImporting] = useState(false);

  const methods = useForm<SessionFormValues>({
    defaultValues: start.values,
    resolver: zodResolver(sessionFormSchema(place)),
    mode: 'onChange',
    // The error summary takes focus after a refused submit, then links to each field.
    shouldFocusError: false,
  });
  const { control, handleSubmit, setError, reset, trigger } = methods;
  const values = useWatch({ control }) as SessionFormValues;
  const session = useMemo(() => toSession(values, place), [values, place]);
  const [finished, setFinished] = useState(false);

  // Rules span fields (a TTL's number and its unit, a network choice and its URI): re-check the
  // whole form on every change, so each message appears and clears at its field as the user types.
  useEffect(() => {
    void trigger();
  }, [values, trigger]);

  // Keep every keystroke in sessionStorage, so a reload or a failed request loses nothing.
  useEffect(() => {
    if (finished) return;
    try {
      sessionStorage.setItem(draftKey, JSON.stringify({ values, requestId } satisfies Draft));
    } catch {
      // Storage full or unavailable: the form still works, without the draft.
    }
  }, [values, requestId, draftKey, finished]);

  // Warn, before sending, when the ID is already taken in this region.
  const [debouncedId, setDebouncedId] = useState(values.sessionId);
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedId(values.sessionId.trim()), 400);
    return () => clearTimeout(timer);
  }, [values.sessionId]);
  // Asked as a list filtered to the ID, not a GET of the session: a free ID (the usual answer) would
  // be a 404, which the browser logs as a console error on every check. The API's list filter takes
  // session_id (the well-formed ID needs no escaping), so a free ID is an empty page.
  const existing = useQuery({
    queryKey: ['session-id-taken', parent, debouncedId],
    queryFn: async ({ signal }) =>
      (await listSessions(parent, { filter: `session_id = "${debouncedId}"`, pageSize: 1 }, signal))
        .sessions?.[0] ?? null,
    enabled: !sessionIdProblem(debouncedId),
    retry: false,
    staleTime: 5000,
  });

  // Likewise whether the template named exists: a well-formed name of a missing template is
  // refused by the service, so say so at the field before sending. (Read with the API client
  // directly: this feature does not import the templates feature's calls for one GET.)
  const templateRef = values.sessionTemplate.trim()
    ? normalizeTemplateRef(values.sessionTemplate.trim(), place).name
    : undefined;
  const [debouncedTemplate, setDebouncedTemplate] = useState(templateRef);
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedTemplate(templateRef), 400);
    return () => clearTimeout(timer);
  }, [templateRef]);
  const templateLookup = useQuery({
    queryKey: ['session-template-exists', debouncedTemplate],
    queryFn: ({ signal }) => apiRequest(debouncedTemplate!, { signal, schema: lenient.SessionTemplate }),
    enabled: Boolean(debouncedTemplate),
    retry: false,
    staleTime: 5000,
  });
  const templateMissing =
    debouncedTemplate === templateRef &&
    templateLookup.error instanceof ApiError &&
    templateLookup.error.httpStatus === 404;

  const templates = useQuery(templateListQuery(parent));
  const chosenTemplate = templates.data?.find((t) => t.name === session.sessionTemplate);

  const submit = handleSubmit(async (form) => {
    const sessionId = form.sessionId.trim();
    try {
      await create.mutateAsync({ parent, sessionId, requestId, session: toSession(form, place) });
      setFinished(true);
      sessionStorage.removeItem(draftKey);
      navigate(paths.session(sessionName(parent, sessionId)));
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      if (error.rpcStatus === 'ALREADY_EXISTS') setError('sessionId', { message: error.message });
      for (const violation of error.fieldViolations) {
        const path = formPathFor(violation, form);
        if (path) setError(path as FieldPath<SessionFormValues>, { message: violation.description });
      }
    }
  });

  const serverError =
    create.error instanceof ApiError
      ? create.error
      : create.error
        ? new ApiError(0, 'UNKNOWN', create.error.message)
        : undefined;
  const showServerAlert =
    serverError && serverError.fieldViolations.length === 0 && serverError.rpcStatus !== 'ALREADY_EXISTS';

  return (
    <FormProvider {...methods}>
      <PageFrame
        title="Create session"
        breadcrumbs={placeCrumbs(place, 'sessions', { label: 'Create' })}
        actions={
          <>
            <Button startIcon={<UploadIcon />} onClick={() => setImporting(true)}>
              Import JSON or YAML
            </Button>
            <Button
              onClick={() => {
                reset(emptyForm());
                setNotice(undefined);
              }}
            >
              Reset form
            </Button>
          </>
        }
      />
      {notice && (
        <Alert severity="info" role="status" onClose={() => setNotice(undefined)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {showServerAlert && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          role="alert"
          action={
            <Button color="inherit" onClick={() => void submit()} disabled={create.isPending}>
              Retry
            </Button>
          }
        >
          {serverError.message}
          {serverError.httpStatus > 0 && ` (HTTP ${serverError.httpStatus} ${serverError.rpcStatus})`}. Your
          input is kept; Retry sends the same request again and cannot create a second session.
        </Alert>
      )}
      <ConfigFormLayout
        label="Create session"
        ownLabels={OWN_LABELS}
        onSubmit={(e) => void submit(e)}
        actions={
          <>
            <Button type="submit" variant="contained" size="large" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create session'}
            </Button>
            <Button onClick={() => navigate(paths.sessions(project, location))}>Cancel</Button>
          </>
        }
        aside={
          <EquivalentRequest
            method="POST"
            path={collectionName(parent, 'sessions')}
            query={{ sessionId: values.sessionId.trim(), requestId }}
            body={session}
            {...gcloudProps(gcloudCommand(session, place, values.sessionId, requestId))}
          />
        }
      >
        <FormSection title="Session">
          <FormText<SessionFormValues>
            name="sessionId"
            label="Session ID"
            required
            helperText="4–63 characters: lowercase letters, digits and hyphens."
          />
          {existing.data && (
            <Alert severity="warning" data-testid="id-taken">
              A session named {debouncedId} already exists in {location} ({existing.data.state?.toLowerCase()}
              ). Choose another ID.
            </Alert>
          )}
          <SessionTypeFields unsetLabel="From the template" />
          <FormText<SessionFormValues>
            name="user"
            label="Owner email (optional)"
            helperText="The user who owns the session."
          />
        </FormSection>

        <FormSection title="Session template">
          <FormAutocomplete<SessionFormValues>
            name="sessionTemplate"
            label="Template"
            options={(templates.data ?? []).map((t) => t.name!)}
            helperText="Pick one of this region’s templates, or paste projects/…/locations/…/sessionTemplates/… or its https://www.googleapis.com/compute/v1/… URL."
          />
          {templateMissing && (
            <Alert severity="error" data-testid="template-missing">
              There is no template {idOf(debouncedTemplate)} in {location}: the service would refuse the
              session. Pick one from the list, or create the template first.
            </Alert>
          )}
          {chosenTemplate && (
            <Box data-testid="template-preview">
              <Typography variant="subtitle2" component="h3" gutterBottom>
                What {idOf(chosenTemplate.name)} sets (your values below override it; labels and properties
                are merged)
              </Typography>
              {chosenTemplate.labels && (
                <Typography variant="body2" gutterBottom>
                  Labels:{' '}
                  {Object.entries(chosenTemplate.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ')}
                </Typography>
              )}
              <Box sx={{ display: 'grid', gap: 1 }}>
                <ConfigSections config={chosenTemplate} />
              </Box>
            </Box>
          )}
        </FormSection>

        <LabelsSection />
        <RuntimeConfigSection />
        <EnvironmentConfigSection />
      </ConfigFormLayout>
      {importing && (
        <ImportDialog
          what="session"
          placeholder="Paste the output of View JSON, or of gcloud dataproc sessions describe (YAML or --format=json)"
          parse={(text) => importSession(text, values.sessionId)}
          onClose={() => setImporting(false)}
          onImport={(result) => {
            if (result.values) reset(result.values);
            setNotice(<ImportedNotice ignored={result.ignored} problems={result.problems} />);
          }}
        />
      )}
    </FormProvider>
  );
}
