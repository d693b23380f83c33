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

type Action = 'terminate' | 'delete';
interface Outcome {
  action: Action;
  running: string[];
  failed: { name: string; message: string }[];
  succeeded: string[];
}

/** Terminate or delete the selected sessions together, each followed to completion. */
export function BulkActions({ selected, onDone }: { selected: string[]; onDone: (names: string[]) => void }) {
  const terminate = useTerminateSession();
  const remove = useDeleteSession();
  const [confirming, setConfirming] = useState<Action>();
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (action: Action) => {
    const names = [...selected];
    const mutation = action === 'terminate' ? terminate : remove;
    setOutcome({ action, running: names, failed: [], succeeded: [] });
    await Promise.all(
      names.map((name) =>
        mutation.mutateAsync({ name, requestId: newRequestId() }).then(
          () =>
            setOutcome(
              (o) =>
                o && {
                  ...o,
                  running: o.running.filter((n) => n !== name),
                  succeeded: [...o.succeeded, name],
                },
            ),
          (error: unknown) =>
            setOutcome(
              (o) =>
                o && {
                  ...o,
                  running: o.running.filter((n) => n !== name),
                  failed: [
                    ...o.failed,
                    { name, message: error instanceof Error ? error.message : String(error) },
                  ],
                },
            ),
        ),
      ),
    );
    onDone(names);
  };

  const count = selected.length;
  const verb = (a: Action) => (a === 'terminate' ? 'Terminate' : 'Delete');
  return (
    <Box sx={{ mb: 2 }}>
      {count > 0 && (
        <Box
          sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}
          role="toolbar"
          aria-label="Selected sessions"
        >
          <Typography variant="body2">{count} selected</Typography>
          <Button variant="outlined" color="warning" onClick={() => setConfirming('terminate')}>
            Terminate
          </Button>
          <Button variant="outlined" color="error" onClick={() => setConfirming('delete')}>
            Delete
          </Button>
        </Box>
      )}
      {outcome && (
        <Alert
          severity={outcome.running.length ? 'info' : outcome.failed.length ? 'error' : 'success'}
          onClose={outcome.running.length ? undefined : () => setOutcome(undefined)}
          role="status"
        >
          {outcome.running.length > 0 && `${verb(outcome.action)}: ${outcome.running.length} in progress. `}
          {outcome.succeeded.length > 0 &&
            `${outcome.action === 'terminate' ? 'Terminated' : 'Deleted'} ${outcome.succeeded.length} session${outcome.succeeded.length === 1 ? '' : 's'}. `}
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
            title={`${verb(confirming)} ${count} session${count === 1 ? '' : 's'}?`}
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
              {selected.map((name) => (
                <li key={name}>{idOf(name)}</li>
              ))}
            </Typography>
          </ConfirmDialog>
        </Suspense>
      )}
    </Box>
  );
}
