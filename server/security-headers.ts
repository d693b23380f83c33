import type { Context } from 'hono';

/**
 * The browser talks to this server only (`connect-src 'self'`): tokens stay on the server, and an
 * injected script could not send data anywhere else. No page of ours may be framed.
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

/** For every answer that is not one of our HTML pages: nothing may load, run or frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), clipboard-read=(), interest-cohort=()';

/** The headers every HTML page of this server carries (the console and the sign-in form). */
export function setPageSecurityHeaders(c: Context): void {
  c.header('content-security-policy', CONTENT_SECURITY_POLICY);
  c.header('permissions-policy', PERMISSIONS_POLICY);
  c.header('referrer-policy', 'no-referrer');
  c.header('cross-origin-opener-policy', 'same-origin');
  c.header('x-frame-options', 'DENY');
}
