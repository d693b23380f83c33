import { Hono, type Context, type ErrorHandler } from 'hono';
import type { ApiBackend } from './backend';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../src/schemas/prices';
import { RpcError } from './emulator/errors';
import { frontDoor, type FrontDoorOptions } from './front-door';
import { API_CONTENT_SECURITY_POLICY } from './security-headers';
import { staticRoutes } from './static';

export interface AppOptions extends Partial<FrontDoorOptions> {
  backend: ApiBackend;
  /** Folder of the built console; omitted for the API alone. */
  staticDir?: string;
  /** The price table `GET /console/prices` answers (`--prices FILE`); default: the one in code. */
  prices?: PriceTable;
}

/** An AIP-193 error answer. */
export function errorReply(c: Context, error: RpcError) {
  return c.body(JSON.stringify(error.envelope()), error.http as 400, {
    'content-type': 'application/json; charset=UTF-8',
  });
}

function notFound(c: Context) {
  const { pathname } = new URL(c.req.url);
  return errorReply(
    c,
    new RpcError(
      'NOT_FOUND',
      `The requested URL ${pathname} was not found on this server (method ${c.req.method}).`,
    ),
  );
}

/**
 * One request handler: the front door (Host, Origin, token), then `/v1` from the backend (the
 * emulator or the upstream proxy), the console's own `/console/info` and `/console/prices`, and the
 * built console.
 */
export function createApp({
  backend,
  staticDir,
  prices = DEFAULT_PRICE_TABLE,
  boundHost = '127.0.0.1',
  ...door
}: AppOptions): Hono {
  const app = new Hono();
  const onError: ErrorHandler = (error, c) => {
    if (error instanceof RpcError) return errorReply(c, error);
    console.error(error);
    return errorReply(c, new RpcError('INTERNAL', 'Internal error in the console server.'));
  };
  app.onError(onError);
  // Every answer, API ones included, is never sniffed into HTML and could run no script if it were;
  // HTML pages set their own policy (setPageSecurityHeaders), which this leaves alone.
  app.use('*', async (c, next) => {
    await next();
    // A response whose headers are immutable (one passed through as it came) is copied first.
    try {
      c.res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('x-content-type-options', 'nosniff');
    }
    if (!c.res.headers.has('content-security-policy'))
      c.res.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
  });
  // The backend is also asked directly (the first page embedded in the HTML): same errors.
  backend.routes.onError(onError);
  app.use('*', frontDoor({ boundHost, browserSignIn: Boolean(staticDir), ...door }));
  app.get('/console/info', (c) => c.json(backend.info()));
  app.get('/console/prices', (c) => c.json(prices));
  app.route('/', backend.routes);
  app.all('/v1/*', notFound);
  app.all('/control/*', notFound);
  app.all('/console/*', notFound);
  // With --require-auth the HTML is served before sign-in, so it must not carry data.
  if (staticDir) app.route('/', staticRoutes(staticDir, backend, { renderPages: !door.requireAuth, prices }));
  app.notFound(notFound);
  return app;
}
