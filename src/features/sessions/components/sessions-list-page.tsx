import AddIcon from '@mui/icons-material/Add';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link as RouterLink } from 'wouter';
import { paths } from '../../../lib/paths';
import { ErrorPanel } from '../../../components/error-panel';
import { OutlinedSelect } from '../../../components/outlined-field';
import { PageFrame } from '../../../components/page-frame';
import { formatSeconds } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { parentName, type Place } from '../../../schemas/names';
import { sessionListQuery } from '../api/session-queries';
import {
  PAGE_SIZES,
  clearedFilters,
  filterExpression,
  hasFilters,
  listParams,
  withFilters,
  type ListView,
} from '../list-filters';
import { BulkActions } from './bulk-actions';
import { SessionFiltersBar } from './session-filters-bar';
import { SessionsTable } from './sessions-table';
import { PlaceholderBlock } from '../../../components/placeholder-block';

function LoadingRows() {
  return (
    <Box aria-busy="true" aria-label="Loading sessions" sx={{ p: 2 }}>
      {Array.from({ length: 8 }, (_, i) => (
        <PlaceholderBlock key={i} height={36} />
      ))}
    </Box>
  );
}

/** "Updated 12 s ago", ticking on its own so the table does not re-render every second. */
function UpdatedAgo({ updatedAt, fetching }: { updatedAt: number; fetching: boolean }) {
  const now = useNow(1000);
  return (
    <Typography variant="body2" color="text.secondary" data-testid="updated-ago">
      {fetching
        ? 'Refreshing…'
        : updatedAt
          ? `Updated ${formatSeconds(Math.max(0, now - updatedAt) / 1000)} ago`
          : ''}
    </Typography>
  );
}

/** A region's sessions; the view (filters, page) comes from the URL through the route. */
export function SessionsListPage({
  place,
  view,
  onViewChange: setView,
}: {
  place: Place;
  view: ListView;
  onViewChange: (view: ListView) => void;
}) {
  const { project, location } = place;
  const parent = parentName(place);
  const filter = filterExpression(view);
  const query = useQuery(sessionListQuery(parent, listParams(view)));
  // Relative times and run times in the rows move every 5 s.
  const now = useNow(5000);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const sessions = useMemo(() => query.data?.sessions ?? [], [query.data]);
  const toggle = useCallback(
    (name: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(name)) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(() => {
    setSelected((current) =>
      sessions.every((s) => current.has(s.name!))
        ? new Set()
        : new Set([...current, ...sessions.map((s) => s.name!)]),
    );
  }, [sessions]);
  const filterByLabel = useCallback(
    (key: string, value: string) =>
      setView(
        withFilters(view.customFilter === undefined ? view : clearedFilters(view), {
          labels: [...view.labels.filter((l) => l.key !== key), { key, value }],
        }),
      ),
    [view, setView],
  );

  const page = view.pageTokens.length + 1;

  let body: React.ReactNode;
  if (query.isPending) body = <LoadingRows />;
  else if (query.isError && !query.data)
    body = (
      <Box sx={{ p: 2 }}>
        <ErrorPanel error={query.error} what="sessions" onRetry={() => void query.refetch()} />
      </Box>
    );
  else if (sessions.length === 0 && !hasFilters(view) && page === 1)
    body = (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p" gutterBottom>
          No sessions in {project} / {location} yet
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          An interactive session gives you a Spark kernel for notebooks or a Spark Connect endpoint.
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          component={RouterLink}
          to={paths.newSession(project, location)}
        >
          Create a session
        </Button>
      </Box>
    );
  else if (sessions.length === 0)
    body = (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p" gutterBottom>
          No sessions match these filters
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2, fontFamily: 'monospace' }}>
          {filter}
        </Typography>
        <Button variant="outlined" onClick={() => setView(clearedFilters(view))}>
          Clear filters
        </Button>
      </Box>
    );
  else
    body = (
      <SessionsTable
        sessions={sessions}
        selected={selected}
        now={now}
        onToggle={toggle}
        onToggleAll={toggleAll}
        onLabel={filterByLabel}
      />
    );

  return (
    <PageFrame
      title="Sessions"
      breadcrumbs={[{ label: `${project} · ${location}` }]}
      actions={
        <>
          <UpdatedAgo updatedAt={query.dataUpdatedAt} fetching={query.isFetching} />
          <IconButton aria-label="Refresh" title="Refresh now" onClick={() => void query.refetch()}>
            <RefreshIcon />
          </IconButton>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={RouterLink}
            to={paths.newSession(project, location)}
          >
            Create session
          </Button>
        </>
      }
    >
      <SessionFiltersBar view={view} onChange={setView} />
      <BulkActions
        selected={[...selected]}
        onDone={(names) => setSelected((current) => new Set([...current].filter((n) => !names.includes(n))))}
      />
      {query.isError && query.data && (
        <Alert
          severity="warning"
          sx={{ mb: 1 }}
          action={<Button onClick={() => void query.refetch()}>Retry</Button>}
        >
          Could not refresh: {query.error.message}. Showing the last rows received.
        </Alert>
      )}
      <Paper variant="outlined">{body}</Paper>
      <Box
        component="nav"
        aria-label="Pages"
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'flex-end',
          gap: 2,
          mt: 1,
          flexWrap: 'wrap',
        }}
      >
        <OutlinedSelect
          label="Rows per page"
          value={view.pageSize}
          onChange={(e) => setView(withFilters(view, { pageSize: Number(e.target.value) }))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </OutlinedSelect>
        <Typography variant="body2">Page {page}</Typography>
        <Button
          startIcon={<NavigateBeforeIcon />}
          disabled={page === 1}
          onClick={() => setView({ ...view, pageTokens: view.pageTokens.slice(0, -1) })}
        >
          Previous
        </Button>
        <Button
          endIcon={<NavigateNextIcon />}
          disabled={!query.data?.nextPageToken || query.isPlaceholderData}
          onClick={() => setView({ ...view, pageTokens: [...view.pageTokens, query.data!.nextPageToken!] })}
        >
          Next
        </Button>
      </Box>
    </PageFrame>
  );
}
