import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../copy-button';
import { apiBaseUrl, serverInfoQuery } from '../../lib/server-info';

/** The gcloud part of EquivalentRequest from a command and what it cannot express. */
export function gcloudProps({ command, notExpressible }: { command: string; notExpressible: string[] }) {
  return {
    gcloud: command,
    gcloudNote: notExpressible.length
      ? `gcloud has no flag for ${notExpressible.join('; ')}. The REST call above sets them; the command creates the session without them.`
      : undefined,
  };
}

/** The exact REST call a form will send and the matching gcloud command, updated as it changes. */
export function EquivalentRequest({
  method,
  path,
  query,
  body,
  gcloud,
  gcloudNote,
}: {
  method: 'POST' | 'PATCH';
  /** Below /v1/, e.g. projects/p/locations/l/sessions. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  gcloud: string;
  /** What the gcloud command needs besides itself (a file to write first). */
  gcloudNote?: string;
}) {
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const base = apiBaseUrl(serverInfo);
  const search = new URLSearchParams(query).toString();
  const rest = `${method} ${base}/v1/${path}${search ? `?${search}` : ''}\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
  const block = {
    m: 0,
    p: 1.5,
    bgcolor: 'action.hover',
    borderRadius: 1,
    overflow: 'auto',
    fontSize: 12,
    maxHeight: 360,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  } as const;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="equivalent-title" sx={{ p: 2 }}>
      <Typography id="equivalent-title" variant="h6" component="h2" gutterBottom>
        Equivalent request
      </Typography>
      <Typography variant="subtitle2" component="h3">
        REST <CopyButton value={rest} label="Copy REST request" />
      </Typography>
      <Box component="pre" sx={block} tabIndex={0} aria-label="REST request" data-testid="equivalent-rest">
        {rest}
      </Box>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        gcloud <CopyButton value={gcloud} label="Copy gcloud command" />
      </Typography>
      {gcloudNote && (
        <Typography variant="body2" color="text.secondary">
          {gcloudNote}
        </Typography>
      )}
      <Box component="pre" sx={block} tabIndex={0} aria-label="gcloud command">
        {gcloud}
      </Box>
    </Paper>
  );
}
