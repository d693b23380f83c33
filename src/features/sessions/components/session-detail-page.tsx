import CodeIcon from '@mui/icons-material/Code';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import StopIcon from '@mui/icons-material/Stop';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { announce } from '../../../lib/announce';
import { useLocation } from 'wouter';
import type { RefreshState } from '../../../components/load-resource';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { idOf, type Place } from '../../../schemas/names';
import { paths } from '../../../lib/paths';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useNow } from '../../../lib/use-now';
import { useTimeZone } from '../../../lib/time-zone';
import { SessionTabs, useSparkTabOpen } from '../../spark/components/session-tabs';
import { SparkActivity } from '../../spark/components/spark-activity';
import { isSystemLabel } from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';
import { newRequestId, useDeleteSession, useTerminateSession } from '../api/session-mutations';
import { templateDetailQuery } from '../../../lib/api/template-queries';
import { cloneOf } from '../clone';
import { lifetimeSentence } from '../lifetime';
import { STATE_LABEL, isTerminal } from '../../../lib/session-state';
import { ConnectPanel } from './connect-panel';
import { JsonDialog } from './json-dialog';
import { LabelChips } from '../../../components/label-chips';
import { SessionFields } from './session-fields';
import { SessionStateChip } from '../../../components/session-state-chip';
import { StateHistoryTimeline } from './state-history-timeline';

/** One session, kept fresh by its route (which also stops polling while it is being deleted). */
export function SessionDetailPage({
  session,
  place,
  refresh,
}: {
  session: Session;
  place: Place;
  refresh: RefreshState;
}) {
  const { project, location } = place;
  const name = session.name!;
  const sessionId = idOf(name);
  const listPath = paths.sessions(project, location);
  const remove = useDeleteSession();
  const now = useNow(1000);
  // Times on this page follow the UTC/local setting.
  useTimeZone();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  /** The create form with what the user set on this session (not its template's or the defaults). */
  const openClone = async () => {
    const template = session.sessionTemplate
      ? await queryClient.fetchQuery(templateDetailQuery(session.sessionTemplate)).catch(() => undefined)
      : undefined;
    const { session: clone, leftOut } = cloneOf(session, template);
    navigate(paths.newSession(project, location), { state: { clone, cloneLeftOut: leftOut } });
  };
  const terminate = useTerminateSession();
  const [confirm, setConfirm] = useState<'terminate' | 'delete'>();
  const [showJson, setShowJson] = useState(false);
  const sparkOpen = useSparkTabOpen(name);

  // A state change is read out by screen readers (politely), not only drawn.
  const lastState = useRef(session.state);
  useEffect(() => {
    if (lastState.current === session.state) return;
    lastState.current = session.state;
    if (session.state) announce(`Session ${sessionId} is now ${STATE_LABEL[session.state].toLowerCase()}.`);
  }, [session.state, sessionId]);

  const ended = isTerminal(session.state);
  const lifetime = lifetimeSentence(session, now);
  const pending = terminate.isPending || remove.isPending;
  const actionError = terminate.error ?? remove.error;

  return (
    <PageFrame
      title={sessionId}
      adornment={<SessionStateChip state={session.state} size="medium" />}
      breadcrumbs={placeCrumbs(place, 'sessions', { label: sessionId })}
      actionsLabel="Session actions"
      actions={
        <>
          <Button
            variant="outlined"
            color="warning"
            startIcon={<StopIcon />}
            disabled={ended || session.state === 'TERMINATING' || pending}
            onClick={() => setConfirm('terminate')}
            aria-describedby={ended ? 'terminate-reason' : undefined}
          >
            Terminate
          </Button>
          <Button
            variant="outlined"
            color="error"
            startIcon={<DeleteIcon />}
            disabled={pending}
            onClick={() => setConfirm('delete')}
          >
            Delete
          </Button>
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void openClone()}>
            Clone
          </Button>
          <Button variant="outlined" startIcon={<CodeIcon />} onClick={() => setShowJson(true)}>
            View JSON
          </Button>
        </>
      }
    >
      {ended && (
        <Typography id="terminate-reason" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Terminate is unavailable: this session has already ended ({session.state?.toLowerCase()}).
        </Typography>
      )}
      {pending && (
        <Alert severity="info" sx={{ mb: 2 }} role="status">
          {remove.isPending ? 'Deleting: the session is terminated first, then removed…' : 'Terminating…'}
        </Alert>
      )}
      {actionError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {actionError.message}
        </Alert>
      )}
      {refresh.error && (
        <Alert severity="warning" sx={{ mb: 2 }} action={<Button onClick={refresh.retry}>Retry</Button>}>
          Could not refresh: {refresh.error.message}
        </Alert>
      )}
      {session.state === 'FAILED' && session.stateMessage && (
        <Alert
          severity="error"
          sx={{ mb: 2, '& .MuiAlert-message': { minWidth: 0, overflowWrap: 'anywhere' } }}
          data-testid="failure-message"
        >
          <strong>Failed:</strong> {session.stateMessage}
        </Alert>
      )}
      <SessionTabs session={session} />
      <Box
        sx={{
          display: sparkOpen ? 'none' : 'grid',
          gap: 2,
          // Tracks that may shrink below their content, and content that wraps inside them: the two
          // columns can never paint over each other. One column below 900 px.
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 3fr)' },
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0 }}>
          <ConnectPanel session={session} />
          <Paper variant="outlined" component="section" aria-labelledby="timeline-title" sx={{ p: 2 }}>
            <Typography id="timeline-title" variant="h6" component="h2" gutterBottom>
              State history
            </Typography>
            <StateHistoryTimeline session={session} now={now} />
            <SparkActivity session={session} />
            {lifetime && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="lifetime">
                {lifetime}
              </Typography>
            )}
          </Paper>
          <Paper variant="outlined" component="section" aria-labelledby="labels-title" sx={{ p: 2 }}>
            <Typography id="labels-title" variant="h6" component="h2" gutterBottom>
              Labels
            </Typography>
            <LabelChips
              labels={session.labels}
              onSelect={(key, value) =>
                navigate(`${listPath}?label=${encodeURIComponent(`${key}=${value}`)}`)
              }
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5, mb: 0.5 }}>
              Added by Dataproc
            </Typography>
            <LabelChips
              labels={Object.fromEntries(
                Object.entries(session.labels ?? {}).filter(([k]) => isSystemLabel(k)),
              )}
              includeSystem
            />
          </Paper>
        </Box>
        <SessionFields session={session} now={now} />
      </Box>
      <ConfirmDialog
        open={confirm === 'terminate'}
        title={`Terminate ${sessionId}?`}
        confirmLabel="Terminate"
        onClose={() => setConfirm(undefined)}
        onConfirm={() => terminate.mutate({ name, requestId: newRequestId() })}
      >
        The kernel stops and unsaved notebook state is lost. The session stays listed as Terminated until you
        delete it.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={`Delete ${sessionId}?`}
        confirmLabel="Delete"
        onClose={() => setConfirm(undefined)}
        onConfirm={() =>
          remove.mutate({ name, requestId: newRequestId() }, { onSuccess: () => navigate(listPath) })
        }
      >
        {ended
          ? 'The session and its history are removed for good.'
          : 'This session is still running: it is terminated first (the kernel stops, unsaved state is lost), then removed for good.'}
      </ConfirmDialog>
      {showJson && (
        <JsonDialog value={session} fileName={`${sessionId}.json`} onClose={() => setShowJson(false)} />
      )}
    </PageFrame>
  );
}
