import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'wouter';
import { paths } from '../../../lib/paths';
import { ConfigSections, MapTable, UriValue } from '../../../components/config-sections';
import { CopyButton } from '../../../components/copy-button';
import { NameValueSection, type NameValue } from '../../../components/name-value-list';
import { formatDateTime, formatGbSeconds, formatMilliSeconds, formatRelative } from '../../../lib/format';
import { idOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { expiryTime } from '../lifetime';
import { sessionKind } from '../../../lib/session-state';

/** Every field of the Session resource, grouped and named in plain words. */
export function SessionFields({ session, now }: { session: Session; now: number }) {
  const info = session.runtimeInfo;
  const current = info?.currentUsage;
  const approx = info?.approximateUsage;
  const expiry = expiryTime(session);

  const overview: NameValue[] = [
    { name: 'Session ID', value: idOf(session.name) },
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
    {
      name: 'Expires',
      value: expiry && `${formatRelative(expiry, now)} (${formatDateTime(expiry)}) at the latest`,
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
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0 }}>
      <NameValueSection title="Overview" rows={overview} />
      <NameValueSection title="Session type" rows={type} />
      <ConfigSections config={session} />
      <NameValueSection title="Runtime info" rows={runtimeInfo}>
        <MapTable map={info?.endpoints} label="Endpoints" keyHeader="Endpoint" valueHeader="URI" />
      </NameValueSection>
    </Box>
  );
}
