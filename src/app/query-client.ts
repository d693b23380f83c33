import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from '../lib/api-client';

/**
 * Reads retry only on errors that may pass (429, 5xx, network); a 400 or 404 is shown at once.
 * Errors are shown where the data would have been, never as global toasts.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 1000 },
    },
  });
}
