import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { routes as consoleRoutes } from '../src/schemas/console-routes';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../src/schemas/prices';
import type { ApiBackend } from './backend';
import { setPageSecurityHeaders } from './security-headers';

/** How long the HTML may wait for the page's data before it is sent as the shell (the page asks). */
export const RENDER_BUDGET_MS = 1000;
/** The most data the HTML hands over: a bigger first page is left for the page to ask for itself. */
export const FIRST_PAGE_BYTES = 512 * 1024;

/** Where `npm run build` puts the server-side renderer (vite build --ssr, see package.json). */
export const SERVER_ENTRY = path.join('server', 'entry-server.js');

/**
 * The built renderer's interface (src/entry-server.tsx). Declared here, not imported: the server
 * imports no page code at compile time; it loads the build output at run time.
 */
interface RenderEnvironment {
  now: number;
  timeZone: string;
  locale: string;
  zoneSetting: 'local' | 'utc';
  colorMode: 'light' | 'dark';
}
interface ServerRenderer {
  renderPage(request: {
    url: URL;
    transport: (url: string, init: RequestInit) => Promise<Response>;
    budgetMs: number;
    maxStateBytes: number;
    environment: RenderEnvironment;
  }): Promise<{ styles: string; html: string; stateScript: string } | undefined>;
}

/**
 * The page's requests, answered in process: `/v1` by the backend (emulator or upstream, exactly as
 * the browser's request would be), the console's own info and price table as their routes answer.
 */
function inProcessTransport(backend: ApiBackend, prices: PriceTable) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname } = new URL(url, 'http://console.invalid');
    if (pathname === '/console/info') return Response.json(backend.info());
    if (pathname === '/console/prices') return Response.json(prices);
    if (!pathname.startsWith('/v1/')) return Response.json({ error: { code: 404 } }, { status: 404 });
    return backend.routes.request(url, init);
  };
}

async function loadRenderer(dir: string): Promise<ServerRenderer | undefined> {
  const file = path.join(dir, SERVER_ENTRY);
  if (!fs.existsSync(file)) return undefined;
  return (await import(pathToFileURL(file).href)) as ServerRenderer;
}

/**
 * The environment the page is rendered in. The server cannot know the browser's zone, locale or
 * colour preference: it renders in UTC, en-US, light, and the page switches to its own right after
 * hydrating (src/lib/render-environment.ts).
 */
const renderEnvironment = (): RenderEnvironment => ({
  now: Date.now(),
  timeZone: 'UTC',
  locale: 'en-US',
  zoneSetting: 'local',
  colorMode: 'light',
});

/**
 * Serves the built console. Hashed assets are immutable for a year; a missing asset is a 404, never
 * the console's HTML; every other path is a console route and gets index.html, revalidated on each
 * load (`no-cache`) so a new build is picked up at once. A list or session URL gets its page
 * rendered by the server (src/entry-server.tsx) when its data arrives within the budget and the
 * server may show it (`renderPages`: not with --require-auth, where the HTML is served before
 * sign-in and must carry no data); otherwise the shell, and the page renders itself as before.
 */
export function staticRoutes(
  dir: string,
  backend: ApiBackend,
  { renderPages, prices = DEFAULT_PRICE_TABLE }: { renderPages: boolean; prices?: PriceTable },
): Hono {
  const routes = new Hono();
  const index = () => fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const renderer = renderPages ? loadRenderer(dir) : Promise.resolve(undefined);
  const transport = inProcessTransport(backend, prices);
  // A renderer that fails to load leaves every page a shell, and says why once.
  renderer.catch((error: unknown) => console.error('The server-side renderer did not load:', error));
  // serveStatic resolves its root against the working directory.
  const root = path.relative(process.cwd(), dir) || '.';
  const shell = (c: Context) => c.html(index(), 200, { 'cache-control': 'no-cache' });
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
  routes.all('/server/*', (c) => c.text('Not found', 404));
  routes.get('/', (c) => {
    const { defaultProject, defaultLocation } = backend.info();
    return c.redirect(
      consoleRoutes.sessions.href({ project: defaultProject, location: defaultLocation }),
      302,
    );
  });
  routes.get('/index.html', shell);
  routes.use('*', serveStatic({ root, onFound: (_path, c) => c.header('cache-control', 'no-cache') }));
  routes.get('*', async (c) => {
    const render = await renderer.catch(() => undefined);
    const page = await render?.renderPage({
      url: new URL(c.req.url),
      transport,
      budgetMs: RENDER_BUDGET_MS,
      maxStateBytes: FIRST_PAGE_BYTES,
      environment: renderEnvironment(),
    });
    if (!page) return shell(c);
    if (!page.html)
      return c.html(
        index().replace('<div id="root"></div>', () => `${page.stateScript}<div id="root"></div>`),
        200,
        { 'cache-control': 'no-store' },
      );
    // Replacer functions: a `$&` in an API value must stay text, not become a replacement pattern.
    // `data-hydrated="pending"`: painted, not yet answering clicks (src/app/ssr-state.ts ends it).
    const html = index()
      .replace('<html lang="en">', '<html lang="en" data-hydrated="pending">')
      .replace('</head>', () => `${page.styles}</head>`)
      // The rows first, the state block after them: the browser paints the markup as it parses, and
      // the state is read only by the code, which runs once the document is parsed.
      .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>${page.stateScript}`);
    // A page that carries data is not kept in the browser's disk cache.
    return c.html(html, 200, { 'cache-control': 'no-store' });
  });
  return routes;
}
