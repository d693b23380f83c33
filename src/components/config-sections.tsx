import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import { useMemo } from 'react';
import { formatDuration } from '../lib/format';
import { safeHref } from '../lib/safe-url';
import type { Session } from '../schemas/wire';
import { DeclaredTable, useSortedRows, type Column } from './data-table';
import { NameValueSection, type NameValue } from './name-value-list';

/** A value from the API: a link only when it is http(s), otherwise plain text. */
export function UriValue({ value }: { value: string | undefined }) {
  const href = safeHref(value);
  if (!value) return null;
  return href ? (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {value}
    </Link>
  ) : (
    <span>{value}</span>
  );
}

export function DurationValue({ value }: { value: string | undefined }) {
  if (!value) return null;
  return (
    <Tooltip title={value}>
      <span>{formatDuration(value)}</span>
    </Tooltip>
  );
}

type MapEntry = [key: string, value: string];
interface MapHeaders {
  keyHeader: string;
  valueHeader: string;
}

/** A map is shown whole, so both columns sort. */
const MAP_COLUMNS: Column<MapEntry, MapHeaders>[] = [
  { id: 'key', header: (h) => h.keyHeader, className: 'mono', cell: ([k]) => k, sortValue: ([k]) => k },
  {
    id: 'value',
    header: (h) => h.valueHeader,
    className: 'mono',
    cell: ([, v]) => <UriValue value={v} />,
    sortValue: ([, v]) => v,
  },
];

export function MapTable({
  map,
  label,
  keyHeader,
  valueHeader,
}: {
  map: Record<string, string> | undefined;
  label: string;
  keyHeader: string;
  valueHeader: string;
}) {
  const entries = useMemo(() => Object.entries(map ?? {}), [map]);
  const { sorted, sort, onSort } = useSortedRows(entries, MAP_COLUMNS);
  if (!entries.length) return null;
  // A wide table scrolls inside its own box, never the page.
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      <DeclaredTable
        aria-label={label}
        columns={MAP_COLUMNS}
        rows={sorted}
        context={{ keyHeader, valueHeader }}
        rowKey={([k]) => k}
        sort={sort}
        onSort={onSort}
      />
    </Box>
  );
}

const hasEntries = (map: Record<string, string> | undefined) => Object.keys(map ?? {}).length > 0;

export const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : undefined);

type Config = Pick<Session, 'runtimeConfig' | 'environmentConfig'>;

/** The runtime and environment config of a session or a template, as two sections. */
export function ConfigSections({ config }: { config: Config }) {
  const exec = config.environmentConfig?.executionConfig;
  const peripherals = config.environmentConfig?.peripheralsConfig;
  const runtime = config.runtimeConfig;
  const runtimeRows: NameValue[] = [
    { name: 'Runtime version', value: runtime?.version },
    { name: 'Container image', value: runtime?.containerImage },
    { name: 'PyPI repository', value: runtime?.repositoryConfig?.pypiRepositoryConfig?.pypiRepository },
    { name: 'Autotuning scenarios', value: list(runtime?.autotuningConfig?.scenarios) },
    { name: 'Cohort', value: runtime?.cohort },
  ];
  const environment: NameValue[] = [
    { name: 'Service account', value: exec?.serviceAccount },
    { name: 'Network', value: exec?.networkUri },
    { name: 'Subnetwork', value: exec?.subnetworkUri },
    { name: 'Network tags', value: list(exec?.networkTags) },
    { name: 'KMS key', value: exec?.kmsKey },
    { name: 'TTL', value: exec?.ttl && <DurationValue value={exec.ttl} /> },
    { name: 'Idle TTL', value: exec?.idleTtl && <DurationValue value={exec.idleTtl} /> },
    { name: 'Staging bucket', value: exec?.stagingBucket },
    { name: 'Authentication', value: exec?.authenticationConfig?.userWorkloadAuthenticationType },
    { name: 'Metastore service', value: peripherals?.metastoreService },
    { name: 'History server cluster', value: peripherals?.sparkHistoryServerConfig?.dataprocCluster },
  ];
  return (
    <>
      <NameValueSection title="Runtime config" rows={runtimeRows}>
        {hasEntries(runtime?.properties) && (
          <MapTable
            map={runtime?.properties}
            label="Spark properties"
            keyHeader="Property"
            valueHeader="Value"
          />
        )}
      </NameValueSection>
      <NameValueSection title="Environment config" rows={environment}>
        {/* Only when there are tags: an element, even one rendering nothing, keeps the section shown. */}
        {hasEntries(exec?.resourceManagerTags) && (
          <MapTable
            map={exec?.resourceManagerTags}
            label="Resource manager tags"
            keyHeader="Tag key"
            valueHeader="Tag value"
          />
        )}
      </NameValueSection>
    </>
  );
}
