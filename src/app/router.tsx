import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { NotFoundPage } from '../components/not-found-page';
import { SessionsListPage } from '../features/sessions/components/sessions-list-page';
import { serverInfoQuery } from '../lib/server-info';
import { DEFAULT_LOCATION, DEFAULT_PROJECT, paths } from './paths';

// The list is in the main bundle; the detail page, the create form and templates load when first opened.
const SessionCreatePage = lazy(() =>
  import('../features/sessions/form/session-create-page').then((m) => ({ default: m.SessionCreatePage })),
);
const SessionDetailPage = lazy(() =>
  import('../features/sessions/components/session-detail-page').then((m) => ({
    default: m.SessionDetailPage,
  })),
);
const TemplateDetailPage = lazy(() =>
  import('../features/session-templates/components/template-detail-page').then((m) => ({
    default: m.TemplateDetailPage,
  })),
);

const PLACE = '/projects/:project/locations/:location';

/** "/" opens the server's default project: the credential's own in upstream mode. */
function HomeRedirect() {
  const { data, isPending } = useQuery(serverInfoQuery);
  if (isPending) return null;
  return (
    <Redirect
      to={paths.sessions(data?.defaultProject ?? DEFAULT_PROJECT, data?.defaultLocation ?? DEFAULT_LOCATION)}
      replace
    />
  );
}

/**
 * The URL is the source of truth: every view is addressable and shareable. wouter, not
 * react-router: the console needs only path matching, params and search params, and react-router
 * was 33 KB gzip of the list route's JavaScript.
 */
export function AppRoutes() {
  return (
    <Suspense fallback={null}>
      <Switch>
        <Route path="/" component={HomeRedirect} />
        <Route path={`${PLACE}/sessions`} component={SessionsListPage} />
        <Route path={`${PLACE}/sessions/new`} component={SessionCreatePage} />
        <Route path={`${PLACE}/sessions/:session`} component={SessionDetailPage} />
        <Route path={`${PLACE}/sessionTemplates/:template`} component={TemplateDetailPage} />
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
