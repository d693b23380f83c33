import { Hono } from 'hono';
import { apiRoutes, notFoundRoute, reply } from './emulator/api-routes';
import { controlRoutes } from './emulator/control-routes';
import type { Emulator } from './emulator/emulator';
import { RpcError } from './emulator/errors';
import { WorkloadRuns, sparkControlRoutes, sparkRoutes } from './emulator/spark/routes';
import { staticRoutes } from './static';

export interface AppOptions {
  emulator: Emulator;
  /** When set, /v1 requires `Authorization: Bearer <token>`. */
  requireAuth?: string;
  /** Folder of the built console; omitted for the API alone. */
  staticDir?: string;
}

/** One request handler: the emulated Dataproc API, the control API and (optionally) the console. */
export function createApp({ emulator, requireAuth, staticDir }: AppOptions): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof RpcError) return reply(c, error.envelope(), error.http);
    console.error(error);
    const internal = new RpcError('INTERNAL', 'Internal error in the emulator.');
    return reply(c, internal.envelope(), internal.http);
  });

  app.use('/v1/*', async (c, next) => {
    // Google APIs answer browsers with CORS; so does the emulator, for a console served elsewhere.
    c.header('access-control-allow-origin', '*');
    if (c.req.method === 'OPTIONS') {
      c.header('access-control-allow-methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      c.header(
        'access-control-allow-headers',
        'authorization, content-type, x-goog-api-client, x-goog-user-project',
      );
      return c.body(null, 204);
    }
    if (requireAuth) {
      const header = c.req.header('authorization') ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : c.req.query('access_token');
      if (token !== requireAuth)
        throw new RpcError(
          'UNAUTHENTICATED',
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        );
    }
    const path = new URL(c.req.url).pathname;
    await emulator.faults.apply(c.req.method, path, 'before');
    emulator.sessions.advance(emulator.clock.now());
    await next();
    try {
      await emulator.faults.apply(c.req.method, path, 'after');
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      c.res = undefined;
      c.res = reply(c, error.envelope(), error.http);
    }
  });
  app.route('/', apiRoutes(emulator.sessions, emulator.templates, emulator.operations));
  app.route('/', controlRoutes(emulator));
  const runs = new WorkloadRuns(emulator.db);
  app.route('/', sparkRoutes(emulator.sessions, emulator.clock, runs));
  app.route('/', sparkControlRoutes(emulator.sessions, emulator.clock, runs));
  app.all('/v1/*', notFoundRoute);
  app.all('/control/*', notFoundRoute);
  if (staticDir) app.route('/', staticRoutes(staticDir));
  app.notFound(notFoundRoute);
  return app;
}
