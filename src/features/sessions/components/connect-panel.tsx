import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { UriValue } from '../../../components/config-sections';
import { CopyButton } from '../../../components/copy-button';
import { idOf, placeOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';

/**
 * Google's Spark Connect client for Dataproc sessions. It was published as `google-spark-connect`
 * (import `google.cloud.spark_connect`) and is now `dataproc-spark-connect` (import
 * `google.cloud.dataproc_spark_connect`), per its PyPI page and Google's "Use the Spark Connect
 * client" guide. `dataprocSessionId` makes `getOrCreate` reuse this session rather than create one.
 */
export const SPARK_CONNECT_PACKAGE = 'dataproc-spark-connect';
export const JUPYTER_PLUGIN_PACKAGE = 'dataproc-jupyter-plugin';

const pyString = (value: string) => JSON.stringify(value);

export function sparkConnectSnippet(session: Pick<Session, 'name'>): string {
  const { project, location } = placeOf(session.name ?? '') ?? { project: '', location: '' };
  return [
    `# pip install -U ${SPARK_CONNECT_PACKAGE}`,
    'from google.cloud.dataproc_spark_connect import DataprocSparkSession',
    '',
    'spark = (',
    '    DataprocSparkSession.builder',
    `    .projectId(${pyString(project)})`,
    `    .location(${pyString(location)})`,
    `    .dataprocSessionId(${pyString(idOf(session.name))})  # reuse this running session`,
    '    .getOrCreate()',
    ')',
    'spark.sql("SELECT 1 AS ok").show()',
  ].join('\n');
}

/** A titled block of code, its copy button on the title's line (not over text that scrolls under it). */
const Code = ({ children, label, title }: { children: string; label: string; title: string }) => (
  <Box sx={{ minWidth: 0, mt: 2 }}>
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 0.5 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <CopyButton value={children} label={`Copy ${label.toLowerCase()}`} />
    </Box>
    <Box
      component="pre"
      tabIndex={0}
      aria-label={label}
      sx={{
        m: 0,
        p: 1.5,
        bgcolor: 'action.hover',
        borderRadius: 1,
        overflowX: 'auto',
        fontSize: '0.8125rem',
      }}
    >
      <code>{children}</code>
    </Box>
  </Box>
);

/** How to reach an ACTIVE session: every endpoint with a copy button, and what to run where. */
export function ConnectPanel({ session }: { session: Session }) {
  if (session.state !== 'ACTIVE') return null;
  const endpoints = Object.entries(session.runtimeInfo?.endpoints ?? {});
  const sparkConnect = Boolean(session.sparkConnectSession);
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="connect-title"
      sx={{ p: 2, minWidth: 0 }}
      data-testid="connect-panel"
    >
      <Typography id="connect-title" variant="h6" component="h2" gutterBottom>
        Connect
      </Typography>
      {endpoints.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          The service has not published any endpoints for this session yet.
        </Typography>
      ) : (
        <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1, gridTemplateColumns: 'minmax(0, 1fr)' }}>
          {endpoints.map(([name, uri]) => (
            <Box key={name} sx={{ minWidth: 0 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {name}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{
                  m: 0,
                  fontFamily: 'monospace',
                  overflowWrap: 'anywhere',
                  display: 'flex',
                  alignItems: 'center',
                  gap: 0.5,
                }}
              >
                <Box component="span" sx={{ minWidth: 0 }} data-testid="endpoint-uri">
                  <UriValue value={uri} />
                </Box>
                <CopyButton value={uri} label={`Copy ${name} endpoint`} />
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {sparkConnect ? (
        <>
          <Code label="Python snippet" title="From Python (Spark Connect)">
            {sparkConnectSnippet(session)}
          </Code>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Authenticate first with <code>gcloud auth application-default login</code> (or set{' '}
            <code>GOOGLE_APPLICATION_CREDENTIALS</code>). The client finds the Spark Connect endpoint itself
            and adds the credentials to each call.
          </Typography>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
            In JupyterLab or VS Code
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2' }}>
            <li>
              JupyterLab: run <code>%pip install -U {SPARK_CONNECT_PACKAGE}</code> in a notebook cell, restart
              the kernel, then run the snippet in a cell; <code>spark</code> is then this session.
            </li>
            <li>
              VS Code: open a notebook with the Jupyter extension, pick a local Python environment, install{' '}
              <code>{SPARK_CONNECT_PACKAGE}</code> into it with pip, and run the snippet.
            </li>
          </Box>
        </>
      ) : (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
            In JupyterLab or VS Code
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5, typography: 'body2' }}>
            <li>
              JupyterLab: install Google&apos;s plugin with <code>pip install {JUPYTER_PLUGIN_PACKAGE}</code>,
              restart JupyterLab and sign in with <code>gcloud auth login</code>; the launcher then offers
              Dataproc kernels for this project and region.
            </li>
            <li>
              VS Code has no client for the Jupyter Kernel Gateway endpoint: use JupyterLab, or create a Spark
              Connect session and run its Python snippet from a VS Code notebook.
            </li>
          </Box>
        </>
      )}
    </Paper>
  );
}
