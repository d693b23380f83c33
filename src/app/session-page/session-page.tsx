import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { styled } from '@mui/material/styles';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link as RouterLink, useSearch } from 'wouter';
import type { RefreshState } from '../../components/load-resource';
import { PageFrame, placeCrumbs } from '../../components/page-frame';
import { SessionStateChip } from '../../components/session-state-chip';
import { useIsBeingDeleted } from '../../features/sessions/api/session-queries';
import { FailureNotice, useSessionActions } from '../../features/sessions/components/session-page-parts';
import { useNow } from '../../lib/use-now';
import { paths, routes } from '../../schemas/console-routes';
import { idOf, type Place } from '../../schemas/names';
import type { Session } from '../../schemas/wire';
import { tabFor, tabsOf } from './tabs';

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

/**
 * The session page: a layout with slots. The sessions feature gives its actions and notices; the
 * tabs (./tabs.tsx) and the Overview's panels (./panels.tsx) are declared in lists; each tab is a
 * URL (`?tab=…`). Kept fresh by its route, which also stops polling while it is being deleted.
 */
export function SessionPage({
  session,
  place,
  refresh,
}: {
  session: Session;
  place: Place;
  refresh: RefreshState;
}) {
  const name = session.name!;
  const sessionId = idOf(name);
  const now = useNow(1000);
  const tabs = tabsOf(session);
  const tab = tabFor(tabs, routes.session.readSearch(useSearch()).tab);
  const { actions, notices, dialogs } = useSessionActions(session, place);
  const client = useQueryClient();
  const deleting = useIsBeingDeleted(name);
  // A tab switch starts its data at once (the early prefetch did it already for a deep link).
  useEffect(() => void tab.prefetch?.(client, name), [tab, client, name]);
  const Content = tab.content;
  return (
    <PageFrame
      title={sessionId}
      documentTitle={`Session ${sessionId}${tab.value ? ` · ${tab.title}` : ''}`}
      adornment={<SessionStateChip state={session.state} size="medium" deleting={deleting} />}
      breadcrumbs={placeCrumbs(place, 'sessions', { label: sessionId })}
      actionsLabel="Session actions"
      actions={actions}
    >
      {notices}
      {refresh.error && (
        <Alert severity="warning" sx={{ mb: 2 }} action={<Button onClick={refresh.retry}>Retry</Button>}>
          Could not refresh: {refresh.error.message}
        </Alert>
      )}
      <FailureNotice session={session} />
      <Box
        component="nav"
        aria-label="Session views"
        sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {tabs.map((each) => (
          <TabLink
            key={each.title}
            to={paths.session(name, { tab: each.value })}
            aria-current={each === tab ? 'page' : undefined}
            data-testid={each.value ? `${each.value}-tab-link` : undefined}
          >
            {each.title}
          </TabLink>
        ))}
      </Box>
      <Content session={session} place={place} now={now} />
      {dialogs}
    </PageFrame>
  );
}
