import type { Hono } from 'hono';

/** What the console's header shows: which API this server forwards to, and as whom. */
export interface ServerInfo {
  mode: 'emulator' | 'upstream';
  /** The upstream base URL (upstream mode). */
  upstream?: string;
  /** The credential in use, e.g. "service account ci@p.iam.gserviceaccount.com" (never a token). */
  credential?: string;
  /** The project the console opens on. */
  defaultProject: string;
  defaultLocation: string;
}

/**
 * The one seam behind `/v1`: the embedded emulator or the proxy to a real Dataproc API. Both sit
 * behind the same front door (server/front-door.ts); the app mounts `routes` and asks `info()`.
 */
export interface ApiBackend {
  /** Serves `/v1/*`, and `/control/*` where the backend has one (the emulator only). */
  routes: Hono;
  info(): ServerInfo;
  close(): Promise<void> | void;
}
