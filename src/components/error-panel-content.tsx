import CloudOffIcon from '@mui/icons-material/CloudOff';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import HourglassIcon from '@mui/icons-material/HourglassEmpty';
import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { errorGuidance, type Guidance } from '../lib/error-guidance';

const ICONS: Record<Guidance['kind'], ReactNode> = {
  auth: <LockIcon />,
  permission: <LockIcon />,
  network: <CloudOffIcon />,
  quota: <HourglassIcon />,
  other: <ErrorOutlineIcon />,
};

/**
 * An API failure in place of the data it stopped: which kind (sign-in, permission, quota, network,
 * other), the server's own message, what to do, and a Retry. Never an empty table that looks like
 * "no rows".
 */
export function ErrorPanel({ error, onRetry, what }: { error: unknown; onRetry?: () => void; what: string }) {
  const apiError = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const guidance: Guidance = apiError
    ? errorGuidance(apiError, what)
    : { title: `Could not load ${what}`, links: [], kind: 'other' };
  return (
    <Alert
      severity="error"
      icon={ICONS[guidance.kind]}
      role="alert"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>{guidance.title}</AlertTitle>
      {message}
      {apiError && apiError.httpStatus > 0 && ` (HTTP ${apiError.httpStatus} ${apiError.rpcStatus})`}
      {guidance.hint && <div>{guidance.hint}</div>}
      {guidance.links.map((link) => (
        <div key={link.href}>
          <a href={link.href} rel="noreferrer" style={{ color: 'inherit', textDecoration: 'underline' }}>
            {link.label}
          </a>
        </div>
      ))}
    </Alert>
  );
}
