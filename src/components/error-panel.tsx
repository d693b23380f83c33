import CloudOffIcon from '@mui/icons-material/CloudOff';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { ApiError } from '../lib/api-client';

/**
 * An API failure in place of the data it stopped: which kind (permission, network, other), the
 * server's own message, and a Retry. Never an empty table that looks like "no rows".
 */
export function ErrorPanel({ error, onRetry, what }: { error: unknown; onRetry?: () => void; what: string }) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  let title = `Could not load ${what}`;
  let icon = <ErrorOutlineIcon />;
  let hint: string | undefined;
  if (apiError?.httpStatus === 403 || apiError?.rpcStatus === 'PERMISSION_DENIED') {
    title = 'Permission denied';
    icon = <LockIcon />;
    hint = 'Your account lacks permission for this project or region (for example dataproc.sessions.list).';
  } else if (apiError?.httpStatus === 401) {
    title = 'Not signed in';
    icon = <LockIcon />;
    hint = 'The API wants an access token. Set one in the API connection settings (top right).';
  } else if (apiError?.isNetwork) {
    title = 'Network unavailable';
    icon = <CloudOffIcon />;
  }
  return (
    <Alert
      severity="error"
      icon={icon}
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {message}
      {apiError && apiError.httpStatus > 0 && ` (HTTP ${apiError.httpStatus} ${apiError.rpcStatus})`}
      {hint && <div>{hint}</div>}
    </Alert>
  );
}
