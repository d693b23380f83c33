import { queryOptions } from '@tanstack/react-query';
import type { ServerInfo } from '../schemas/server-info';
import { serverRequest } from './api-client';

export type { ServerInfo };

export const serverInfoQuery = queryOptions({
  queryKey: ['console-server-info'],
  // The schema (zod) loads alongside the request: the header needs it only when it asks.
  queryFn: ({ signal }) =>
    serverRequest('/console/info', {
      schema: import('../schemas/server-info').then((m) => m.ServerInfo),
      signal,
    }),
  staleTime: Infinity,
});

/** The API base the equivalent REST call names: Google's URL in upstream mode, else this server. */
export function apiBaseUrl(info: ServerInfo | undefined): string {
  return info?.mode === 'upstream' && info.upstream ? info.upstream : window.location.origin;
}

/** A short description of the backend, for the header. */
export function describeBackend(info: ServerInfo | undefined): string {
  if (!info) return 'Connecting…';
  if (info.mode === 'emulator') return 'Embedded emulator';
  const host = info.upstream ? new URL(info.upstream).host : 'upstream';
  return host === 'dataproc.googleapis.com' ? 'Google Cloud Dataproc' : host;
}
