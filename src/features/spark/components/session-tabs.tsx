import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'wouter';
import type { Session } from '../../../schemas/wire';
import { applicationsQuery, jobsQuery } from '../api/spark-queries';

const SparkTab = lazy(() => import('./spark-tab'));

/**
 * Whether the session page shows its Spark tab (`?tab=spark`) instead of the overview. When it
 * does, the tab's code, the application and its first page of jobs load while the session itself
 * does, instead of one after the other.
 */
export function useSparkTabOpen(sessionName: string): boolean {
  const open = useSearchParams()[0].get('tab') === 'spark';
  const client = useQueryClient();
  useEffect(() => {
    if (!open) return;
    void import('./spark-tab');
    client
      .fetchQuery(applicationsQuery(sessionName, true))
      .then((data) => {
        const app = data.sparkApplications?.[0]?.name;
        if (app) return client.prefetchInfiniteQuery(jobsQuery({ app, session: sessionName }, true));
      })
      // A failure shows where the data belongs, when the tab asks again.
      .catch(() => undefined);
  }, [open, sessionName, client]);
  return open;
}

const TabLink = styled(RouterLink)(({ theme }) => ({
  padding: '8px 16px',
  color: theme.palette.text.primary,
  textDecoration: 'none',
  borderBottom: '3px solid transparent',
  fontWeight: 500,
  '&[aria-current="page"]': {
    borderBottomColor: theme.palette.primary.main,
    color: theme.palette.primary.main,
  },
  '&:hover': { background: theme.palette.action.hover },
}));

/** The session page's tabs as links (each is a URL), and the Spark tab's content when it is open. */
export function SessionTabs({ session }: { session: Session }) {
  const [path] = useLocation();
  const open = useSearchParams()[0].get('tab') === 'spark';
  return (
    <>
      <Box
        component="nav"
        aria-label="Session views"
        sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <TabLink to={path} aria-current={open ? undefined : 'page'}>
          Overview
        </TabLink>
        <TabLink
          to={`${path}?tab=spark`}
          aria-current={open ? 'page' : undefined}
          data-testid="spark-tab-link"
        >
          Spark
        </TabLink>
      </Box>
      {open && (
        <Suspense fallback={null}>
          <SparkTab session={session} />
        </Suspense>
      )}
    </>
  );
}
