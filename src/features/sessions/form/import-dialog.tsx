import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { importSession, type ImportResult } from './session-form-model';

/** Paste a Session JSON to fill the form; fields it cannot take are listed, not dropped silently. */
export function ImportDialog({
  sessionId,
  onImport,
  onClose,
}: {
  sessionId: string;
  onImport: (result: ImportResult) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const apply = () => {
    const result = importSession(text, sessionId);
    if (result.error) setError(result.error);
    else {
      onImport(result);
      onClose();
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="import-title">
      <DialogTitle id="import-title">Import a session from JSON</DialogTitle>
      <DialogContent>
        <TextField
          label="Session JSON"
          placeholder="Paste the output of View JSON, or of gcloud dataproc sessions describe … --format=json"
          multiline
          minRows={10}
          fullWidth
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={Boolean(error)}
          helperText={error}
          sx={{ mt: 1, '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
        />
        {!error && text === '' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Fields set by the service (state, uuid, …) and fields this API does not know are listed after
            import.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={apply} disabled={!text.trim()}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}
