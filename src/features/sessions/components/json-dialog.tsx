import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { CopyButton } from '../../../components/copy-button';
import { downloadText } from '../../../lib/download';

/** The raw resource as the API returned it: to read, copy or download. */
export function JsonDialog({
  value,
  fileName,
  onClose,
}: {
  value: unknown;
  fileName: string;
  onClose: () => void;
}) {
  const text = JSON.stringify(value, null, 2);
  const download = () => downloadText(text, fileName, 'application/json');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="json-title">
      <DialogTitle id="json-title">
        JSON <CopyButton value={text} label="Copy JSON" />
      </DialogTitle>
      <DialogContent>
        <Box
          component="pre"
          tabIndex={0}
          aria-label="Session JSON"
          sx={{
            m: 0,
            p: 2,
            bgcolor: 'action.hover',
            borderRadius: 1,
            overflow: 'auto',
            fontSize: 13,
            maxHeight: '60vh',
          }}
        >
          {text}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} onClick={download}>
          Download
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
