import AddIcon from '@mui/icons-material/Add';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert } from '../../../components/lazy-alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { Link as RouterLink } from 'wouter';
import { PageFrame } from '../../../components/page-frame';
import { SessionTotalsSlot } from '../../../components/session-list-slots';
import { paths } from '../../../lib/paths';
import { useNow } from '../../../lib/use-now';
import { renderEnvironment } from '../../../lib/render-environment';
import { parentName, type Place } from '../../../schemas/names';
import { sessionListQuery, useCreatesElsewhere } from '../api/session-queries';
import { useCalmRows } from '../calm-rows';
import { filterProblemOf } from '../filter-problem';
import { applyOnScreen, onScreenText } from '../on-screen-filters';
import {
  clearedFilters,
  filterExpression,
  hasFilters,
  listParams,
  withFilters,
  type ListView,
} from '../list-filters';
import { sortSessions } from '../sort-rows';
import { useLastGood } from '../use-last-good';
import { useListAnnouncements } from '../use-list-announcements';
import { useSelection } from '../use-selection';
import { BulkActionsOnDemand } from './bulk-actions-on-demand';
import { ListPager } from './list-pager';
import { OnScreenFilterChips } from './more-filters';
import { UpdatedAgo } from './list-status';
import { SessionFiltersBar } from './session-filters-bar';
import { SessionsListBody } from './sessions-list-body';
import { SessionsTable } from './sessions-table';

// Loaded when first opened: the dialog is not part of the list's first paint.
const SavedViewsDialog = lazy(() =>
  import('./saved-views-dialog').then((m) => ({ default: m.SavedViewsDialog })),
);

/**
 * A region's sessions; the view (filters, sort, page) comes from the URL through the route.
 *
 * Put together from pieces that each own one concern: the list query (refreshed on the adaptive
 * schedule), the last accepted answer (useLastGood), rows held still under the pointer
 * (useCalmRows), the selection (useSelection) and what is read out (useListAnnouncements). No
 * state is set while rendering, and nothing reads the window or storage during render, so the
 * server renders the same page.
 */
export function SessionsListPage({
  place,
  view,
  onViewChange: setView,
}: {
  place: Place;
  view: ListView;
  onViewChange: (view: ListView) => void;
}) {
  const parent = parentName(place);
  const filter = filterExpression(view);
  const query = useQuery(sessionListQuery(parent, listParams(view)));
  useCreatesElsewhere(parent);
  // Relative times and run times in the rows move every 5 s.
  const now = useNow(5000);
  const [manualRefresh, setManualRefresh] = useState(false);
  const [pointerInside, setPointerInside] = useState(false);
  const [viewsOpen, setViewsOpen] = useState(false);

  // A refused filter keeps the last rows that answered on screen, with the field marked.
  const problem = query.isError ? filterProblemOf(query.error) : undefined;
  const lastGood = useLastGood(query.data, query.isPlaceholderData);
  const data = query.data ?? (problem ? lastGood : undefined);

  const page = view.pageTokens.length + 1;
  const pageKey = `${view.pageSize}\n${view.pageTokens.join(',')}`;
  // The filter in force, the API's and the one applied on screen (creator, template, runtime version).
  const shownFilter = [filter, onScreenText(view)].filter(Boolean).join(' AND ');
  const viewKey = `${shownFilter}\n${pageKey}`;

  // Coming back to the list: the cached rows are stale and refetched at once; that answer is not a
  // live update (the sessions created meanwhile are shown, not held back). Rows the server rendered
  // are not that: they are on screen already (however long the hydration took), and what comes
  // next is a live update like any other.
  const [cachedAtMount] = useState(
    () => renderEnvironment() === undefined && query.isStale && query.data !== undefined,
  );
  const loaded = useMemo(() => data?.sessions ?? [], [data]);
  const latest = useMemo(() => applyOnScreen(loaded, view), [loaded, view]);
  const calm = useCalmRows(
    latest,
    // Rows from the cache, from the previous view or from the last accepted filter are not "on
    // screen" in the sense that matters: the first fresh answer replaces them outright.
    `${viewKey}${query.isPlaceholderData ? '#placeholder' : ''}${query.data ? '' : '#last-good'}${cachedAtMount && !query.isFetchedAfterMount ? '#cached' : ''}`,
    pointerInside,
  );
  // Sorted on screen: sessions.list has no orderBy (the page says so beside the table).
  const sessions = useMemo(() => sortSessions(calm.rows, view.sort), [calm.rows, view.sort]);
  const selection = useSelection(sessions, { filter: shownFilter, page: pageKey });
  useListAnnouncements({ notice: selection.cleared, waiting: calm.waiting, rows: sessions });

  const refresh = () => {
    setManualRefresh(true);
    calm.showAll();
    void query.refetch().finally(() => setManualRefresh(false));
  };
  const filterByLabel = useCallback(
    (key: string, value: string) =>
      setView(
        withFilters(view.customFilter === undefined ? view : clearedFilters(view), {
          labels: [...view.labels.filter((l) => l.key !== key), { key, value }],
        }),
      ),
    [view, setView],
  );

  const empty =
    sessions.length > 0
      ? undefined
      : !hasFilters(view) && page === 1
        ? ('region' as const)
        : ('filtered' as const);

  return (
    <PageFrame
      title="Sessions"
      breadcrumbs={[{ label: `${place.project} · ${place.location}` }]}
      actions={
        <>
          <IconButton aria-label="Refresh" title="Refresh now" onClick={refresh}>
            <RefreshIcon />
          </IconButton>
          <Button variant="outlined" aria-haspopup="dialog" onClick={() => setViewsOpen(true)}>
            Saved views
          </Button>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            component={RouterLink}
            to={paths.newSession(place.project, place.location)}
          >
            Create session
          </Button>
        </>
      }
    >
      <SessionFiltersBar view={view} onChange={setView} problem={problem} loaded={loaded} />
      {selection.cleared && (
        <Alert severity="info" sx={{ mb: 1 }} onClose={selection.dismissCleared}>
          {selection.cleared}
        </Alert>
      )}
      {/* One line of fixed height above the table: what appears in it never pushes the rows down. */}
      <Box
        data-testid="table-toolbar"
        sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 40, flexWrap: 'wrap', mb: 0.5 }}
      >
        <BulkActionsOnDemand
          selected={sessions.filter((s) => selection.selected.has(s.name!))}
          onDone={selection.unselect}
        />
        {calm.waiting > 0 && (
          <Button size="small" variant="outlined" onClick={calm.showAll} data-testid="show-new">
            {calm.waiting} new session{calm.waiting === 1 ? '' : 's'} — show
          </Button>
        )}
        {/* The on-screen filters in force: on this line, so they push no row down. */}
        <OnScreenFilterChips view={view} onChange={setView} loaded={loaded.length} shown={latest.length} />
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
        <SessionsListBody
          place={place}
          loading={query.isPending && !data}
          error={query.isError && !data ? query.error : null}
          onRetry={() => void query.refetch()}
          empty={empty}
          filter={shownFilter}
          onClearFilters={() => setView(clearedFilters(view))}
          table={
            <SessionsTable
              sessions={sessions}
              selected={selection.selected}
              now={now}
              onToggle={selection.toggle}
              onToggleAll={selection.toggleAll}
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
          }
        />
      </Paper>
      {/* Under the table: above it, the totals would push rows below the fold at 1280×720. */}
      <Box sx={{ mt: 0.5 }}>
        <SessionTotalsSlot
          sessions={sessions}
          page={page}
          hasMore={Boolean(data?.nextPageToken)}
          filter={shownFilter}
          now={now}
        />
      </Box>
      {viewsOpen && (
        <Suspense fallback={null}>
          <SavedViewsDialog open onClose={() => setViewsOpen(false)} place={place} view={view} />
        </Suspense>
      )}
      <ListPager
        view={view}
        onViewChange={setView}
        nextPageToken={query.isPlaceholderData ? undefined : query.data?.nextPageToken}
      />
    </PageFrame>
  );
}
