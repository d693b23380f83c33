import { Component, type ErrorInfo, type ReactNode } from 'react';
import { onDemandPart } from '../lib/lazy-component';

// The message's alert loads when a page fails (rarely): not with the page's first JavaScript.
const RouteErrorMessage = onDemandPart(() =>
  import('./route-error-message').then((m) => m.RouteErrorMessage),
);

/** When even the message's code cannot be downloaded (offline): the same advice, unstyled. */
class UnstyledFallback extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <p>This page could not be loaded: the network dropped, or a new version was deployed.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload page
        </button>
      </div>
    );
  }
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
    return (
      <UnstyledFallback>
        <RouteErrorMessage error={error} onTryAgain={() => this.setState({ error: undefined })} />
      </UnstyledFallback>
    );
  }
}
