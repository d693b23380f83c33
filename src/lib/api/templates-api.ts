import { apiRequest } from '../api-client';
import { collectionName } from '../../schemas/names';
import type { SessionTemplate } from '../../schemas/wire';
import { wireSchemas } from './wire-schemas';

/** Plain calls to the Dataproc sessionTemplates API. Templates change synchronously: no operations. */

export interface TemplateListParams {
  filter?: string;
  pageSize?: number;
  pageToken?: string;
}

export function listTemplates(parent: string, params: TemplateListParams, signal?: AbortSignal) {
  return apiRequest(collectionName(parent, 'sessionTemplates'), {
    query: { ...params },
    signal,
    schema: wireSchemas().then((w) => w.ListSessionTemplatesResponse),
  });
}

export function getTemplate(name: string, signal?: AbortSignal) {
  return apiRequest(name, { signal, schema: wireSchemas().then((w) => w.SessionTemplate) });
}

/** The body carries the template's full name; the API takes the ID from it. */
export function createTemplate(parent: string, template: SessionTemplate, signal?: AbortSignal) {
  return apiRequest(collectionName(parent, 'sessionTemplates'), {
    method: 'POST',
    body: template,
    signal,
    schema: wireSchemas().then((w) => w.SessionTemplate),
  });
}

/** PATCH has no update mask: the body replaces the whole template, so it must carry every field. */
export function updateTemplate(template: SessionTemplate & { name: string }, signal?: AbortSignal) {
  return apiRequest(template.name, {
    method: 'PATCH',
    body: template,
    signal,
    schema: wireSchemas().then((w) => w.SessionTemplate),
  });
}

export function deleteTemplate(name: string, signal?: AbortSignal) {
  return apiRequest(name, { method: 'DELETE', signal, schema: import('zod/mini').then((z) => z.unknown()) });
}
