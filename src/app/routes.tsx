import { useQuery } from '@tanstack/react-query';
import { lazy, useCallback, useMemo } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { placeCrumbs } from '../components/page-frame';
import { sessionDetailQuery, useIsBeingDeleted } from '../features/sessions/api/session-queries';
import { SessionsListPage } from '../features/sessions/components/sessions-list-page';
import { BulkActionsOnDemand } from '../features/sessions/components/bulk-actions-on-demand';
import { DEFAULT_IDLE_MINUTES } from '../features/costs/components/idle-minutes';
import { paths, routes } from '../schemas/console-routes';
import { listViewFromSearch, searchFromListView, type ListView } from '../schemas/session-list-view';
import { parentName, sessionName, type Place } from '../schemas/names';
import { LoadResource } from '../components/load-resource';
import { lazyPage } from './lazy-page';

/**
 * The route layer: each route reads its URL (path and search parameters, history state), loads
 * what its page shows, and hands the page resources. Pages never read the URL themselves.
 */

// The list is in the main bundle; the detail page, the create form and templates load when first opened.
// Preloadable: a server-rendered session page is hydrated only once its code is in (src/boot.tsx).
export const SessionPage = lazyPage(() => import('./session-page/session-page').then((m) => m.SessionPage));
const TemplatesListPage = lazy(() =>
  import('../features/session-templates/components/templates-list-page').then((m) => ({
    default: m.TemplatesListPage,
  })),
);
export const TemplateFormPage = lazy(() =>
  import('../features/session-templates/form/template-form-page').then((m) => ({
    default: m.TemplateFormPage,
  })),
);
const FleetPage = lazy(() =>
  import('../features/costs/components/fleet-page').then((m) => ({ default: m.FleetPage })),
);
const IdlePage = lazy(() =>
  import('../features/costs/components/idle-page').then((m) => ({ default: m.IdlePage })),
);
export const TemplateDetailPage = lazy(() =>
  import('../features/session-templates/components/template-detail-page').then((m) => ({
    default: m.TemplateDetailPage,
  })),
);

export function usePlace(): Place {
  const { project = '', location = '' } = useParams();
  return useMemo(() => ({ project, location }), [project, location]);
}

export function SessionsListRoute() {
  const place = usePlace();
  const search = useSearch();
  const [, navigate] = useLocation();
  const view = useMemo(() => listViewFromSearch(routes.sessions.readSearch(search)), [search]);
  const setView = useCallback(
    (next: ListView) => navigate(routes.sessions.href(place, searchFromListView(next))),
    [navigate, place],
  );
  return <SessionsListPage place={place} view={view} onViewChange={setView} />;
}

export function SessionDetailRoute() {
  const place = usePlace();
  const { session: id = '' } = useParams();
  const name = sessionName(parentName(place), id);
  // While a delete runs, stop polling: the session is about to vanish, and its 404 is expected.
  const deleting = useIsBeingDeleted(name);
  const query = useQuery({ ...sessionDetailQuery(name), enabled: !deleting });
  const list = paths.sessions(place.project, place.location);
  return (
    <LoadResource
      query={query}
      title={id}
      what={`session ${id}`}
      breadcrumbs={placeCrumbs(place, 'sessions', { label: id })}
      notFound={{
        title: 'Session not found',
        backTo: list,
        backLabel: 'Back to sessions',
        text: `There is no session ${id} in ${place.project} / ${place.location}. It may have been deleted.`,
      }}
    >
      {(session, refresh) => <SessionPage session={session} place={place} refresh={refresh} />}
    </LoadResource>
  );
}

// The create form's route reads a clone from history state with the wire schema (zod): it loads
// with the form, not with the list.
export const SessionCreateRoute = lazy(() =>
  import('./session-create-route').then((m) => ({ default: m.SessionCreateRoute })),
);

export function TemplatesListRoute() {
  const place = usePlace();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = useMemo(() => routes.templates.readSearch(search).filter ?? '', [search]);
  const setFilter = useCallback(
    (next: string) => navigate(routes.templates.href(place, { filter: next })),
    [navigate, place],
  );
  return <TemplatesListPage place={place} filter={filter} onFilterChange={setFilter} />;
}

export function TemplateCreateRoute() {
  return <TemplateFormPage place={usePlace()} />;
}

// The template routes load their template with the template queries (and their mutations): code
// the list does not need, loaded with the first template page.
export const TemplateDetailRoute = lazy(() =>
  import('./template-routes').then((m) => ({ default: m.TemplateDetailRoute })),
);
export const TemplateEditRoute = lazy(() =>
  import('./template-routes').then((m) => ({ default: m.TemplateEditRoute })),
);

/** The fleet view: the label key it groups by is in the URL. */
export function FleetRoute() {
  const { project = '' } = useParams();
  const search = useSearch();
  const [, navigate] = useLocation();
  const labelKey = routes.fleet.readSearch(search).label ?? '';
  const setLabelKey = useCallback(
    (label: string) => navigate(routes.fleet.href({ project }, { label })),
    [navigate, project],
  );
  return <FleetPage project={project} labelKey={labelKey} onLabelKeyChange={setLabelKey} />;
}

/**
 * The idle view: N minutes is in the URL. Its bulk terminate is the sessions feature's own flow,
 * composed here (features never import each other).
 */
export function IdleRoute() {
  const { project = '' } = useParams();
  const search = useSearch();
  const [, navigate] = useLocation();
  const minutes = routes.idle.readSearch(search).minutes ?? DEFAULT_IDLE_MINUTES;
  const setMinutes = useCallback(
    (next: number) =>
      navigate(routes.idle.href({ project }, { minutes: next === DEFAULT_IDLE_MINUTES ? undefined : next })),
    [navigate, project],
  );
  return (
    <IdlePage
      project={project}
      minutes={minutes}
      onMinutesChange={setMinutes}
      renderBulkActions={(selected, onDone) => <BulkActionsOnDemand selected={selected} onDone={onDone} />}
    />
  );
}
