import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { DeclaredTable, TableScroll, useSortedRows, type Column } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import type { ApplicationEnvironmentInfo } from '../../../schemas/spark';
import type { AppRef } from '../api/spark-api';
import { environmentQuery } from '../api/spark-queries';
import { useSparkPlace } from './spark-url';

export interface Property {
  name: string;
  value: string;
}

/** The sections of accessEnvironmentInfo, in the Spark UI's order, each as name/value rows. */
export function environmentSections(env: ApplicationEnvironmentInfo | undefined): [string, Property[]][] {
  const rows = (map: Record<string, string> | undefined) =>
    Object.entries(map ?? {})
      .map(([name, value]) => ({ name, value }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const runtime = env?.runtime;
  return [
    [
      'Runtime',
      [
        { name: 'Java version', value: runtime?.javaVersion ?? '' },
        { name: 'Java home', value: runtime?.javaHome ?? '' },
        { name: 'Scala version', value: runtime?.scalaVersion ?? '' },
      ].filter((p) => p.value),
    ],
    ['Spark properties', rows(env?.sparkProperties)],
    ['Resource profiles', resourceProfileRows(env)],
    ['Hadoop properties', rows(env?.hadoopProperties)],
    ['System properties', rows(env?.systemProperties)],
    ['Metrics properties', rows(env?.metricsProperties)],
    ['Classpath entries', rows(env?.classpathEntries)],
  ];
}

function resourceProfileRows(env: ApplicationEnvironmentInfo | undefined): Property[] {
  return (env?.resourceProfiles ?? []).flatMap((profile) => {
    const id = profile.resourceProfileId ?? 0;
    return [
      ...Object.entries(profile.executorResources ?? {}).map(([name, r]) => ({
        name: `Profile ${id}: executor ${name}`,
        value: `${r.amount ?? ''}${r.discoveryScript ? ` (discovery script ${r.discoveryScript})` : ''}`,
      })),
      ...Object.entries(profile.taskResources ?? {}).map(([name, r]) => ({
        name: `Profile ${id}: task ${name}`,
        value: String(r.amount ?? ''),
      })),
    ];
  });
}

/** Rows whose name or value contains the text, case aside. */
export function matching(rows: Property[], find: string): Property[] {
  const needle = find.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((p) => p.name.toLowerCase().includes(needle) || p.value.toLowerCase().includes(needle));
}

const COLUMNS: Column<Property, null>[] = [
  {
    id: 'name',
    header: 'Name',
    rowHeader: true,
    className: 'key',
    cell: (p) => p.name,
    sortValue: (p) => p.name,
  },
  // Values are text from the API: rendered as text, never as markup or a link.
  { id: 'value', header: 'Value', className: 'key', cell: (p) => p.value, sortValue: (p) => p.value },
];

/** The application's effective configuration and runtime, searchable by name or value. */
export function EnvironmentView({ app }: { app: AppRef }) {
  const query = useQuery(environmentQuery(app));
  const { place, href } = useSparkPlace(app.session);
  const [, navigate] = useLocation();
  // Typed text answers at once; the URL (a deep link to the search) follows without adding history.
  const [find, setFind] = useState(place.find ?? '');
  if (query.isPending) return <Typography role="status">Loading the environment…</Typography>;
  if (query.isError && !query.data)
    return <ErrorPanel error={query.error} what="the environment" onRetry={() => void query.refetch()} />;
  const sections = environmentSections(query.data.applicationEnvironmentInfo);
  const total = sections.reduce((n, [, rows]) => n + rows.length, 0);
  const shown = sections.map(([title, rows]) => [title, matching(rows, find)] as const);
  const found = shown.reduce((n, [, rows]) => n + rows.length, 0);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          type="search"
          label="Search by name or value"
          value={find}
          onChange={(event) => {
            setFind(event.target.value);
            navigate(href({ view: 'environment', find: event.target.value || undefined }), { replace: true });
          }}
          sx={{ width: 'min(100%, 24rem)' }}
          slotProps={{ htmlInput: { 'data-testid': 'environment-search' } }}
        />
        {/* Polite: the count follows the typing without interrupting it. */}
        <Typography variant="body2" color="text.secondary" role="status" data-testid="environment-count">
          {find.trim()
            ? `${found} of ${total} entries match “${find.trim()}”.`
            : `${total} entries, the effective values the application started with.`}
        </Typography>
      </Box>
      {shown.map(([title, rows]) => (
        <EnvironmentSection key={title} title={title} rows={rows} searching={Boolean(find.trim())} />
      ))}
    </Box>
  );
}

function EnvironmentSection({
  title,
  rows,
  searching,
}: {
  title: string;
  rows: Property[];
  searching: boolean;
}) {
  const { sorted, sort, onSort } = useSortedRows(rows, COLUMNS);
  const id = `environment-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Box component="section" aria-labelledby={id} data-testid="environment-section" data-section={title}>
      <Typography id={id} variant="subtitle1" component="h4" gutterBottom>
        {title} ({rows.length})
      </Typography>
      {rows.length ? (
        <TableScroll label={title}>
          <DeclaredTable
            aria-labelledby={id}
            columns={COLUMNS}
            rows={sorted}
            context={null}
            rowKey={(p) => p.name}
            rowProps={(p) => ({ 'data-testid': 'environment-row', 'data-name': p.name })}
            sort={sort}
            onSort={onSort}
          />
        </TableScroll>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {searching ? 'Nothing here matches.' : 'None.'}
        </Typography>
      )}
    </Box>
  );
}
