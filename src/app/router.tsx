import { useQuery } from '@tanstack/react-query';
import { Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { NotFoundPage } from '../components/not-found-page';
import { RouteErrorBoundary } from '../components/route-error-boundary';
import { DEFAULT_LOCATION, DEFAULT_PROJECT, paths } from '../lib/paths';
import { serverInfoQuery } from '../lib/server-info';
import {
  SessionCreateRoute,
  SessionDetailRoute,
  SessionsListRoute,
  TemplateCreateRoute,
  TemplateDetailRoute,
  TemplateEditRoute,
  TemplatesListRoute,
} from './routes';

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

/** Each route inside its own error boundary, reset when the address changes. */
function Guarded({ route: RouteComponent }: { route: ComponentType }) {
  const [location] = useLocation();
  return (
    <RouteErrorBoundary key={location}>
      <Suspense fallback={null}>
        <RouteComponent />
      </Suspense>
    </RouteErrorBoundary>
  );
}

const ROUTES: [string, ComponentType][] = [
  [`${PLACE}/sessions`, SessionsListRoute],
  [`${PLACE}/sessions/new`, SessionCreateRoute],
  [`${PLACE}/sessions/:session`, SessionDetailRoute],
  [`${PLACE}/sessionTemplates`, TemplatesListRoute],
  [`${PLACE}/sessionTemplates/new`, TemplateCreateRoute],
  [`${PLACE}/sessionTemplates/:template/edit`, TemplateEditRoute],
  [`${PLACE}/sessionTemplates/:template`, TemplateDetailRoute],
];

/**
 * The URL is the source of truth: every view is addressable and shareable. wouter, not
 * react-router: the console needs only path matching, params and search params, and react-router
 * was 33 KB gzip of the list route's JavaScript.
 */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomeRedirect} />
      {ROUTES.map(([path, component]) => (
        <Route key={path} path={path}>
          <Guarded route={component} />
        </Route>
      ))}
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
