import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Suspense, lazy, useState } from 'react';
import { newRequestId, useDeleteSession, useTerminateSession } from '../api/session-mutations';
// Loaded when first needed: dialogs are not part of the list's first paint.
const ConfirmDialog = lazy(() =>
  import('../../../components/confirm-dialog').then((m) => ({ default: m.ConfirmDialog })),
);
import { idOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';
import { isTerminal } from '../../../lib/session-state';

type Action = 'terminate' | 'delete';
export interface Outcome {
  action: Action;
  running: string[];
  failed: { name: string; message: string }[];
  /** Changed by this action. */
  changed: string[];
  /** Terminate on a session that had already ended: the API succeeds and nothing changes. */
  unchanged: string[];
}

const plural = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

/** What happened, counting only what really changed: "3 terminated, 1 had already ended." */
export function outcomeText(outcome: Outcome): string {
  const parts: string[] = [];
  if (outcome.running.length)
    parts.push(
      `${outcome.action === 'terminate' ? 'Terminating' : 'Deleting'} ${plural(outcome.running.length)}…`,
    );
  const done: string[] = [];
  if (outcome.changed.length)
    done.push(`${outcome.changed.length} ${outcome.action === 'terminate' ? 'terminated' : 'deleted'}`);
  if (outcome.unchanged.length) done.push(`${outcome.unchanged.length} had already ended`);
  if (outcome.failed.length) done.push(`${outcome.failed.length} failed`);
  if (done.length) parts.push(`${done.join(', ')}.`);
  return parts.join(' ');
}

/**
 * Terminate or delete the selected sessions together, each followed to completion. Renders inline
 * (the list's toolbar line); its outcome takes a line of its own below.
 */
export function BulkActions({
  selected,
  onDone,
}: {
  selected: Session[];
  onDone: (names: string[]) => void;
}) {
  const terminate = useTerminateSession();
  const remove = useDeleteSession();
  const [confirming, setConfirming] = useState<Action>();
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (action: Action) => {
    const names = selected.map((s) => s.name!);
    // What the list showed when the user confirmed: an ended session is left as it is by terminate.
    const ended = new Set(selected.filter((s) => isTerminal(s.state)).map((s) => s.name!));
    const mutation = action === 'terminate' ? terminate : remove;
    setOutcome({ action, running: names, failed: [], changed: [], unchanged: [] });
    const settle = (name: string, change: Partial<Outcome>) =>
      setOutcome(
        (o) =>
          o && {
            ...o,
            running: o.running.filter((n) => n !== name),
            changed: [...o.changed, ...(change.changed ?? [])],
            unchanged: [...o.unchanged, ...(change.unchanged ?? [])],
            failed: [...o.failed, ...(change.failed ?? [])],
          },
      );
    await Promise.all(
      names.map((name) =>
        mutation.mutateAsync({ name, requestId: newRequestId() }).then(
          () =>
            settle(
              name,
              action === 'terminate' && ended.has(name) ? { unchanged: [name] } : { changed: [name] },
            ),
          (error: unknown) =>
            settle(name, {
              failed: [{ name, message: error instanceof Error ? error.message : String(error) }],
            }),
        ),
      ),
    );
    onDone(names);
  };

  const count = selected.length;
  const verb = (a: Action) => (a === 'terminate' ? 'Terminate' : 'Delete');
  return (
    <>
      {count > 0 && (
        <Box
          sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
          role="toolbar"
          aria-label="Selected sessions"
        >
          <Typography variant="body2">{count} selected</Typography>
          <Button size="small" variant="outlined" color="warning" onClick={() => setConfirming('terminate')}>
            Terminate
          </Button>
          <Button size="small" variant="outlined" color="error" onClick={() => setConfirming('delete')}>
            Delete
          </Button>
        </Box>
      )}
      {outcome && (
        <Alert
          severity={outcome.running.length ? 'info' : outcome.failed.length ? 'error' : 'success'}
          onClose={outcome.running.length ? undefined : () => setOutcome(undefined)}
          role="status"
          sx={{ order: 10, flexBasis: '100%' }}
        >
          {outcomeText(outcome)}
          {outcome.failed.map((f) => (
            <div key={f.name}>
              {idOf(f.name)}: {f.message}
            </div>
          ))}
        </Alert>
      )}
      {confirming && (
        <Suspense fallback={null}>
          <ConfirmDialog
            open
            title={`${verb(confirming)} ${plural(count)}?`}
            confirmLabel={verb(confirming)}
            onClose={() => setConfirming(undefined)}
            onConfirm={() => void run(confirming)}
          >
            <Typography gutterBottom>
              {confirming === 'delete'
                ? 'Deleting removes each session and its history for good. Sessions that are still running are terminated first: their kernels stop and unsaved notebook state is lost.'
                : 'Terminating stops each session: running kernels stop and unsaved notebook state is lost. Sessions that have already ended are left as they are.'}
            </Typography>
            <Typography component="ul" variant="body2" sx={{ maxHeight: 200, overflow: 'auto' }}>
              {selected.map((s) => (
                <li key={s.name}>{idOf(s.name)}</li>
              ))}
            </Typography>
          </ConfirmDialog>
        </Suspense>
      )}
    </>
  );
}
