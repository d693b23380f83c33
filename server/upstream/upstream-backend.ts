import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import type { ApiBackend, ServerInfo } from '../backend';
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
 * The real Dataproc API behind `/v1`: method, path, query string, body, status and error bodies
 * pass unchanged both ways and stream; the server adds its own access token.
 */
export function upstreamBackend(options: UpstreamOptions): ApiBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const quotaProject = options.quotaProject ?? options.credentials.quotaProject;
  const routes = new Hono();

  routes.all('/v1/*', async (c) => {
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
      } as RequestInit);
      // Google's cookies are for Google's domains; none belong to this console.
      response.headers.delete('set-cookie');
      return response;
    } catch (error) {
      if (timeout.aborted)
        throw new RpcError(
          'DEADLINE_EXCEEDED',
          `The upstream API ${base} did not answer within ${options.timeoutMs / 1000} s.`,
        );
      if (c.req.raw.signal.aborted) throw error;
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
