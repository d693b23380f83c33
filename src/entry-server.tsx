import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import createEmotionServer from '@emotion/server/create-instance';
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { AsyncLocalStorage } from 'node:async_hooks';
import { renderToString } from 'react-dom/server';
import { Router } from 'wouter';
import { App } from './app/app';
import { loadRouteData } from './app/prefetch';
import { SSR_STATE_ELEMENT_ID, type SsrState } from './app/ssr-state';
import { ApiError, setApiTransport, type ApiTransport } from './lib/api-client';
import { FIRST_PAGE_ELEMENT_ID, listRequestFor } from './schemas/first-page';
import { beginRender, endHydration, type RenderEnvironment } from './lib/render-environment';

/**
 * The server-side renderer, built by `vite build --ssr` into dist/server/entry-server.js and loaded
 * by server/static.ts at run time (the server imports no page code at compile time). For a list or
 * session URL it runs the route's loaders against the server's own backend (in process, the same
 * requests the page makes), renders the page to HTML with its critical CSS, and hands the query
 * cache over for the browser to hydrate from, so the browser neither asks again nor renders again.
 */

export interface PageRender {
  /** `<style>` tags for `<head>`: the CSS the markup uses, nothing more. */
  styles: string;
  /** The markup for `<div id="root">`; empty: the shell, and the page renders itself. */
  html: string;
  /**
   * The `application/json` block the browser hydrates its cache and clock from; with the shell, the
   * list's failed answer, which the page shows as if it had asked (its retries ask the network).
   */
  stateScript: string;
}

export interface RenderRequest {
  url: URL;
  /** How the page's API requests reach this server's backend (in process). */
  transport: ApiTransport;
  /** Longest wait for the backend; past it the page is sent as a shell and asks for itself. */
  budgetMs: number;
  /** Largest cache handed over (bytes of JSON); a bigger one is left for the page to fetch. */
  maxStateBytes: number;
  environment: RenderEnvironment;
}

/**
 * Each render's requests go to the backend of the server that asked for the render (a process may
 * serve several, as the tests do): the transport travels with the render's async context.
 */
const renderTransport = new AsyncLocalStorage<ApiTransport>();
setApiTransport((url, init) => {
  const transport = renderTransport.getStore();
  if (!transport) return Promise.reject(new Error('An API request outside a server render.'));
  return transport(url, init);
});

/**
 * JSON inside `<script type="application/json">`: `<` appears only inside strings there, where
 * `\u003c` means the same, so no API value can close the element or open a comment.
 */
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The list's first request failed as an API answer (a 503, a refused filter): the shell carries
 * that answer, so the page shows it (or retries) as if it had asked, and the backend is not asked
 * the same thing twice in a row. Other failures (no answer at all) are left for the page.
 */
function failedAnswer(url: URL, error: unknown): PageRender | undefined {
  const list = listRequestFor(url.pathname, url.search);
  if (!list || !(error instanceof ApiError) || error.isNetwork || error.rpcStatus === 'BAD_RESPONSE')
    return undefined;
  const envelope = {
    error: {
      code: error.httpStatus,
      status: error.rpcStatus,
      message: error.message,
      details: error.details,
    },
  };
  const request = list.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return {
    styles: '',
    html: '',
    stateScript: `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}" data-request="${request}" data-status="${error.httpStatus}">${scriptSafeJson(envelope)}</script>`,
  };
}

/** The page's HTML parts, or undefined: not a server-rendered route, too slow, failed or too big. */
export function renderPage(request: RenderRequest): Promise<PageRender | undefined> {
  return renderTransport.run(request.transport, () => render(request));
}

async function render({
  url,
  budgetMs,
  maxStateBytes,
  environment,
}: RenderRequest): Promise<PageRender | undefined> {
  // No retries and no polling on the server: one answer per request, within the budget.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  try {
    const { primary, loaded } = loadRouteData(queryClient, url);
    if (!primary) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
    await Promise.race([loaded, outOfTime]);
    clearTimeout(timer);
    // Whatever is still on its way is not waited for (an upstream call is aborted).
    await queryClient.cancelQueries();
    const primaryState = queryClient.getQueryState(primary);
    if (primaryState?.status === 'error') return failedAnswer(url, primaryState.error);
    if (primaryState?.status !== 'success') return undefined;

    const state: SsrState = { environment, queries: dehydrate(queryClient) };
    const stateJson = scriptSafeJson(state);
    if (Buffer.byteLength(stateJson) > maxStateBytes) return undefined;

    const cache = createCache({ key: 'css' });
    // Styles are collected, not written inline next to each element: they go to <head> below.
    cache.compat = true;
    const emotion = createEmotionServer(cache);
    beginRender(environment);
    let html: string;
    try {
      html = renderToString(
        <CacheProvider value={cache}>
          <Router ssrPath={url.pathname} ssrSearch={url.search.replace(/^\?/, '')}>
            {/* The same tree as the browser's hydration (src/boot.tsx), so useId agrees. */}
            <App queryClient={queryClient} />
          </Router>
        </CacheProvider>,
      );
    } finally {
      endHydration();
    }
    const styles = emotion.constructStyleTagsFromChunks(emotion.extractCriticalToChunks(html));
    return {
      styles,
      html,
      stateScript: `<script type="application/json" id="${SSR_STATE_ELEMENT_ID}">${stateJson}</script>`,
    };
  } catch (error) {
    // A page that cannot render on the server still renders in the browser, as before.
    console.error('Server render failed; sending the shell:', error);
    return undefined;
  } finally {
    queryClient.clear();
  }
}
