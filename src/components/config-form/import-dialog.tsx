import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

/**
 * Paste (or open) a session or template as JSON or YAML to fill a form; fields the form cannot
 * take are listed by the caller after import, never dropped silently.
 */
export function ImportDialog<R extends { error?: string }>({
  what,
  placeholder,
  parse,
  onImport,
  onClose,
}: {
  /** "session" or "template". */
  what: string;
  placeholder: string;
  parse: (text: string) => Promise<R>;
  onImport: (result: R) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    const result = await parse(text);
    setBusy(false);
    if (result.error) setError(result.error);
    else {
      onImport(result);
      onClose();
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="import-title">
      <DialogTitle id="import-title">Import a {what} from JSON or YAML</DialogTitle>
      <DialogContent>
        <Button component="label" size="small" sx={{ mb: 1 }}>
          Open a file…
          <input
            type="file"
            hidden
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        </Button>
        <TextField
          label={`${what[0]!.toUpperCase()}${what.slice(1)} JSON or YAML`}
          placeholder={placeholder}
          multiline
          minRows={10}
          fullWidth
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          error={Boolean(error)}
          helperText={error}
          sx={{ mt: 1, '& textarea': { fontFamily: 'monospace', fontSize: 13 } }}
        />
        {!error && text === '' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Fields set by the service (uuid, create time, …) and fields this API does not know are listed
            after import.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void apply()} disabled={!text.trim() || busy}>
          Import
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What an import did: the values it could not use and the fields it did not take, each by name. */
export function ImportedNotice({ ignored, problems = [] }: { ignored: string[]; problems?: string[] }) {
  return (
    <Box data-testid="import-report">
      {problems.length ? 'Imported, except for what is listed below.' : 'Imported.'}
      {problems.length > 0 && (
        <>
          <Box component="p" sx={{ mb: 0 }}>
            These values could not be used; their fields were left empty or at their defaults:
          </Box>
          <Box component="ul" sx={{ my: 0, pl: 2.5 }}>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </Box>
        </>
      )}
      {ignored.length > 0 && (
        <Box component="p" sx={{ mb: 0 }}>
          These fields were not taken: {ignored.join(', ')}.
        </Box>
      )}
    </Box>
  );
}
