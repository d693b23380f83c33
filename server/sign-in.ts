import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import { CONSOLE_SIGN_IN } from '../src/schemas/wire';
import { readWithin } from './bounded-body';
import { sameSecret } from './secrets';
import { setPageSecurityHeaders } from './security-headers';
import { retryText, type FailureThrottle } from './throttle';

export const SIGN_IN_PATH = CONSOLE_SIGN_IN.path;
export const SIGN_OUT_PATH = '/console/sign-out';
export const SIGN_IN_PATHS = new Set<string>([SIGN_IN_PATH, SIGN_OUT_PATH]);

/** A token form is a few hundred bytes; anything larger is refused before it is held in memory. */
const MAX_FORM_BYTES = 4096;
const COOKIE_MAX_AGE_S = 12 * 3600;
/** Signed-in browsers remembered at most; past it the oldest sign-in is dropped. */
const MAX_SIGN_INS = 10_000;

function page(problem?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · Dataproc Sessions Console</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Sign in to this console server</h1>
<p>This server was started with <code>--require-auth</code>. Enter the token it was given.</p>
${problem ? `<p role="alert" style="color:#b00020">${problem}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}"><label for="token">Server token</label><br>
<input id="token" name="token" type="password" autocomplete="current-password" required style="width:100%;padding:.5rem;margin:.5rem 0">
<button type="submit" style="padding:.5rem 1rem">Sign in</button></form></body></html>`;
}

/** The request body as text, or undefined once it passes `max` bytes (the rest is not read). */
async function readBounded(request: Request, max: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return undefined;
  return (await readWithin(request.body, max))?.toString('utf8');
}

export interface SignIn {
  (c: Context, client: string): Promise<Response>;
  signedIn(c: Context): boolean;
}

/**
 * A browser cannot be given the --require-auth token as a header (no token lives in the page), so
 * the sign-in form trades it for an HttpOnly, SameSite=Strict cookie holding a random session ID,
 * new at each sign-in and never the token. The server keeps the IDs with their expiry (12 hours),
 * checks both on every request, and forgets an ID at sign-out, so a signed-out cookie is refused
 * even if it was copied. They live in this process only: a restart (the only way to change the
 * token) signs everyone out. Behind an https --public-url the cookie is `__Host-` prefixed and
 * Secure. Wrong tokens count against the client in `throttle`.
 */
export function signInHandler(
  token: string,
  { secure, throttle, now = Date.now }: { secure: boolean; throttle: FailureThrottle; now?: () => number },
): SignIn {
  /** Session ID → when it expires. */
  const sessions = new Map<string, number>();
  const name = secure ? '__Host-console_auth' : 'console_auth';
  const options = { httpOnly: true, sameSite: 'Strict', path: '/', secure } as const;
  const sessionOf = (c: Context) => {
    const id = getCookie(c, name);
    if (!id) return undefined;
    const expires = sessions.get(id);
    if (expires === undefined) return undefined;
    if (expires <= now()) {
      sessions.delete(id);
      return undefined;
    }
    return id;
  };

  const handler = async (c: Context, client: string) => {
    setPageSecurityHeaders(c);
    if (c.req.path === SIGN_OUT_PATH) {
      if (c.req.method !== 'POST') return c.text('Sign out with POST.', 405);
      const id = getCookie(c, name);
      if (id) sessions.delete(id);
      deleteCookie(c, name, options);
      return c.redirect(SIGN_IN_PATH, 303);
    }
    if (c.req.method !== 'POST') return c.html(page());
    const wait = throttle.waitMs(client);
    if (wait > 0) {
      c.header('retry-after', String(Math.ceil(wait / 1000)));
      return c.html(page(`Too many wrong tokens from here. Try again in ${retryText(wait)}.`), 429);
    }
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded'))
      return c.html(page('Send the form as it is shown here.'), 400);
    const body = await readBounded(c.req.raw, MAX_FORM_BYTES);
    if (body === undefined) return c.html(page('That form is too large.'), 413);
    const given = new URLSearchParams(body).get('token');
    if (given === null || !sameSecret(given, token)) {
      const delay = throttle.failed(client);
      if (delay > 0) c.header('retry-after', String(Math.ceil(delay / 1000)));
      return c.html(
        page(
          `That is not the token this server was started with.${delay > 0 ? ` Try again in ${retryText(delay)}.` : ''}`,
        ),
        401,
      );
    }
    throttle.succeeded(client);
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, now() + COOKIE_MAX_AGE_S * 1000);
    if (sessions.size > MAX_SIGN_INS) sessions.delete(sessions.keys().next().value!);
    setCookie(c, name, id, { ...options, maxAge: COOKIE_MAX_AGE_S });
    return c.redirect('/', 303);
  };
  return Object.assign(handler, { signedIn: (c: Context) => sessionOf(c) !== undefined });
}
