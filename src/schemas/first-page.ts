import { routes } from './console-routes';
import { collectionName, parentName } from './names';
import { requestUrl } from './request-url';
import { listParams, listViewFromSearch, type ListParams } from './session-list-view';

/**
 * The first page of a session list, embedded by the server in the HTML and used once by the page.
 * Pure and shared (src/schemas): the server and the page must compute the same request from a URL.
 */

/** The id of the `application/json` block in which the server may embed a list URL's first page. */
export const FIRST_PAGE_ELEMENT_ID = 'first-page';

/**
 * Project IDs (with an optional `domain:` prefix) and regions: nothing that decodes to a path
 * separator, a query or `..`, so the request the server makes is always a session list.
 */
const SAFE_PROJECT = /^[a-z0-9][a-z0-9.:-]*$/;
const SAFE_LOCATION = /^[a-z0-9-]+$/;

/** Session IDs: lowercase letters, digits and hyphens (the API's own rule), nothing else. */
const SAFE_ID = /^[a-z0-9-]+$/;

/**
 * Whether a console URL's params can only name what they say: the server renders (and asks its
 * backend for) a page only then, so a crafted path can never turn into another request.
 */
export function isSafePlace(params: { project?: string; location?: string; session?: string }): boolean {
  if (params.project !== undefined && !SAFE_PROJECT.test(params.project)) return false;
  if (params.location !== undefined && !SAFE_LOCATION.test(params.location)) return false;
  return params.session === undefined || SAFE_ID.test(params.session);
}

export interface ListRequest {
  parent: string;
  params: ListParams;
  /** The exact `/v1/…?…` URL the list page will ask for. */
  url: string;
}

/**
 * The list call a console URL makes first, or undefined when the URL is not a session list. The
 * server (to embed the answer in the HTML) and the page (to use it) compute it with this one
 * function; the page uses an embedded answer only when the URLs match exactly.
 */
export function listRequestFor(pathname: string, search: string): ListRequest | undefined {
  const place = routes.sessions.match(pathname);
  if (!place || !isSafePlace(place)) return undefined;
  const parent = parentName(place);
  const params = listParams(listViewFromSearch(routes.sessions.readSearch(search)));
  return { parent, params, url: requestUrl(`/v1/${collectionName(parent, 'sessions')}`, { ...params }) };
}
