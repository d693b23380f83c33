import type { Hono } from 'hono';
import type { ServerInfo } from '../src/schemas/server-info';

export type { ServerInfo };

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
