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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { announce } from '../../../lib/announce';
import type { ListSessionsResponse } from '../../../schemas/wire';
import { useCalmRows } from '../calm-rows';
import { sortSessions } from '../sort-rows';
import { stateChangeMessage } from '../state-changes';
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
import { SessionFiltersBar, type FilterProblem } from './session-filters-bar';
import { SessionsTable } from './sessions-table';
import { PlaceholderBlock } from '../../../components/placeholder-block';
import { SessionTotalsSlot } from '../../../components/session-list-slots';

function LoadingRows() {
  return (
    <Box aria-busy="true" aria-label="Loading sessions" sx={{ p: 2 }}>
      {Array.from({ length: 8 }, (_, i) => (
        <PlaceholderBlock key={i} height={36} />
      ))}
    </Box>
  );
}

/**
 * "Updated 12 s ago", ticking on its own so the table does not re-render every second. Background
 * polls do not swap it for "Refreshing…" every few seconds (that flickered); only a refresh the
 * user asked for says so.
 */
function UpdatedAgo({ updatedAt, refreshing }: { updatedAt: number; refreshing: boolean }) {
  const now = useNow(1000);
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      data-testid="updated-ago"
      sx={{ whiteSpace: 'nowrap' }}
    >
      {refreshing
        ? 'Refreshing…'
        : updatedAt
          ? `Updated ${formatSeconds(Math.max(0, now - updatedAt) / 1000)} ago`
          : ''}
    </Typography>
  );
}

/** The server refused the filter expression (400 about `filter`): its words, and where, when it says. */
function filterProblemOf(error: unknown): FilterProblem | undefined {
  if (!(error instanceof ApiError) || error.httpStatus !== 400) return undefined;
  const violation = error.fieldViolations.find((v) => v.field === 'filter');
  if (!violation && !/filter/i.test(error.message)) return undefined;
  const text = violation?.description ?? error.message;
  const position = /position (\d+)/.exec(error.message) ?? /position (\d+)/.exec(text);
  return { message: error.message, position: position ? Number(position[1]) : undefined };
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
  const [notice, setNotice] = useState<string>();
  const [manualRefresh, setManualRefresh] = useState(false);
  const [pointerInside, setPointerInside] = useState(false);

  // A refused filter keeps the last rows that answered on screen, with the field marked.
  const problem = query.isError ? filterProblemOf(query.error) : undefined;
  const [lastGood, setLastGood] = useState<ListSessionsResponse>();
  if (query.data && !query.isPlaceholderData && query.data !== lastGood) setLastGood(query.data);
  const data = query.data ?? (problem ? lastGood : undefined);

  // Selection belongs to the rows on screen: a new filter or page clears it, and says so.
  const viewKey = `${filter}\n${view.pageSize}\n${view.pageTokens.join(',')}`;
  const [selectionKey, setSelectionKey] = useState(viewKey);
  if (selectionKey !== viewKey) {
    setSelectionKey(viewKey);
    if (selected.size) {
      setSelected(new Set());
      const what = selectionKey.split('\n')[0] === filter ? 'page' : 'filter';
      setNotice(
        `Selection cleared (${selected.size} session${selected.size === 1 ? '' : 's'}): the ${what} changed.`,
      );
    }
  }
  useEffect(() => {
    if (notice) announce(notice);
  }, [notice]);

  // Coming back to the list: the cached rows are stale and refetched at once; that answer is not a
  // live update (the sessions created meanwhile are shown, not held back).
  const [cachedAtMount] = useState(() => query.isStale && query.data !== undefined);
  const latest = useMemo(() => data?.sessions ?? [], [data]);
  const calm = useCalmRows(
    latest,
    // Rows from the cache, from the previous view or from the last accepted filter are not "on
    // screen" in the sense that matters: the first fresh answer replaces them outright.
    `${viewKey}${query.isPlaceholderData ? '#placeholder' : ''}${query.data ? '' : '#last-good'}${cachedAtMount && !query.isFetchedAfterMount ? '#cached' : ''}`,
    pointerInside,
  );
  // Sorted on screen: sessions.list has no orderBy (the page says so beside the table).
  const sessions = useMemo(() => sortSessions(calm.rows, view.sort), [calm.rows, view.sort]);
  useEffect(() => {
    if (calm.waiting) announce(`${calm.waiting} new session${calm.waiting === 1 ? '' : 's'}.`);
  }, [calm.waiting]);
  // Rows on screen that changed state since the last refresh are read out (politely).
  const previousRows = useRef(sessions);
  useEffect(() => {
    const message = stateChangeMessage(previousRows.current, sessions);
    previousRows.current = sessions;
    if (message) announce(message);
  }, [sessions]);
  const refresh = () => {
    setManualRefresh(true);
    calm.showAll();
    void query.refetch().finally(() => setManualRefresh(false));
  };
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
  if (query.isPending && !data) body = <LoadingRows />;
  else if (query.isError && !data)
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
        sort={view.sort}
        onSort={(key) =>
          // Same column: the other way; a new column starts newest / last first for time, A first otherwise.
          setView({
            ...view,
            sort:
              view.sort?.key === key
                ? { key, descending: !view.sort.descending }
                : { key, descending: key === 'created' },
          })
        }
      />
    );

  return (
    <PageFrame
      title="Sessions"
      breadcrumbs={[{ label: `${project} · ${location}` }]}
      actions={
        <>
          <IconButton aria-label="Refresh" title="Refresh now" onClick={refresh}>
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
      <SessionFiltersBar view={view} onChange={setView} problem={problem} />
      {notice && (
        <Alert severity="info" sx={{ mb: 1 }} onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
      {/* One line of fixed height above the table: what appears in it never pushes the rows down. */}
      <Box
        data-testid="table-toolbar"
        sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 40, flexWrap: 'wrap', mb: 0.5 }}
      >
        <BulkActions
          selected={sessions.filter((s) => selected.has(s.name!))}
          onDone={(names) =>
            setSelected((current) => new Set([...current].filter((n) => !names.includes(n))))
          }
        />
        {calm.waiting > 0 && (
          <Button size="small" variant="outlined" onClick={calm.showAll} data-testid="show-new">
            {calm.waiting} new session{calm.waiting === 1 ? '' : 's'} — show
          </Button>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {view.sort && (
          <Typography variant="body2" color="text.secondary" data-testid="sort-note">
            Sorted within this page: the API lists sessions in its own order and cannot sort them.{' '}
            <Button size="small" onClick={() => setView({ ...view, sort: undefined })}>
              API order
            </Button>
          </Typography>
        )}
        <UpdatedAgo updatedAt={query.dataUpdatedAt} refreshing={manualRefresh} />
      </Box>
      {problem && lastGood && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          Showing the rows of the last filter the API accepted.
        </Typography>
      )}
      {query.isError && query.data && (
        <Alert
          severity="warning"
          sx={{ mb: 1 }}
          action={<Button onClick={() => void query.refetch()}>Retry</Button>}
        >
          Could not refresh: {query.error.message}. Showing the last rows received.
        </Alert>
      )}
      <Paper
        variant="outlined"
        id="sessions-table"
        tabIndex={-1}
        aria-label="Sessions table"
        onPointerEnter={() => setPointerInside(true)}
        onPointerLeave={() => setPointerInside(false)}
        sx={{
          '&:focus': { outline: 'none' },
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
        }}
      >
        {body}
      </Paper>
      {/* Under the table: above it, the totals would push rows below the fold at 1280×720. */}
      <Box sx={{ mt: 0.5 }}>
        <SessionTotalsSlot
          sessions={sessions}
          page={page}
          hasMore={Boolean(data?.nextPageToken)}
          filter={filter}
        />
      </Box>
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
