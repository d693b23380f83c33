import type { Context, MiddlewareHandler } from 'hono';
import os from 'node:os';
import { RpcError } from './emulator/errors';
import { sameSecret } from './secrets';
import { CONSOLE_SIGN_IN, ERROR_INFO_TYPE_URL } from '../src/schemas/wire';
import { SIGN_IN_PATHS, signInHandler } from './sign-in';
import { FailureThrottle, retryText } from './throttle';

interface Incoming {
  socket?: { remoteAddress?: string };
  rawHeaders?: string[];
  url?: string;
}
const incomingOf = (c: Context) => (c.env as { incoming?: Incoming } | undefined)?.incoming;

/** The client's address, as the Node adapter gives it; requests made in-process have none. */
function clientOf(c: Context): string {
  return incomingOf(c)?.socket?.remoteAddress ?? 'in-process';
}

/**
 * The host names a request says it is for, read from the request itself: every Host header (two,
 * or an empty one, are refused) and the authority of an absolute-form target (`GET http://…/v1`),
 * which the URL would otherwise take in place of the header. In-process requests have only a URL.
 */
function requestedHosts(c: Context): string[] {
  const incoming = incomingOf(c);
  if (!incoming?.rawHeaders) return [new URL(c.req.url).host];
  const hosts: string[] = [];
  for (let i = 0; i < incoming.rawHeaders.length; i += 2)
    if (incoming.rawHeaders[i]!.toLowerCase() === 'host') hosts.push(incoming.rawHeaders[i + 1]!.trim());
  if (hosts.length !== 1 || !hosts[0])
    refuse(
      hosts.length > 1
        ? 'A request may carry one Host header, not several.'
        : 'A request needs a Host header.',
    );
  if (incoming.url && !incoming.url.startsWith('/')) {
    let authority: string;
    try {
      authority = new URL(incoming.url).host;
    } catch {
      refuse('The request target is not a path or an absolute URL.');
    }
    hosts.push(authority);
  }
  return hosts;
}

/**
 * The server's front door, the same in emulator and upstream mode: who may talk to it at all.
 *
 * - Host: only names this server is really reached by (the bound address, loopback names, the host
 *   of --public-url). A foreign Host is how DNS rebinding lets another site's page reach a loopback
 *   server, so it is refused on every path.
 * - Origin: the API paths answer only pages of this server's own origin (and --allow-origin ones).
 *   A cross-site `text/plain` POST needs no CORS preflight, so refusing it here, before any handler,
 *   is what keeps another site from creating or wiping sessions.
 * - Token: with --require-auth, the API paths want `Authorization: Bearer TOKEN` (any case of
 *   "Bearer", RFC 7235), compared in constant time.
 */
export interface FrontDoorOptions {
  /** The address the server is bound to (`--host`). */
  boundHost: string;
  /** `--public-url`: the URL people reach the server by, when it is not the bound address. */
  publicUrl?: string;
  /** `--allow-origin`: other origins whose pages may call the API (CORS is answered for them). */
  allowOrigins?: string[];
  /** `--require-auth`: the token API paths require. */
  requireAuth?: string;
  /**
   * Whether browsers can sign in here (the console is served). Without it (`--api-only`, the
   * server as a stand-in for Google) a 401 looks like Google's, with no sign-in pointer.
   */
  browserSignIn?: boolean;
}

/** Paths that act on data: the API, the control API and the console's own server endpoint. */
export const API_PATH = /^\/(v1|control|console)(\/|$)/;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];
const WILDCARD = ['0.0.0.0', '::', '[::]'];

/** The host part of a Host header or URL host, lower case, without the port. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d*$/, '');
}

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** Every host name this server may be addressed by. */
export function allowedHostNames({ boundHost, publicUrl }: FrontDoorOptions): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (WILDCARD.includes(boundHost)) {
    // Bound to every interface: any of this machine's own addresses is a name it is reached by.
    for (const list of Object.values(os.networkInterfaces()))
      for (const entry of list ?? []) names.add(bracketed(entry.address.toLowerCase()));
    names.add(os.hostname().toLowerCase());
  } else names.add(bracketed(boundHost.toLowerCase()));
  if (publicUrl) names.add(hostName(new URL(publicUrl).host));
  return names;
}

/** `Authorization: Bearer TOKEN` with the scheme in any case; compared in constant time. */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^bearer[ \t]+(\S+)\s*$/i.exec(header ?? '');
  return sameSecret(match?.[1] ?? '', expected) && match !== null;
}

function refuse(message: string): never {
  throw new RpcError('PERMISSION_DENIED', message);
}

const CORS_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const CORS_HEADERS = 'authorization, content-type, x-goog-api-client, x-goog-user-project';

/** One middleware for every request: Host, then (on API paths) Origin, CORS and the token. */
export function frontDoor(options: FrontDoorOptions): MiddlewareHandler {
  const hosts = allowedHostNames(options);
  const allowOrigins = new Set((options.allowOrigins ?? []).map((o) => new URL(o).origin));
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const publicHost = options.publicUrl ? new URL(options.publicUrl).host.toLowerCase() : undefined;
  const throttle = new FailureThrottle();
  const signIn =
    options.requireAuth && options.browserSignIn
      ? signInHandler(options.requireAuth, {
          secure: options.publicUrl?.startsWith('https:') ?? false,
          throttle,
        })
      : undefined;

  return async (c, next) => {
    c.header('x-content-type-options', 'nosniff');
    // The adapter builds the URL from the Host header (the bound address when there is none).
    const url = new URL(c.req.url);
    const { host } = url;
    // Reached by its public name, the server's origin is the public URL's (https behind a proxy).
    const ownOrigin = publicOrigin && host.toLowerCase() === publicHost ? publicOrigin : url.origin;
    for (const requested of requestedHosts(c))
      if (!hosts.has(hostName(requested)))
        refuse(
          `Host "${requested.slice(0, 100)}" is not a name of this server. Use its own address, or start it with --public-url.`,
        );
    if (!API_PATH.test(c.req.path)) return next();

    const origin = c.req.header('origin');
    const crossOrigin = origin !== undefined && origin.toLowerCase() !== ownOrigin.toLowerCase();
    const allowed = origin !== undefined && allowOrigins.has(origin);
    if (crossOrigin && !allowed)
      refuse(`Requests from ${origin} are not allowed. Only this server's own page may use its API.`);
    // A request without Origin (a form, an image) still says where it came from in Sec-Fetch-Site.
    const site = c.req.header('sec-fetch-site');
    if (!allowed && site && site !== 'same-origin' && site !== 'none')
      refuse('Cross-site requests are not allowed. Only this server’s own page may use its API.');

    if (allowed) {
      c.header('access-control-allow-origin', origin);
      c.header('vary', 'Origin');
      if (c.req.method === 'OPTIONS') {
        c.header('access-control-allow-methods', CORS_METHODS);
        c.header('access-control-allow-headers', CORS_HEADERS);
        c.header('access-control-max-age', '600');
        return c.body(null, 204);
      }
    }
    const token = options.requireAuth;
    const client = clientOf(c);
    if (token && signIn && SIGN_IN_PATHS.has(c.req.path)) return signIn(c, client);
    const authorization = c.req.header('authorization');
    if (token && authorization) {
      // A client shut out for wrong tokens is refused whatever it sends, the right one included.
      const wait = throttle.waitMs(client);
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new RpcError(
          'RESOURCE_EXHAUSTED',
          `Too many wrong tokens from this client. Try again in ${retryText(wait)}.`,
        );
      }
      if (bearerMatches(authorization, token)) throttle.succeeded(client);
      else if (!signIn?.signedIn(c)) {
        const delay = throttle.failed(client);
        if (delay > 0) c.header('retry-after', String(Math.ceil(delay / 1000)));
      }
    }
    if (token && !bearerMatches(authorization, token) && !signIn?.signedIn(c))
      throw new RpcError(
        'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        options.browserSignIn
          ? [
              {
                '@type': ERROR_INFO_TYPE_URL,
                reason: CONSOLE_SIGN_IN.reason,
                domain: 'dataproc-console',
                metadata: { signInPath: CONSOLE_SIGN_IN.path },
              },
            ]
          : [],
      );
    return next();
  };
}
