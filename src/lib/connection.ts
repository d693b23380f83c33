/**
 * Where the console sends API calls. The default is the server that served the page (the embedded
 * emulator under `npm start`). A user may point it at https://dataproc.googleapis.com with an
 * OAuth access token: the token lives in memory only, never in localStorage, so it is gone when
 * the tab closes. The base URL is kept in sessionStorage so a reload keeps the backend.
 */
export interface Connection {
  baseUrl: string;
  token?: string;
}

const STORAGE_KEY = 'dataproc-console.base-url';
export const GOOGLE_API = 'https://dataproc.googleapis.com';

let current: Connection = { baseUrl: readStoredBaseUrl() };
const listeners = new Set<() => void>();

function readStoredBaseUrl(): string {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function getConnection(): Connection {
  return current;
}

export function setConnection(next: Connection): void {
  current = { baseUrl: next.baseUrl.replace(/\/+$/, ''), token: next.token || undefined };
  try {
    if (current.baseUrl) sessionStorage.setItem(STORAGE_KEY, current.baseUrl);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the setting then lasts for this page only.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A short description of the backend, for the header. */
export function describeBackend(connection: Connection): string {
  if (!connection.baseUrl) return 'Embedded emulator';
  if (connection.baseUrl.startsWith(GOOGLE_API)) return 'Google Cloud Dataproc';
  return connection.baseUrl;
}
