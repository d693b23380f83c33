import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useLocation } from 'wouter';
import { paths } from '../../../lib/paths';
import { ConfigSections } from '../../../components/config-sections';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { ApiError } from '../../../lib/api-client';
import { formatSeconds } from '../../../lib/format';
import {
  MAX_LABELS,
  MAX_RESOURCE_MANAGER_TAGS,
  parseDurationSeconds,
  sessionIdProblem,
} from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';
import { templateListQuery } from '../../session-templates/api/template-queries';
import { newRequestId, useCreateSession } from '../api/session-mutations';
import { getSession } from '../api/sessions-api';
import { idOf, parentName, sessionName, type Place } from '../../../schemas/names';
import { EquivalentRequest } from './equivalent-request';
import { FormAutocomplete, FormRadios, FormText } from './form-fields';
import { ImportDialog } from './import-dialog';
import { KeyValueRows } from './key-value-rows';
import {
  COMMON_SPARK_PROPERTIES,
  KNOWN_RUNTIME_VERSIONS,
  SCENARIOS,
  emptyForm,
  formPathFor,
  fromSession,
  sessionFormSchema,
  toSession,
  ttlToDuration,
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

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `form-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper
      variant="outlined"
      component="fieldset"
      aria-labelledby={id}
      sx={{ p: 2, m: 0, display: 'grid', gap: 2 }}
    >
      <Typography id={id} variant="h6" component="legend" sx={{ float: 'left', width: '100%', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function TtlField({ name, label, help }: { name: 'ttl' | 'idleTtl'; label: string; help: string }) {
  const value = useWatch<SessionFormValues, 'ttl' | 'idleTtl'>({ name });
  const duration = ttlToDuration(value);
  const seconds = duration ? parseDurationSeconds(duration) : undefined;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <FormText
          name={`${name}.amount`}
          label={label}
          placeholder="default"
          inputMode="decimal"
          helperText={help}
        />
        <FormText
          name={`${name}.unit`}
          label="Unit"
          sx={{ maxWidth: 130 }}
          options={[
            { value: 'min', label: 'minutes' },
            { value: 'h', label: 'hours' },
            { value: 'd', label: 'days' },
          ]}
        />
      </Box>
      <FormHelperText data-testid={`${name}-words`}>
        {seconds !== undefined
          ? `= ${formatSeconds(seconds)} (${duration})`
          : 'Between 10 minutes and 14 days.'}
      </FormHelperText>
    </Box>
  );
}

/** The create form; `clone` is a session to start from (the route reads it from history state). */
export function SessionCreatePage({ place, clone }: { place: Place; clone?: Session }) {
  const { project, location } = place;
  const parent = parentName(place);
  const draftKey = `dataproc-console.draft.${parent}`;
  const [, navigate] = useLocation();
  const create = useCreateSession();

  const [start] = useState(() => {
    if (clone) {
      const id = idOf(clone.name);
      return {
        values: fromSession(clone, `${id}-copy`.slice(0, 63)),
        requestId: newRequestId(),
        notice: `Filled from session ${id}.`,
      };
    }
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
  const [bucketNote, setBucketNote] = useState<string>();

  const methods = useForm<SessionFormValues>({
    defaultValues: start.values,
    resolver: zodResolver(sessionFormSchema(place)),
    mode: 'onChange',
  });
  const { control, handleSubmit, setError, reset, formState, trigger } = methods;
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
  const existing = useQuery({
    queryKey: ['session-id-taken', parent, debouncedId],
    queryFn: ({ signal }) => getSession(sessionName(parent, debouncedId), signal),
    enabled: !sessionIdProblem(debouncedId),
    retry: false,
    staleTime: 5000,
  });

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
              Import JSON
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
        <Alert severity="info" onClose={() => setNotice(undefined)} sx={{ mb: 2 }}>
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
      <Box
        component="form"
        noValidate
        aria-label="Create session"
        onSubmit={(e) => void submit(e)}
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Section title="Session">
            <FormText
              name="sessionId"
              label="Session ID"
              required
              helperText="4–63 characters: lowercase letters, digits and hyphens."
            />
            {existing.data && (
              <Alert severity="warning" data-testid="id-taken">
                A session named {debouncedId} already exists in {location} (
                {existing.data.state?.toLowerCase()}). Choose another ID.
              </Alert>
            )}
            <FormRadios
              name="sessionType"
              label="Session type"
              options={[
                { value: 'jupyter', label: 'Jupyter notebook' },
                { value: 'sparkConnect', label: 'Spark Connect' },
                { value: 'unset', label: 'From the template' },
              ]}
            />
            {values.sessionType === 'jupyter' && (
              <Box sx={{ display: 'flex', gap: 2 }}>
                <FormText
                  name="kernel"
                  label="Kernel"
                  options={[
                    { value: 'PYTHON', label: 'Python' },
                    { value: 'SCALA', label: 'Scala' },
                  ]}
                />
                <FormText
                  name="displayName"
                  label="Kernel display name"
                  helperText="Shown on the Jupyter kernel card."
                />
              </Box>
            )}
            <FormText
              name="user"
              label="Owner email (optional)"
              helperText="The user who owns the session."
            />
          </Section>

          <Section title="Session template">
            <FormAutocomplete
              name="sessionTemplate"
              label="Template"
              options={(templates.data ?? []).map((t) => t.name!)}
              helperText="Pick one of this region’s templates, or paste projects/…/locations/…/sessionTemplates/… or its https://www.googleapis.com/compute/v1/… URL."
            />
            {chosenTemplate && (
              <Box data-testid="template-preview">
                <Typography variant="subtitle2" gutterBottom>
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
          </Section>

          <Section title="Labels">
            <KeyValueRows name="labels" what="label" max={MAX_LABELS} />
          </Section>

          <Section title="Runtime config">
            <FormAutocomplete
              name="version"
              label="Runtime version"
              options={KNOWN_RUNTIME_VERSIONS}
              helperText="Empty: the service default. Other versions may be typed."
            />
            <FormText
              name="containerImage"
              label="Custom container image"
              placeholder="us-docker.pkg.dev/project/repo/image:tag"
            />
            <Typography variant="subtitle2">Spark properties</Typography>
            <KeyValueRows name="properties" what="property" keySuggestions={COMMON_SPARK_PROPERTIES} />
            <FormText
              name="pypiRepository"
              label="PyPI repository"
              placeholder="https://pypi.example.com/simple"
            />
            <Controller
              control={control}
              name="scenarios"
              render={({ field }) => (
                <Box role="group" aria-labelledby="scenarios-label">
                  <FormLabel id="scenarios-label">Autotuning scenarios</FormLabel>
                  <Box>
                    {SCENARIOS.map((scenario) => (
                      <FormControlLabel
                        key={scenario}
                        label={scenario}
                        control={
                          <Checkbox
                            checked={field.value.includes(scenario)}
                            onChange={(e) =>
                              field.onChange(
                                e.target.checked
                                  ? [...field.value, scenario]
                                  : field.value.filter((s) => s !== scenario),
                              )
                            }
                          />
                        }
                      />
                    ))}
                  </Box>
                </Box>
              )}
            />
            <FormText
              name="cohort"
              label="Cohort"
              helperText="Groups workloads of the same shape, for autotuning."
            />
          </Section>

          <Section title="Environment config">
            <FormText
              name="serviceAccount"
              label="Service account"
              placeholder="name@project.iam.gserviceaccount.com"
            />
            <FormRadios
              name="network"
              label="Network"
              options={[
                { value: 'default', label: 'Default network' },
                { value: 'network', label: 'Network' },
                { value: 'subnetwork', label: 'Subnetwork' },
              ]}
            />
            {values.network === 'network' && (
              <FormText
                name="networkUri"
                label="Network URI"
                placeholder="projects/p/global/networks/default"
              />
            )}
            {values.network === 'subnetwork' && (
              <FormText
                name="subnetworkUri"
                label="Subnetwork URI"
                placeholder="projects/p/regions/us-central1/subnetworks/default"
              />
            )}
            <FormText name="networkTags" label="Network tags" helperText="Separated by commas or spaces." />
            <FormText
              name="kmsKey"
              label="KMS key"
              placeholder="projects/p/locations/l/keyRings/r/cryptoKeys/k"
            />
            <TtlField
              name="ttl"
              label="TTL"
              help="The session ends after this long, whatever it is doing. Empty: 24 h."
            />
            <TtlField
              name="idleTtl"
              label="Idle TTL"
              help="The session ends after this long without activity. Empty: 1 h."
            />
            <Controller
              control={control}
              name="stagingBucket"
              render={({ field, fieldState }) => (
                <TextField
                  {...field}
                  size="small"
                  label="Staging bucket"
                  placeholder="my-bucket"
                  onBlur={() => {
                    if (field.value.startsWith('gs://')) {
                      const bucket = field.value.slice(5).split('/')[0] ?? '';
                      field.onChange(bucket);
                      setBucketNote(
                        `Removed "gs://": the API takes a bucket name, so "${field.value}" became "${bucket}".`,
                      );
                    }
                    field.onBlur();
                  }}
                  error={Boolean(fieldState.error)}
                  helperText={
                    fieldState.error?.message ?? bucketNote ?? 'A Cloud Storage bucket name, without gs://.'
                  }
                />
              )}
            />
            <FormText
              name="authType"
              label="User workload authentication"
              options={[
                { value: '', label: 'Default (end-user credentials on runtime 3.0+, else service account)' },
                { value: 'SERVICE_ACCOUNT', label: 'Service account' },
                { value: 'END_USER_CREDENTIALS', label: 'End-user credentials' },
              ]}
            />
            <Typography variant="subtitle2">Resource manager tags</Typography>
            <KeyValueRows name="resourceManagerTags" what="tag" max={MAX_RESOURCE_MANAGER_TAGS} />
            <FormText
              name="metastoreService"
              label="Metastore service"
              placeholder="projects/p/locations/l/services/s"
            />
            <FormText
              name="historyServerCluster"
              label="Spark history server cluster"
              placeholder="projects/p/regions/r/clusters/c"
            />
          </Section>

          {formState.errors.root && <Alert severity="error">{formState.errors.root.message}</Alert>}
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Button type="submit" variant="contained" size="large" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create session'}
            </Button>
            <Button onClick={() => navigate(paths.sessions(project, location))}>Cancel</Button>
            {Object.keys(formState.errors).length > 0 && formState.isSubmitted && (
              <Typography color="error" role="alert">
                Fix the fields marked in red; nothing was sent.
              </Typography>
            )}
          </Box>
        </Box>
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>
          <EquivalentRequest values={values} session={session} place={place} requestId={requestId} />
        </Box>
      </Box>
      {importing && (
        <ImportDialog
          sessionId={values.sessionId}
          onClose={() => setImporting(false)}
          onImport={(result) => {
            reset(result.values);
            setNotice(
              result.ignored.length ? (
                <>
                  Imported. These fields were not taken: <strong>{result.ignored.join(', ')}</strong>.
                </>
              ) : (
                'Imported.'
              ),
            );
          }}
        />
      )}
    </FormProvider>
  );
}
