import { useQuery } from '@tanstack/react-query';
import { Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { NotFoundPage } from '../components/not-found-page';
import { RouteErrorBoundary } from '../components/route-error-boundary';
import { DEFAULT_LOCATION, DEFAULT_PROJECT, paths, routes, type RouteId } from '../schemas/console-routes';
import { serverInfoQuery } from '../lib/server-info';
import { HydrationMark } from './ssr-state';
import {
  SessionCreateRoute,
  SessionDetailRoute,
  SessionsListRoute,
  TemplateCreateRoute,
  TemplateDetailRoute,
  TemplateEditRoute,
  TemplatesListRoute,
  FleetRoute,
  IdleRoute,
} from './routes';

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
        <HydrationMark />
        <RouteComponent />
      </Suspense>
    </RouteErrorBoundary>
  );
}

/** Each console route (src/schemas/console-routes.ts) and the component that reads and loads it. */
const PAGES: [Exclude<RouteId, 'home'>, ComponentType][] = [
  ['sessions', SessionsListRoute],
  ['newSession', SessionCreateRoute],
  ['session', SessionDetailRoute],
  ['templates', TemplatesListRoute],
  ['newTemplate', TemplateCreateRoute],
  ['editTemplate', TemplateEditRoute],
  ['template', TemplateDetailRoute],
  ['fleet', FleetRoute],
  ['idle', IdleRoute],
];

/**
 * The URL is the source of truth: every view is addressable and shareable. wouter, not
 * react-router: the console needs only path matching, params and search params, and react-router
 * was 33 KB gzip of the list route's JavaScript.
 */
export function AppRoutes() {
  return (
    <Switch>
      <Route path={routes.home.pattern} component={HomeRedirect} />
      {PAGES.map(([id, component]) => (
        <Route key={id} path={routes[id].pattern}>
          <Guarded route={component} />
        </Route>
      ))}
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
