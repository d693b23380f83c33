import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { GOOGLE_API, getConnection, setConnection } from '../../lib/connection';

type Choice = 'embedded' | 'google' | 'custom';

/** Chooses the backend: the embedded emulator, Google's API (with a token), or another URL. */
export function ConnectionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const initial = getConnection();
  const [choice, setChoice] = useState<Choice>(
    !initial.baseUrl ? 'embedded' : initial.baseUrl === GOOGLE_API ? 'google' : 'custom',
  );
  const [custom, setCustom] = useState(
    initial.baseUrl && initial.baseUrl !== GOOGLE_API ? initial.baseUrl : '',
  );
  const [token, setToken] = useState(initial.token ?? '');
  const customProblem =
    choice === 'custom' && !/^https?:\/\/[^\s]+$/.test(custom)
      ? 'Enter an http:// or https:// URL.'
      : undefined;

  const apply = () => {
    if (customProblem) return;
    const baseUrl = choice === 'embedded' ? '' : choice === 'google' ? GOOGLE_API : custom;
    setConnection({ baseUrl, token: choice === 'embedded' ? undefined : token });
    queryClient.clear();
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="connection-title" fullWidth maxWidth="sm">
      <DialogTitle id="connection-title">API connection</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          The console speaks the Dataproc v1 REST API. The access token is kept in memory only and is
          forgotten when you close the tab.
        </DialogContentText>
        <RadioGroup value={choice} onChange={(e) => setChoice(e.target.value as Choice)} aria-label="Backend">
          <FormControlLabel value="embedded" control={<Radio />} label="Embedded emulator (this server)" />
          <FormControlLabel
            value="google"
            control={<Radio />}
            label={`Google Cloud Dataproc (${GOOGLE_API})`}
          />
          <FormControlLabel value="custom" control={<Radio />} label="Another endpoint" />
        </RadioGroup>
        {choice === 'custom' && (
          <TextField
            label="Base URL"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            error={Boolean(customProblem)}
            helperText={customProblem ?? 'For example https://dataproc.us-central1.rep.googleapis.com'}
            fullWidth
            margin="normal"
          />
        )}
        {choice !== 'embedded' && (
          <TextField
            label="OAuth access token"
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            helperText="For example the output of: gcloud auth print-access-token"
            fullWidth
            margin="normal"
            autoComplete="off"
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button onClick={apply} variant="contained" disabled={Boolean(customProblem)}>
          Connect
        </Button>
      </DialogActions>
    </Dialog>
  );
}
