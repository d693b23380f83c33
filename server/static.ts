import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiBackend } from './backend';

/**
 * The browser talks to this server only (`connect-src 'self'`): tokens stay on the server, and an
 * injected script could not send data anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), clipboard-read=(), interest-cohort=()';

/**
 * Serves the built console. Hashed assets are immutable for a year; a missing asset is a 404, never
 * the console's HTML; every other path is a console route and gets index.html, revalidated on each
 * load (`no-cache`) so a new build is picked up at once.
 */
export function staticRoutes(dir: string, backend: ApiBackend): Hono {
  const routes = new Hono();
  const index = () => fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // serveStatic resolves its root against the working directory.
  const root = path.relative(process.cwd(), dir) || '.';
  routes.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    c.header('permissions-policy', PERMISSIONS_POLICY);
    c.header('referrer-policy', 'no-referrer');
    c.header('cross-origin-opener-policy', 'same-origin');
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
  routes.all('/assets/*', (c) => c.text('Not found', 404));
  routes.get('/', (c) => {
    const { defaultProject, defaultLocation } = backend.info();
    const place = `${encodeURIComponent(defaultProject)}/locations/${encodeURIComponent(defaultLocation)}`;
    return c.redirect(`/projects/${place}/sessions`, 302);
  });
  routes.get('/index.html', (c) => c.html(index(), 200, { 'cache-control': 'no-cache' }));
  routes.use('*', serveStatic({ root, onFound: (_path, c) => c.header('cache-control', 'no-cache') }));
  routes.get('*', (c) => c.html(index(), 200, { 'cache-control': 'no-cache' }));
  return routes;
}
