import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { collectionName } from '../../../schemas/names';
import { lenient } from '../../../schemas/wire';

export const templateKeys = {
  all: ['sessionTemplates'] as const,
  list: (parent: string) => [...templateKeys.all, 'list', parent] as const,
  detail: (name: string) => [...templateKeys.all, 'detail', name] as const,
};

/** Every template of a region (regions hold few, so all pages are read). */
export function templateListQuery(parent: string) {
  return queryOptions({
    queryKey: templateKeys.list(parent),
    queryFn: async ({ signal }) => {
      const templates = [];
      let pageToken: string | undefined;
      do {
        const page = await apiRequest(collectionName(parent, 'sessionTemplates'), {
          query: { pageSize: 100, pageToken },
          signal,
          schema: lenient.ListSessionTemplatesResponse,
        });
        templates.push(...(page.sessionTemplates ?? []));
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
      return templates;
    },
    staleTime: 60_000,
  });
}

export function templateDetailQuery(name: string) {
  return queryOptions({
    queryKey: templateKeys.detail(name),
    queryFn: ({ signal }) => apiRequest(name, { signal, schema: lenient.SessionTemplate }),
    staleTime: 60_000,
  });
}
