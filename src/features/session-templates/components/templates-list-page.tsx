import AddIcon from '@mui/icons-material/Add';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'wouter';
import { Cells, HeaderRow, RowLink, Table, type Column } from '../../../components/data-table';
import { ErrorPanel } from '../../../components/error-panel';
import { OutlinedField } from '../../../components/outlined-field';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { formatDateTimeWithZone, formatRelative } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useNow } from '../../../lib/use-now';
import { idOf, parentName, type Place } from '../../../schemas/names';
import type { SessionTemplate } from '../../../schemas/wire';
import { LabelChips } from '../../../components/label-chips';
import { sessionKind } from '../../../lib/session-state';
import { templatePageQuery } from '../../../lib/api/template-queries';

const PAGE_SIZE = 50;

interface RowContext {
  now: number;
  onLabel: (key: string, value: string) => void;
}

const COLUMNS: Column<SessionTemplate, RowContext>[] = [
  {
    id: 'id',
    header: 'Template ID',
    rowHeader: true,
    // Long IDs, creators and labels wrap or are cut (the title keeps a label whole) rather than
    // widen the table: one 63+63-character label made it 1,921 px wide in a 1,230 px box.
    className: 'key',
    cell: (t) => (
      <RowLink to={paths.template(t.name!)} style={{ fontWeight: 500 }}>
        {idOf(t.name)}
      </RowLink>
    ),
  },
  { id: 'description', header: 'Description', width: '30%', cell: (t) => t.description },
  { id: 'type', header: 'Session type', cell: (t) => sessionKind(t) },
  { id: 'version', header: 'Runtime version', cell: (t) => t.runtimeConfig?.version ?? 'default' },
  { id: 'creator', header: 'Creator', className: 'key', cell: (t) => t.creator },
  {
    id: 'updated',
    header: 'Updated',
    cell: (t, { now }) => (
      <time dateTime={t.updateTime} title={formatDateTimeWithZone(t.updateTime)}>
        {formatRelative(t.updateTime, now)}
      </time>
    ),
  },
  {
    id: 'labels',
    header: 'Labels',
    cell: (t, { onLabel }) => <LabelChips labels={t.labels} onSelect={onLabel} maxChipWidth="16em" />,
  },
];

/** A region's session templates, a page at a time, with the API's own filter. */
export function TemplatesListPage({
  place,
  filter,
  onFilterChange,
}: {
  place: Place;
  filter: string;
  onFilterChange: (filter: string) => void;
}) {
  const parent = parentName(place);
  const [draft, setDraft] = useState(filter);
  const [lastFilter, setLastFilter] = useState(filter);
  // Page tokens of the pages before this one; a new filter starts again at the first page.
  const [tokens, setTokens] = useState<string[]>([]);
  if (filter !== lastFilter) {
    setLastFilter(filter);
    setDraft(filter);
    setTokens([]);
  }
  const query = useQuery(
    templatePageQuery(parent, { filter: filter || undefined, pageSize: PAGE_SIZE, pageToken: tokens.at(-1) }),
  );
  const now = useNow(30_000);
  const templates = query.data?.sessionTemplates ?? [];
  // A label chip filters by that label, with the API's own filter.
  const context: RowContext = {
    now,
    onLabel: (key, value) => onFilterChange(`labels.${key} = ${JSON.stringify(value)}`),
  };

  let body;
  if (query.isPending)
    body = (
      <Box aria-busy="true" aria-label="Loading templates" sx={{ p: 2 }}>
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Box>
    );
  else if (query.isError)
    body = (
      <Box sx={{ p: 2 }}>
        <ErrorPanel error={query.error} what="templates" onRetry={() => void query.refetch()} />
      </Box>
    );
  else if (templates.length === 0)
    body = (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p" gutterBottom>
          {filter
            ? 'No templates match this filter'
            : `No templates in ${place.project} / ${place.location} yet`}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          A template holds the settings shared by a kind of session: its type, runtime, network and lifetime.
        </Typography>
        {filter ? (
          <Button variant="outlined" onClick={() => onFilterChange('')}>
            Clear filter
          </Button>
        ) : (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={RouterLink}
            to={paths.newTemplate(place.project, place.location)}
          >
            Create a template
          </Button>
        )}
      </Box>
    );
  else
    body = (
      <div style={{ overflowX: 'auto' }}>
        <Table aria-label="Session templates">
          <thead>
            <HeaderRow columns={COLUMNS} context={context} />
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.name} data-testid="template-row">
                <Cells columns={COLUMNS} row={t} context={context} />
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    );

  return (
    <PageFrame
      title="Session templates"
      breadcrumbs={placeCrumbs(place, 'templates').slice(0, 1)}
      actions={
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          component={RouterLink}
          to={paths.newTemplate(place.project, place.location)}
        >
          Create template
        </Button>
      }
    >
      <Box
        component="form"
        role="search"
        aria-label="Filter templates"
        onSubmit={(e) => {
          e.preventDefault();
          onFilterChange(draft.trim());
        }}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-end', mb: 2, flexWrap: 'wrap' }}
      >
        <OutlinedField
          label="Filter (the API's syntax)"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder='labels.team = "data" AND create_time > "2026-01-01T00:00:00Z"'
          sx={{ flex: 1, minWidth: 280 }}
        />
        <Button type="submit" variant="outlined">
          Apply
        </Button>
        {filter && <Button onClick={() => onFilterChange('')}>Clear</Button>}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: -1, mb: 2 }}>
        Fields: name, create_time, labels.KEY; operators = != &lt; &gt; and AND, OR, NOT; * matches any text
        in name = &quot;…&quot;.
      </Typography>
      <Paper variant="outlined">{body}</Paper>
      <Box
        component="nav"
        aria-label="Pages"
        sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 2, mt: 1 }}
      >
        <Typography variant="body2">Page {tokens.length + 1}</Typography>
        <Button
          startIcon={<NavigateBeforeIcon />}
          disabled={tokens.length === 0}
          onClick={() => setTokens(tokens.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          endIcon={<NavigateNextIcon />}
          disabled={!query.data?.nextPageToken || query.isPlaceholderData}
          onClick={() => setTokens([...tokens, query.data!.nextPageToken!])}
        >
          Next
        </Button>
      </Box>
    </PageFrame>
  );
}
