import { requestUrl } from '../../lib/api-client';
import { collectionName, parentName } from '../../schemas/names';
import { listParams, readListView } from './list-filters';
import type { ListParams } from '../../lib/api/sessions-api';

/** The id of the `application/json` block in which the server may embed a list URL's first page. */
export const FIRST_PAGE_ELEMENT_ID = 'first-page';

/**
 * Project IDs (with an optional `domain:` prefix) and regions: nothing that decodes to a path
 * separator, a query or `..`, so the request the server makes is always a session list.
 */
const LIST_PATH = /^\/projects\/([a-z0-9][a-z0-9.:-]*)\/locations\/([a-z0-9-]+)\/sessions\/?$/;

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
  const match = LIST_PATH.exec(pathname);
  if (!match) return undefined;
  const parent = parentName({ project: match[1]!, location: match[2]! });
  const params = listParams(readListView(new URLSearchParams(search)));
  return { parent, params, url: requestUrl(`/v1/${collectionName(parent, 'sessions')}`, { ...params }) };
}
