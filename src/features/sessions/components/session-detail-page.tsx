import CodeIcon from '@mui/icons-material/Code';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import StopIcon from '@mui/icons-material/Stop';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { RefreshState } from '../../../components/load-resource';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { idOf, type Place } from '../../../schemas/names';
import { paths } from '../../../lib/paths';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { formatDateTime, formatDuration, formatRelative } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { SessionTabs, useSparkTabOpen } from '../../spark/components/session-tabs';
import { isSystemLabel, parseDurationSeconds } from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';
import { newRequestId, useDeleteSession, useTerminateSession } from '../api/session-mutations';
import { isTerminal } from '../session-state';
import { JsonDialog } from './json-dialog';
import { LabelChips } from './label-chips';
import { SessionFields } from './session-fields';
import { SessionStateChip } from './session-state-chip';
import { StateHistoryTimeline } from './state-history-timeline';

/** When the TTL ends the session at the latest: counted from when it became ACTIVE. */
function lifetime(session: Session, now: number): string | undefined {
  const exec = session.environmentConfig?.executionConfig;
  const activeAt =
    session.state === 'ACTIVE'
      ? session.stateTime
      : session.stateHistory?.find((h) => h.state === 'ACTIVE')?.stateStartTime;
  const ttl = parseDurationSeconds(exec?.ttl ?? '');
  const parts: string[] = [];
  if (session.state === 'ACTIVE' && activeAt && ttl !== undefined) {
    const end = new Date(Date.parse(activeAt) + ttl * 1000).toISOString();
    parts.push(
      `The TTL (${formatDuration(exec?.ttl)}) ends this session at ${formatDateTime(end)} (${formatRelative(end, now)}) at the latest.`,
    );
  }
  if (exec?.idleTtl && !isTerminal(session.state))
    parts.push(`It also ends after ${formatDuration(exec.idleTtl)} without activity (idle TTL).`);
  return parts.join(' ') || undefined;
}

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
  const [, navigate] = useLocation();
  const terminate = useTerminateSession();
  const [confirm, setConfirm] = useState<'terminate' | 'delete'>();
  const [showJson, setShowJson] = useState(false);
  const sparkOpen = useSparkTabOpen();

  const ended = isTerminal(session.state);
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
          <Button
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            onClick={() => navigate(paths.newSession(project, location), { state: { clone: session } })}
          >
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
        <Alert severity="error" sx={{ mb: 2 }} data-testid="failure-message">
          <strong>Failed:</strong> {session.stateMessage}
        </Alert>
      )}
      <SessionTabs session={session} />
      <Box
        sx={{
          display: sparkOpen ? 'none' : 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 3fr)' },
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 2 }}>
          <Paper variant="outlined" component="section" aria-labelledby="timeline-title" sx={{ p: 2 }}>
            <Typography id="timeline-title" variant="h6" component="h2" gutterBottom>
              State history
            </Typography>
            <StateHistoryTimeline session={session} now={now} />
            {lifetime(session, now) && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="lifetime">
                {lifetime(session, now)}
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
