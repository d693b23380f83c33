import CodeIcon from '@mui/icons-material/Code';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import StopIcon from '@mui/icons-material/Stop';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { LabelChips } from '../../../components/label-chips';
import { templateDetailQuery } from '../../../lib/api/template-queries';
import { announce } from '../../../lib/announce';
import { flash } from '../../../lib/flash';
import { paths } from '../../../lib/paths';
import { STATE_LABEL, isTerminal } from '../../../lib/session-state';
import { idOf, type Place } from '../../../schemas/names';
import { isSystemLabel } from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';
import { newRequestId, useDeleteSession, useTerminateSession } from '../api/session-mutations';
import { cloneOf } from '../clone';
import { lifetimeSentence } from '../lifetime';
import { JsonDialog } from './json-dialog';
import { StateHistoryTimeline } from './state-history-timeline';

/**
 * What the sessions feature puts on the session page (composed in src/app/session-page): the
 * actions with their dialogs and notices, and the Overview's panels. The page itself, its tabs and
 * the order of its panels belong to src/app.
 */

/** Terminate, Delete, Clone and View JSON, with what they need on the page (notices, dialogs). */
export function useSessionActions(session: Session, place: Place) {
  const { project, location } = place;
  const name = session.name!;
  const sessionId = idOf(name);
  const listPath = paths.sessions(project, location);
  const remove = useDeleteSession();
  const terminate = useTerminateSession();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'terminate' | 'delete'>();
  const [showJson, setShowJson] = useState(false);
  /** The create form with what the user set on this session (not its template's or the defaults). */
  const openClone = async () => {
    const template = session.sessionTemplate
      ? await queryClient.fetchQuery(templateDetailQuery(session.sessionTemplate)).catch(() => undefined)
      : undefined;
    const { session: clone, leftOut } = cloneOf(session, template);
    navigate(paths.newSession(project, location), { state: { clone, cloneLeftOut: leftOut } });
  };

  // A state change is read out by screen readers (politely), not only drawn.
  const lastState = useRef(session.state);
  useEffect(() => {
    if (lastState.current === session.state) return;
    lastState.current = session.state;
    if (session.state) announce(`Session ${sessionId} is now ${STATE_LABEL[session.state].toLowerCase()}.`);
  }, [session.state, sessionId]);

  const ended = isTerminal(session.state);
  const pending = terminate.isPending || remove.isPending;
  const actionError = terminate.error ?? remove.error;

  const actions = (
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
  );

  const notices = (
    <>
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
    </>
  );

  const dialogs = (
    <>
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
          remove.mutate(
            { name, requestId: newRequestId() },
            {
              onSuccess: () => {
                flash(`Session ${sessionId} deleted.`, listPath);
                navigate(listPath);
              },
            },
          )
        }
      >
        {ended
          ? 'The session and its history are removed for good.'
          : 'This session is still running: it is terminated first (the kernel stops, unsaved state is lost), then removed for good.'}
      </ConfirmDialog>
      {showJson && (
        <JsonDialog value={session} fileName={`${sessionId}.json`} onClose={() => setShowJson(false)} />
      )}
    </>
  );
  return { actions, notices, dialogs };
}

/** The failure message of a FAILED session, above every tab. */
export function FailureNotice({ session }: { session: Session }) {
  if (session.state !== 'FAILED' || !session.stateMessage) return null;
  return (
    <Alert
      severity="error"
      sx={{ mb: 2, '& .MuiAlert-message': { minWidth: 0, overflowWrap: 'anywhere' } }}
      data-testid="failure-message"
    >
      <strong>Failed:</strong> {session.stateMessage}
    </Alert>
  );
}

/** The state history panel: the timeline, then what other features add under it, then the lifetime. */
export function StateHistoryPanel({
  session,
  now,
  children,
}: {
  session: Session;
  now: number;
  children?: ReactNode;
}) {
  const lifetime = lifetimeSentence(session, now);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="timeline-title" sx={{ p: 2 }}>
      <Typography id="timeline-title" variant="h6" component="h2" gutterBottom>
        State history
      </Typography>
      <StateHistoryTimeline session={session} now={now} />
      {children}
      {lifetime && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="lifetime">
          {lifetime}
        </Typography>
      )}
    </Paper>
  );
}

/** The session's own labels (each opens the list filtered by it), then Dataproc's. */
export function LabelsPanel({ session, place }: { session: Session; place: Place }) {
  const [, navigate] = useLocation();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="labels-title" sx={{ p: 2 }}>
      <Typography id="labels-title" variant="h6" component="h2" gutterBottom>
        Labels
      </Typography>
      <LabelChips
        wrap
        labels={session.labels}
        onSelect={(key, value) =>
          navigate(paths.sessions(place.project, place.location, { label: [`${key}=${value}`] }))
        }
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5, mb: 0.5 }}>
        Added by Dataproc
      </Typography>
      <LabelChips
        labels={Object.fromEntries(Object.entries(session.labels ?? {}).filter(([k]) => isSystemLabel(k)))}
        includeSystem
        wrap
      />
    </Paper>
  );
}
