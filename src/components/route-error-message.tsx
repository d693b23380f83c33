import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';

/** A lazy page whose file could not be fetched (a new deployment replaced it, or the network dropped). */
function isChunkFailure(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
    error.message,
  );
}

/** What src/components/route-error-boundary.tsx shows in place of a page that failed. */
export function RouteErrorMessage({ error, onTryAgain }: { error: Error; onTryAgain: () => void }) {
  const chunk = isChunkFailure(error);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        <>
          {!chunk && (
            <Button color="inherit" size="small" onClick={onTryAgain}>
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
