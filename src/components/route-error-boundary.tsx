import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** A lazy page whose file could not be fetched (a new deployment replaced it, or the network dropped). */
function isChunkFailure(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
    error.message,
  );
}

interface State {
  error?: Error;
}

/**
 * One per route: a render bug or a failed lazy chunk shows a recoverable message in place of the
 * page, while the header and navigation keep working. It resets when the route changes (`key`).
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for whoever reports the bug.
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkFailure(error);
    return (
      <Alert
        severity="error"
        role="alert"
        action={
          <>
            {!chunk && (
              <Button color="inherit" size="small" onClick={() => this.setState({ error: undefined })}>
                Try again
              </Button>
            )}
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              Reload page
            </Button>
          </>
        }
      >
        <AlertTitle>{chunk ? 'This page could not be loaded' : 'This page stopped working'}</AlertTitle>
        {chunk
          ? 'Part of the console could not be downloaded (the network dropped, or a new version was deployed). Reload to fetch it again.'
          : `Something on this page failed to display: ${error.message}. The rest of the console still works.`}
      </Alert>
    );
  }
}
