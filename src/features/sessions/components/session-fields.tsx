import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { Link as RouterLink } from 'react-router';
import { paths } from '../../../app/paths';
import { CopyButton } from '../../../components/copy-button';
import { NameValueSection, type NameValue } from '../../../components/name-value-list';
import {
  formatDateTime,
  formatDuration,
  formatGbSeconds,
  formatMilliSeconds,
  formatRelative,
} from '../../../lib/format';
import { safeHref } from '../../../lib/safe-url';
import type { Session } from '../../../schemas/wire';
import { sessionIdOf, sessionKind } from '../session-state';

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

function DurationValue({ value }: { value: string | undefined }) {
  if (!value) return null;
  return (
    <Tooltip title={value}>
      <span>{formatDuration(value)}</span>
    </Tooltip>
  );
}

function MapTable({
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
  const entries = Object.entries(map ?? {});
  if (!entries.length) return null;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{keyHeader}</TableCell>
          <TableCell>{valueHeader}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{k}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
              <UriValue value={v} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : undefined);

/** Every field of the Session resource, grouped and named in plain words. */
export function SessionFields({ session, now }: { session: Session; now: number }) {
  const exec = session.environmentConfig?.executionConfig;
  const peripherals = session.environmentConfig?.peripheralsConfig;
  const runtime = session.runtimeConfig;
  const info = session.runtimeInfo;
  const current = info?.currentUsage;
  const approx = info?.approximateUsage;

  const overview: NameValue[] = [
    { name: 'Session ID', value: sessionIdOf(session.name) },
    {
      name: 'Resource name',
      value: session.name && (
        <>
          {session.name} <CopyButton value={session.name} label="Copy resource name" />
        </>
      ),
    },
    {
      name: 'UUID',
      value: session.uuid && (
        <>
          {session.uuid} <CopyButton value={session.uuid} label="Copy UUID" />
        </>
      ),
    },
    {
      name: 'State since',
      value:
        session.stateTime &&
        `${formatDateTime(session.stateTime)} (${formatRelative(session.stateTime, now)})`,
    },
    { name: 'State message', value: session.stateMessage },
    { name: 'Creator', value: session.creator },
    { name: 'User', value: session.user },
    {
      name: 'Created',
      value:
        session.createTime &&
        `${formatDateTime(session.createTime)} (${formatRelative(session.createTime, now)})`,
    },
  ];
  const type: NameValue[] = [
    { name: 'Type', value: sessionKind(session) },
    { name: 'Kernel', value: session.jupyterSession?.kernel },
    { name: 'Display name', value: session.jupyterSession?.displayName },
    {
      name: 'Template',
      value: session.sessionTemplate && (
        <Link component={RouterLink} to={paths.template(session.sessionTemplate)}>
          {session.sessionTemplate}
        </Link>
      ),
    },
  ];
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
  const runtimeInfo: NameValue[] = [
    { name: 'Output', value: info?.outputUri && <UriValue value={info.outputUri} /> },
    {
      name: 'Diagnostics',
      value: info?.diagnosticOutputUri && <UriValue value={info.diagnosticOutputUri} />,
    },
    { name: 'Current DCU', value: current?.milliDcu && `${Number(current.milliDcu) / 1000} DCU` },
    {
      name: 'Current premium DCU',
      value: current?.milliDcuPremium && `${Number(current.milliDcuPremium) / 1000} DCU`,
    },
    { name: 'Current shuffle storage', value: current?.shuffleStorageGb && `${current.shuffleStorageGb} GB` },
    {
      name: 'Current premium shuffle storage',
      value: current?.shuffleStorageGbPremium && `${current.shuffleStorageGbPremium} GB`,
    },
    {
      name: 'Current accelerators',
      value:
        current?.milliAccelerator &&
        `${Number(current.milliAccelerator) / 1000} ${current.acceleratorType ?? ''}`,
    },
    { name: 'Usage snapshot', value: current?.snapshotTime && formatDateTime(current.snapshotTime) },
    { name: 'Compute used', value: formatMilliSeconds(approx?.milliDcuSeconds, 'DCU-hours') },
    { name: 'Shuffle storage used', value: formatGbSeconds(approx?.shuffleStorageGbSeconds) },
    {
      name: 'Accelerators used',
      value: formatMilliSeconds(
        approx?.milliAcceleratorSeconds,
        `accelerator-hours ${approx?.acceleratorType ?? ''}`,
      ),
    },
    {
      name: 'A100 40 GB used',
      value: formatMilliSeconds(approx?.milliAcceleratorSecondsA10040, 'accelerator-hours'),
    },
    {
      name: 'A100 80 GB used',
      value: formatMilliSeconds(approx?.milliAcceleratorSecondsA10080, 'accelerator-hours'),
    },
    { name: 'L4 used', value: formatMilliSeconds(approx?.milliAcceleratorSecondsL4, 'accelerator-hours') },
    {
      name: 'Cohort (resolved)',
      value:
        info?.cohortInfo?.cohort &&
        `${info.cohortInfo.cohort} (${info.cohortInfo.cohortSource ?? 'source unknown'})`,
    },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <NameValueSection title="Overview" rows={overview} />
      <NameValueSection title="Session type" rows={type} />
      <NameValueSection title="Runtime config" rows={runtimeRows}>
        <MapTable
          map={runtime?.properties}
          label="Spark properties"
          keyHeader="Property"
          valueHeader="Value"
        />
      </NameValueSection>
      <NameValueSection title="Environment config" rows={environment}>
        <MapTable
          map={exec?.resourceManagerTags}
          label="Resource manager tags"
          keyHeader="Tag key"
          valueHeader="Tag value"
        />
      </NameValueSection>
      <NameValueSection title="Runtime info" rows={runtimeInfo}>
        <MapTable map={info?.endpoints} label="Endpoints" keyHeader="Endpoint" valueHeader="URI" />
      </NameValueSection>
    </Box>
  );
}
