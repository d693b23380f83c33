import { CONSOLE_SIGN_IN, ERROR_INFO_TYPE_URL, HELP_TYPE_URL } from '../schemas/wire-constants';
import { safeHref } from './safe-url';
import type { ApiError } from './api-client';

/** The reason this console's own server gives when it wants its --require-auth sign-in. */
export const SIGN_IN_REASON = CONSOLE_SIGN_IN.reason;

export interface Guidance {
  title: string;
  /** What to do about it, in plain words. */
  hint?: string;
  /** Links from the error (Google's "enable the API" page, the sign-in form): http(s) only. */
  links: { label: string; href: string }[];
  kind: 'auth' | 'permission' | 'network' | 'quota' | 'other';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * What a failed call means and what to do, from the status and the details Google sends
 * (ErrorInfo reasons such as IAM_PERMISSION_DENIED or SERVICE_DISABLED, Help links).
 */
export function errorGuidance(error: ApiError, what: string): Guidance {
  const infos = error.details.filter((d) => d['@type'] === ERROR_INFO_TYPE_URL);
  const metadata = (d: (typeof infos)[number]) =>
    (typeof d.metadata === 'object' && d.metadata !== null ? d.metadata : {}) as Record<string, unknown>;
  const links: Guidance['links'] = [];
  for (const help of error.details.filter((d) => d['@type'] === HELP_TYPE_URL)) {
    const list = Array.isArray(help.links) ? (help.links as unknown[]) : [];
    for (const link of list) {
      const { description, url } = (link ?? {}) as { description?: unknown; url?: unknown };
      const href = safeHref(text(url));
      if (href) links.push({ label: text(description) ?? href, href });
    }
  }

  if (error.httpStatus === 401 || error.rpcStatus === 'UNAUTHENTICATED') {
    const signIn = infos.find((d) => d.reason === SIGN_IN_REASON);
    if (signIn)
      return {
        title: 'Sign in to this console server',
        hint: 'The server was started with --require-auth. Sign in with the token it was given.',
        links: [{ label: 'Sign in', href: CONSOLE_SIGN_IN.path }],
        kind: 'auth',
      };
    return {
      title: 'Google refused the console server’s credentials',
      hint: 'On the machine running the console, run "gcloud auth application-default login" (or fix GOOGLE_APPLICATION_CREDENTIALS), then restart the console server.',
      links,
      kind: 'auth',
    };
  }
  if (error.httpStatus === 403 || error.rpcStatus === 'PERMISSION_DENIED') {
    const disabled = infos.find((d) => d.reason === 'SERVICE_DISABLED');
    if (disabled) {
      const activation = safeHref(text(metadata(disabled).activationUrl));
      return {
        title: 'The Dataproc API is not enabled in this project',
        hint: 'Enable it (it can take a few minutes to take effect), then retry.',
        links: activation ? [{ label: 'Enable the API', href: activation }, ...links] : links,
        kind: 'permission',
      };
    }
    const permission = infos.map((d) => text(metadata(d).permission)).find(Boolean);
    return {
      title: 'Permission denied',
      hint: permission
        ? `The account lacks the permission ${permission}. roles/dataproc.viewer grants reading, roles/dataproc.editor creating and terminating.`
        : `The account lacks permission to load ${what} in this project or region. roles/dataproc.viewer grants reading, roles/dataproc.editor creating and terminating.`,
      links,
      kind: 'permission',
    };
  }
  if (error.httpStatus === 429 || error.rpcStatus === 'RESOURCE_EXHAUSTED')
    return {
      title: 'Quota exhausted',
      hint: 'The project has used up an API or resource quota. Reads are retried automatically with backoff; wait a minute and retry, or ask for more quota.',
      links,
      kind: 'quota',
    };
  if (error.isNetwork) return { title: 'Network unavailable', links, kind: 'network' };
  if (error.httpStatus === 503 || error.httpStatus === 504)
    return {
      title: error.httpStatus === 504 ? 'The API did not answer in time' : 'The API is unavailable',
      hint: 'This is usually temporary: retry in a moment.',
      links,
      kind: 'network',
    };
  return { title: `Could not load ${what}`, links, kind: 'other' };
}
