import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import fs from 'node:fs';
import path from 'node:path';
import { routes as consoleRoutes } from '../src/schemas/console-routes';
import { FIRST_PAGE_ELEMENT_ID, listRequestFor } from '../src/schemas/first-page';
import type { ApiBackend } from './backend';
import { setPageSecurityHeaders } from './security-headers';

/** How long the HTML may wait for the list's first page before it is sent without it. */
const FIRST_PAGE_BUDGET_MS = 1000;
/** The most the HTML embeds: a bigger first page is left for the page to ask for itself. */
export const FIRST_PAGE_BYTES = 512 * 1024;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The list's first page, asked of the backend exactly as the page would ask, as a non-executable
 * `application/json` block: the page then paints rows with no API round trip. JSON can hold `<`
 * only inside strings, where `\u003c` means the same, so the block cannot end early.
 */
async function firstPageBlock(backend: ApiBackend, url: URL): Promise<string> {
  const request = listRequestFor(url.pathname, url.search);
  if (!request) return '';
  const timeout = AbortSignal.timeout(FIRST_PAGE_BUDGET_MS);
  // The signal stops an upstream call; the race stops waiting for any backend.
  const outOfTime = new Promise<undefined>((resolve) =>
    timeout.addEventListener('abort', () => resolve(undefined)),
  );
  try {
    const answer = async () => {
      const response = await backend.routes.request(request.url, { signal: timeout });
      return { response, text: await response.text() };
    };
    const result = await Promise.race([answer(), outOfTime]);
    // Out of time: whatever comes back is about the timeout, not the list; the page asks itself.
    if (!result || timeout.aborted) return '';
    const { response, text } = result;
    if (!response.headers.get('content-type')?.includes('json')) return '';
    if (Buffer.byteLength(text) > FIRST_PAGE_BYTES) return '';
    return `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}" data-request="${escapeAttribute(request.url)}" data-status="${response.status}">${text.replace(/</g, '\\u003c')}</script>`;
  } catch {
    return ''; // slow or unreachable: the page asks for itself
  }
}

/**
 * Serves the built console. Hashed assets are immutable for a year; a missing asset is a 404, never
 * the console's HTML; every other path is a console route and gets index.html, revalidated on each
 * load (`no-cache`) so a new build is picked up at once.
 */
export function staticRoutes(
  dir: string,
  backend: ApiBackend,
  { embedFirstPage }: { embedFirstPage: boolean },
): Hono {
  const routes = new Hono();
  const index = () => fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // serveStatic resolves its root against the working directory.
  const root = path.relative(process.cwd(), dir) || '.';
  routes.use('*', async (c, next) => {
    await next();
    setPageSecurityHeaders(c);
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
    return c.redirect(
      consoleRoutes.sessions.href({ project: defaultProject, location: defaultLocation }),
      302,
    );
  });
  routes.get('/index.html', (c) => c.html(index(), 200, { 'cache-control': 'no-cache' }));
  routes.use('*', serveStatic({ root, onFound: (_path, c) => c.header('cache-control', 'no-cache') }));
  routes.get('*', async (c) => {
    const block = embedFirstPage ? await firstPageBlock(backend, new URL(c.req.url)) : '';
    if (!block) return c.html(index(), 200, { 'cache-control': 'no-cache' });
    // A page that carries data is not kept in the browser's disk cache.
    return c.html(index().replace('<div id="root">', `${block}<div id="root">`), 200, {
      'cache-control': 'no-store',
    });
  });
  return routes;
}
