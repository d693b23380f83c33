import * as z from 'zod/mini';

/**
 * What the console's server is connected to (GET /console/info), written by the server and read by
 * the page: the embedded emulator, or the upstream URL and the credential in use (never a token).
 */
export const ServerInfo = z.object({
  mode: z.enum(['emulator', 'upstream']),
  /** The upstream base URL (upstream mode). */
  upstream: z.optional(z.string()),
  /** The credential in use, e.g. "service account ci@p.iam.gserviceaccount.com". */
  credential: z.optional(z.string()),
  /** The project the console opens on. */
  defaultProject: z.string(),
  defaultLocation: z.string(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;
