import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Serves the built console. Hashed assets are cached for a year; every other path is a console
 * route and gets index.html. The CSP allows scripts only from this origin; API calls may go to this
 * origin, any https: endpoint (Google's, regional ones) or a loopback emulator, the backends the
 * connection dialog offers.
 */
export function staticRoutes(dir: string): Hono {
  const routes = new Hono();
  const index = () => fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // serveStatic resolves its root against the working directory.
  const root = path.relative(process.cwd(), dir) || '.';
  routes.use('*', async (c, next) => {
    await next();
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' https: http://localhost:* http://127.0.0.1:*; frame-ancestors 'none'; base-uri 'none'",
    );
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });
  routes.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  routes.use('*', serveStatic({ root }));
  routes.get('*', (c) => c.html(index()));
  return routes;
}
