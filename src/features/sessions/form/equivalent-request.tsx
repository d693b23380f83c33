import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../../../components/copy-button';
import { useQuery } from '@tanstack/react-query';
import { apiBaseUrl, serverInfoQuery } from '../../../lib/server-info';
import type { Place } from '../../../schemas/rules';
import type { Session } from '../../../schemas/wire';
import { gcloudCommand, type SessionFormValues } from './session-form-model';

/** The exact REST call and the matching gcloud command, updated as the form changes. */
export function EquivalentRequest({
  values,
  session,
  place,
  requestId,
}: {
  values: SessionFormValues;
  session: Session;
  place: Place;
  requestId: string;
}) {
  const { data: serverInfo } = useQuery(serverInfoQuery);
  const base = apiBaseUrl(serverInfo);
  const query = new URLSearchParams({ sessionId: values.sessionId.trim(), requestId });
  const rest = `POST ${base}/v1/projects/${place.project}/locations/${place.location}/sessions?${query}\nContent-Type: application/json\n\n${JSON.stringify(session, null, 2)}`;
  const gcloud = gcloudCommand(values, session, place);
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
      <Box component="pre" sx={block} tabIndex={0} aria-label="gcloud command">
        {gcloud}
      </Box>
    </Paper>
  );
}
