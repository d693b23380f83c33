import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { formatSeconds } from '../../lib/format';
import { MAX_LABELS, MAX_RESOURCE_MANAGER_TAGS, parseDurationSeconds } from '../../schemas/rules';
import { SERVICE_DEFAULTS } from '../../schemas/wire';
import {
  COMMON_SPARK_PROPERTIES,
  KNOWN_RUNTIME_VERSIONS,
  SCENARIOS,
  ttlToDuration,
  type ConfigFormValues,
} from './config-form-model';
import { FormAutocomplete, FormRadios, FormSection, FormText } from './form-fields';
import { fieldDomId } from './field-names';
import { KeyValueRows } from './key-value-rows';

/**
 * The form sections the session form and the template form share, bound to the shared config
 * part of whichever form they sit in (ConfigFormValues; the paths are the same in both).
 */

type C = ConfigFormValues;

/** Session type (and the Jupyter kernel); `unsetLabel` says what leaving it unset means here. */
export function SessionTypeFields({ unsetLabel }: { unsetLabel: string }) {
  const sessionType = useWatch<C, 'sessionType'>({ name: 'sessionType' });
  return (
    <>
      <FormRadios<C>
        name="sessionType"
        label="Session type"
        options={[
          { value: 'jupyter', label: 'Jupyter notebook' },
          { value: 'sparkConnect', label: 'Spark Connect' },
          { value: 'unset', label: unsetLabel },
        ]}
      />
      {sessionType === 'jupyter' && (
        // Stacked on a phone: side by side, each field was too narrow for its label ("Kernel display name").
        <Box sx={{ display: 'flex', flexDirection: { xs: 'column', sm: 'row' }, gap: { xs: 0, sm: 2 } }}>
          <FormText<C>
            name="kernel"
            label="Kernel"
            options={[
              { value: 'PYTHON', label: 'Python' },
              { value: 'SCALA', label: 'Scala' },
            ]}
          />
          <FormText<C>
            name="displayName"
            label="Kernel display name"
            helperText="Shown on the Jupyter kernel card."
          />
        </Box>
      )}
    </>
  );
}

export function LabelsSection() {
  return (
    <FormSection title="Labels">
      <KeyValueRows name="labels" what="label" max={MAX_LABELS} />
    </FormSection>
  );
}

export function RuntimeConfigSection() {
  const { control } = useFormContext<C>();
  return (
    <FormSection title="Runtime config">
      <FormAutocomplete<C>
        name="version"
        label="Runtime version"
        options={KNOWN_RUNTIME_VERSIONS}
        helperText="Empty: the service default. Other versions may be typed."
      />
      <FormText<C>
        name="containerImage"
        label="Custom container image"
        placeholder="us-docker.pkg.dev/project/repo/image:tag"
      />
      <Typography variant="subtitle2" component="h3">
        Spark properties
      </Typography>
      <KeyValueRows name="properties" what="property" keySuggestions={COMMON_SPARK_PROPERTIES} />
      <FormText<C>
        name="pypiRepository"
        label="PyPI repository"
        placeholder="https://pypi.example.com/simple"
      />
      <Controller
        control={control}
        name="scenarios"
        render={({ field }) => (
          <Box role="group" aria-labelledby="scenarios-label" id={fieldDomId('scenarios')}>
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
      <FormText<C>
        name="cohort"
        label="Cohort"
        helperText="Groups workloads of the same shape, for autotuning."
      />
    </FormSection>
  );
}

/**
 * When the idle TTL is longer than the TTL (either set here or the service's default), the
 * session always reaches its TTL first, so the idle TTL can never apply: legal, but a mistake.
 */
function idleOutlivesTtl(ttl: C['ttl'], idleTtl: C['idleTtl']): string | undefined {
  const seconds = (value: C['ttl']) => {
    const duration = ttlToDuration(value);
    return duration ? parseDurationSeconds(duration) : undefined;
  };
  const ttlSeconds = seconds(ttl) ?? parseDurationSeconds(SERVICE_DEFAULTS.ttl)!;
  const idleSeconds = seconds(idleTtl) ?? parseDurationSeconds(SERVICE_DEFAULTS.idleTtl)!;
  if (idleSeconds <= ttlSeconds) return undefined;
  return `Longer than the TTL (${formatSeconds(ttlSeconds)}${seconds(ttl) === undefined ? ', the default' : ''}): the session ends at its TTL first, so this idle TTL never applies.`;
}

function TtlField({ name, label, help }: { name: 'ttl' | 'idleTtl'; label: string; help: string }) {
  const value = useWatch<C, 'ttl' | 'idleTtl'>({ name });
  const ttl = useWatch<C, 'ttl'>({ name: 'ttl' });
  const duration = ttlToDuration(value);
  const seconds = duration ? parseDurationSeconds(duration) : undefined;
  const warning = name === 'idleTtl' ? idleOutlivesTtl(ttl, value) : undefined;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <FormText<C>
          name={`${name}.amount`}
          label={label}
          placeholder="default"
          inputMode="decimal"
          helperText={help}
        />
        <FormText<C>
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
      {warning && (
        <FormHelperText data-testid={`${name}-warning`} sx={{ color: 'text.primary', fontWeight: 500 }}>
          Note: {warning}
        </FormHelperText>
      )}
    </Box>
  );
}

/** A bucket name; a pasted gs:// URI is trimmed to the name, and the field says so. */
function StagingBucketField() {
  const { control } = useFormContext<C>();
  // The note belongs to the value it explains: once the field changes (cleared, retyped) it goes.
  const [bucketNote, setBucketNote] = useState<{ note: string; bucket: string }>();
  return (
    <Controller
      control={control}
      name="stagingBucket"
      render={({ field, fieldState }) => (
        <TextField
          {...field}
          id={fieldDomId('stagingBucket')}
          size="small"
          label="Staging bucket"
          placeholder="my-bucket"
          onBlur={() => {
            if (field.value.startsWith('gs://')) {
              const bucket = field.value.slice(5).split('/')[0] ?? '';
              field.onChange(bucket);
              setBucketNote({
                note: `Removed "gs://": the API takes a bucket name, so "${field.value}" became "${bucket}".`,
                bucket,
              });
            }
            field.onBlur();
          }}
          error={Boolean(fieldState.error)}
          helperText={
            fieldState.error?.message ??
            (bucketNote && bucketNote.bucket === field.value && field.value !== ''
              ? bucketNote.note
              : 'A Cloud Storage bucket name, without gs://.')
          }
        />
      )}
    />
  );
}

export function EnvironmentConfigSection() {
  const network = useWatch<C, 'network'>({ name: 'network' });
  return (
    <FormSection title="Environment config">
      <FormText<C>
        name="serviceAccount"
        label="Service account"
        placeholder="name@project.iam.gserviceaccount.com"
      />
      <FormRadios<C>
        name="network"
        label="Network"
        options={[
          { value: 'default', label: 'Default network' },
          { value: 'network', label: 'Network' },
          { value: 'subnetwork', label: 'Subnetwork' },
        ]}
      />
      {network === 'network' && (
        <FormText<C> name="networkUri" label="Network URI" placeholder="projects/p/global/networks/default" />
      )}
      {network === 'subnetwork' && (
        <FormText<C>
          name="subnetworkUri"
          label="Subnetwork URI"
          placeholder="projects/p/regions/us-central1/subnetworks/default"
        />
      )}
      <FormText<C> name="networkTags" label="Network tags" helperText="Separated by commas or spaces." />
      <FormText<C>
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
      <StagingBucketField />
      <FormText<C>
        name="authType"
        label="User workload authentication"
        options={[
          { value: '', label: 'Default (end-user credentials on runtime 3.0+, else service account)' },
          { value: 'SERVICE_ACCOUNT', label: 'Service account' },
          { value: 'END_USER_CREDENTIALS', label: 'End-user credentials' },
        ]}
      />
      <Typography variant="subtitle2" component="h3">
        Resource manager tags
      </Typography>
      <KeyValueRows name="resourceManagerTags" what="tag" max={MAX_RESOURCE_MANAGER_TAGS} />
      <FormText<C>
        name="metastoreService"
        label="Metastore service"
        placeholder="projects/p/locations/l/services/s"
      />
      <FormText<C>
        name="historyServerCluster"
        label="Spark history server cluster"
        placeholder="projects/p/regions/r/clusters/c"
      />
    </FormSection>
  );
}
