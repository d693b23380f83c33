import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import type { ApiBackend, ServerInfo } from '../backend';
import { errorReply } from '../app';
import { RpcError } from '../emulator/errors';
import { requestLimits } from '../emulator/limits';
import { readWithin } from '../bounded-body';
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
 * The most of an upstream answer the server reads. The largest page the console asks for is 1,000
 * sessions of a few KiB each; this is a generous multiple of that, and beyond it the answer is cut
 * off with 502, so a hostile or broken upstream cannot make the server hold gigabytes.
 */
export const UPSTREAM_ANSWER_BYTES = 32 * 1024 * 1024;

const badGateway = (message: string) => new RpcError('UNAVAILABLE', message, [], 502);

/**
 * The real Dataproc API behind `/v1`: method, path, query string, body, status and error bodies
 * pass unchanged both ways, within size limits (a request body as in emulator mode, an answer up
 * to UPSTREAM_ANSWER_BYTES, JSON only); the server adds its own access token.
 */
export function upstreamBackend(options: UpstreamOptions): ApiBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const quotaProject = options.quotaProject ?? options.credentials.quotaProject;
  const routes = new Hono();
  // The same limits on what a client sends as in emulator mode: URL length and body size.
  routes.use('/v1/*', requestLimits());

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
    // Read here, within the body limit (requestLimits), so no more than that is ever forwarded.
    const body = hasBody ? await c.req.arrayBuffer() : undefined;
    try {
      const response = await proxy(`${base}${incoming.pathname}${incoming.search}`, {
        method: c.req.method,
        headers,
        body,
        // The deadline and the caller's going away stop the body too, not only the headers.
        signal: AbortSignal.any([c.req.raw.signal, timeout]),
        // A redirect is answered as it is, never followed to wherever it points.
        redirect: 'manual',
      } as RequestInit);
      const answer = await readWithin(response.body, UPSTREAM_ANSWER_BYTES);
      if (!answer)
        throw badGateway(
          `The upstream API ${base} answered with more than ${UPSTREAM_ANSWER_BYTES} bytes; the console reads no more.`,
        );
      const type = response.headers.get('content-type') ?? '';
      // Only JSON is passed back: an HTML answer on the console's origin could run script there.
      if (answer.byteLength > 0 && !/^application\/json\s*(?:;|$)/i.test(type))
        throw badGateway(
          `The upstream API ${base} answered with content type "${type.slice(0, 100) || 'none'}", not application/json.`,
        );
      const answerHeaders = new Headers();
      for (const [name, value] of response.headers)
        if ((FORWARDED_RESPONSE_HEADERS.has(name) || name.startsWith('x-goog-')) && name !== 'content-length')
          answerHeaders.append(name, value);
      answerHeaders.set('x-content-type-options', 'nosniff');
      return new Response(answer.byteLength > 0 ? answer : null, {
        status: response.status,
        headers: answerHeaders,
      });
    } catch (error) {
      if (error instanceof RpcError) throw error;
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
