import { apiRequest } from '../api-client';
import { collectionName } from '../../schemas/names';
import { wireSchemas } from './wire-schemas';

/**
 * Plain reads of the Dataproc sessions API; queries build on them. The calls that change sessions
 * and follow operations are in session-operations.ts.
 */

export interface ListParams {
  filter?: string;
  pageSize?: number;
  pageToken?: string;
}

export function listSessions(parent: string, params: ListParams, signal?: AbortSignal) {
  return apiRequest(collectionName(parent, 'sessions'), {
    query: { ...params },
    signal,
    schema: wireSchemas().then((w) => w.ListSessionsResponse),
  });
}

export function getSession(name: string, signal?: AbortSignal) {
  return apiRequest(name, { signal, schema: wireSchemas().then((w) => w.Session) });
}
