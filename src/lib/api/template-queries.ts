import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { parentOf } from '../../schemas/names';
import type { SessionTemplate } from '../../schemas/wire';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  type TemplateListParams,
} from './templates-api';

export const templateKeys = {
  all: ['sessionTemplates'] as const,
  lists: (parent: string) => [...templateKeys.all, 'list', parent] as const,
  list: (parent: string) => [...templateKeys.lists(parent), 'all'] as const,
  page: (parent: string, params: TemplateListParams) => [...templateKeys.lists(parent), params] as const,
  detail: (name: string) => [...templateKeys.all, 'detail', name] as const,
};

/** Every template of a region, for the session form's picker (regions hold few, so all pages are read). */
export function templateListQuery(parent: string) {
  return queryOptions({
    queryKey: templateKeys.list(parent),
    queryFn: async ({ signal }) => {
      const templates: SessionTemplate[] = [];
      let pageToken: string | undefined;
      do {
        const page = await listTemplates(parent, { pageSize: 100, pageToken }, signal);
        templates.push(...(page.sessionTemplates ?? []));
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
      return templates;
    },
    staleTime: 60_000,
  });
}

/** One page of the template list, with the API's filter. */
export function templatePageQuery(parent: string, params: TemplateListParams) {
  return queryOptions({
    queryKey: templateKeys.page(parent, params),
    queryFn: ({ signal }) => listTemplates(parent, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function templateDetailQuery(name: string) {
  return queryOptions({
    queryKey: templateKeys.detail(name),
    queryFn: ({ signal }) => getTemplate(name, signal),
    staleTime: 10_000,
  });
}

/** Create, update or delete a template; the lists and the template's page are refreshed after. */
export function useTemplateMutation<V>(
  mutationFn: (variables: V) => Promise<unknown>,
  nameOf: (variables: V) => string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: (_data, _error, variables) => {
      const name = nameOf(variables);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: templateKeys.lists(parentOf(name)) }),
        queryClient.invalidateQueries({ queryKey: templateKeys.detail(name) }),
      ]);
    },
  });
}

export const useCreateTemplate = () =>
  useTemplateMutation(
    (template: SessionTemplate & { name: string }) => createTemplate(parentOf(template.name), template),
    (template) => template.name,
  );
export const useUpdateTemplate = () =>
  useTemplateMutation(
    (template: SessionTemplate & { name: string }) => updateTemplate(template),
    (template) => template.name,
  );
export const useDeleteTemplate = () =>
  useTemplateMutation(
    (name: string) => deleteTemplate(name),
    (name) => name,
  );
