import Box from '@mui/material/Box';
import { styled } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'wouter';
import type { Session } from '../../../schemas/wire';
import { prefetchSpark } from '../prefetch';
// Not lazy: a lazy tab behind Suspense costs React's 300 ms reveal throttle on a deep link.
import { SparkTab } from './spark-tab';

/**
 * Whether the session page shows its Spark tab (`?tab=spark`) instead of the overview. When it does,
 * its data starts loading now (a tab switch), if the early prefetch has not already.
 */
export function useSparkTabOpen(sessionName: string): boolean {
  const open = useSearchParams()[0].get('tab') === 'spark';
  const client = useQueryClient();
  useEffect(() => {
    if (!open) return;
    prefetchSpark(client, sessionName);
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
      {open && <SparkTab session={session} />}
    </>
  );
}
