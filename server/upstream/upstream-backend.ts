import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import type { ApiBackend, ServerInfo } from '../backend';
import { errorReply } from '../app';
import { RpcError } from '../emulator/errors';
import type { Credentials } from './credentials';

export interface UpstreamOptions {
  /** e.g. https://dataproc.googleapis.com (any base URL; a regional endpoint works too). */
  baseUrl: string;
  credentials: Credentials;
  /** Sent as X-Goog-User-Project; default: the credential's quota project. */
  quotaProject?: string;
  /** The whole exchange with the upstream, from connecting to the last byte. */
  timeoutMs: number;
  defaultProject: string;
  defaultLocation: string;
}

/**
 * Request headers worth passing on. An allowlist, so the browser's own Authorization and Cookie,
 * its Origin and anything else about the page never reach Google.
 */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'x-goog-api-client'];

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code;
}

/**
 * Response headers worth passing back. An allowlist too: an upstream's CORS grants, its own CSP,
 * a `WWW-Authenticate: Basic` (a password prompt on the console's origin), redirects and cookies
 * are not the console's.
 */
const FORWARDED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'etag',
  'cache-control',
  'expires',
  'last-modified',
  'retry-after',
  'vary',
]);

/** What the console uses of Dataproc: sessions (and their Spark applications), templates, operations. */
const CONSOLE_API_PATH =
  /^\/v1\/projects\/[^/]+\/(?:locations\/[^/]+\/(?:sessions|sessionTemplates|operations)|regions\/[^/]+\/operations)(?:[/:]|$)/;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE']);

/**
 * The real Dataproc API behind `/v1`: method, path, query string, body, status and error bodies
 * pass unchanged both ways and stream; the server adds its own access token.
 */
export function upstreamBackend(options: UpstreamOptions): ApiBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const quotaProject = options.quotaProject ?? options.credentials.quotaProject;
  const routes = new Hono();

  routes.all('/v1/*', async (c) => {
    if (!METHODS.has(c.req.method))
      return errorReply(
        c,
        new RpcError('UNIMPLEMENTED', `The console does not forward ${c.req.method}.`, [], 405),
      );
    if (!CONSOLE_API_PATH.test(c.req.path))
      return errorReply(
        c,
        new RpcError(
          'NOT_FOUND',
          `The console forwards sessions, session templates and operations only, not ${c.req.path}.`,
        ),
      );
    let token: string;
    try {
      token = await options.credentials.token();
    } catch (error) {
      throw new RpcError(
        'UNAUTHENTICATED',
        `The console server could not get an access token from ${options.credentials.description}: ${(error as Error).message}. Run "gcloud auth application-default login" and restart the console server.`,
      );
    }
    const incoming = new URL(c.req.url);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    if (quotaProject) headers['x-goog-user-project'] = quotaProject;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    try {
      const response = await proxy(`${base}${incoming.pathname}${incoming.search}`, {
        method: c.req.method,
        headers,
        body: hasBody ? c.req.raw.body : undefined,
        duplex: hasBody ? 'half' : undefined,
        signal: AbortSignal.any([c.req.raw.signal, timeout]),
        // A redirect is answered as it is, never followed to wherever it points.
        redirect: 'manual',
      } as RequestInit);
      const answerHeaders = new Headers();
      for (const [name, value] of response.headers)
        if (FORWARDED_RESPONSE_HEADERS.has(name) || name.startsWith('x-goog-'))
          answerHeaders.append(name, value);
      answerHeaders.set('x-content-type-options', 'nosniff');
      return new Response(response.body, { status: response.status, headers: answerHeaders });
    } catch (error) {
      if (timeout.aborted)
        throw new RpcError(
          'DEADLINE_EXCEEDED',
          `The upstream API ${base} did not answer within ${options.timeoutMs / 1000} s.`,
        );
      // The caller went away (a closed tab, the first-page budget): nobody reads an answer.
      if (c.req.raw.signal.aborted && !timeout.aborted) return c.body(null, 499 as 400);
      // Whatever went wrong on the way (refused, unknown host, reset, TLS), the upstream is unavailable.
      const why = causeCode(error) ?? (error as Error).message;
      throw new RpcError(
        'UNAVAILABLE',
        `Cannot reach the upstream API ${base} (${why}). Check the network, a proxy or the --upstream URL.`,
      );
    }
  });

  const info: ServerInfo = {
    mode: 'upstream',
    upstream: base,
    credential: options.credentials.description,
    defaultProject: options.defaultProject,
    defaultLocation: options.defaultLocation,
  };
  return { routes, info: () => info, close: () => undefined };
}
