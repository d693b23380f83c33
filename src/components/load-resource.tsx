import Box from '@mui/material/Box';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorPanel } from './error-panel';
import { NotFoundPage } from './not-found-page';
import { PageFrame, type Crumb } from './page-frame';
import { ApiError } from '../lib/api-client';
import { PlaceholderBlock } from './placeholder-block';

/** What a page needs to show that its data could not be refreshed (it keeps the last copy). */
export interface RefreshState {
  error: Error | null;
  retry: () => void;
}

/**
 * The route's half of a detail page: while the resource loads, a skeleton in the page's frame; a
 * 404 is "not found" with a way back; any other failure is the error with Retry. The page itself
 * only ever receives a resource.
 */
export function LoadResource<T>({
  query,
  title,
  what,
  breadcrumbs,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  title: string;
  what: string;
  breadcrumbs: Crumb[];
  notFound: { title: string; backTo: string; backLabel: string; text: string };
  children: (resource: T, refresh: RefreshState) => ReactNode;
}) {
  if (query.isPending)
    return (
      <PageFrame title={title} breadcrumbs={breadcrumbs}>
        <Box aria-busy="true" aria-label={`Loading ${what}`}>
          <PlaceholderBlock height={240} />
        </Box>
      </PageFrame>
    );
  if (query.data === undefined) {
    const error = query.error;
    if (error instanceof ApiError && error.httpStatus === 404)
      return (
        <NotFoundPage title={notFound.title} backTo={notFound.backTo} backLabel={notFound.backLabel}>
          {notFound.text} The server said: {error.message}
        </NotFoundPage>
      );
    return (
      <PageFrame title={title} breadcrumbs={breadcrumbs}>
        <ErrorPanel error={error} what={what} onRetry={() => void query.refetch()} />
      </PageFrame>
    );
  }
  return children(query.data, { error: query.error, retry: () => void query.refetch() });
}
