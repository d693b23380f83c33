import { Navigate, createBrowserRouter } from 'react-router';
import { SessionsListPage } from '../features/sessions/components/sessions-list-page';
import { NotFoundPage } from '../components/not-found-page';
import { AppShell } from './layout/app-shell';
import { DEFAULT_LOCATION, DEFAULT_PROJECT, paths } from './paths';

const PLACE = 'projects/:project/locations/:location';

/**
 * The URL is the source of truth: every view is addressable and shareable. The list is in the
 * main bundle; the detail page and the create form load when first opened.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to={paths.sessions(DEFAULT_PROJECT, DEFAULT_LOCATION)} replace /> },
      { path: `${PLACE}/sessions`, element: <SessionsListPage /> },
      {
        path: `${PLACE}/sessions/new`,
        lazy: () =>
          import('../features/sessions/form/session-create-page').then((m) => ({
            Component: m.SessionCreatePage,
          })),
      },
      {
        path: `${PLACE}/sessions/:session`,
        lazy: () =>
          import('../features/sessions/components/session-detail-page').then((m) => ({
            Component: m.SessionDetailPage,
          })),
      },
      {
        path: `${PLACE}/sessionTemplates/:template`,
        lazy: () =>
          import('../features/session-templates/components/template-detail-page').then((m) => ({
            Component: m.TemplateDetailPage,
          })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
