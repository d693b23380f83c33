import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BAD_REQUEST_TYPE_URL, type FieldViolation } from '../../src/schemas/wire';
import { RpcError, invalidArgument } from './errors';

/**
 * Size limits on everything a client sends (README, "Limits"). Google states few of its own; these
 * are generous for real use and keep one request, and one stored session, small: the largest
 * session a body can hold is under 1 MiB, so a list page of 1000 stays bounded.
 */
export const LIMITS = {
  /** A request body, refused with 413 before it is read when Content-Length says so. */
  bodyBytes: 1024 * 1024,
  /** The whole request URL (path and query). */
  urlChars: 8 * 1024,
  /** Any string value in a body (a Spark property value, a URI, a message). */
  stringChars: 4 * 1024,
  /** Any key in a body's maps (a Spark property name, a tag key). */
  keyChars: 256,
  /** Entries in any map: Spark properties among them (labels: 32, resource-manager tags: 30). */
  mapEntries: 200,
  /** Items in any list (network tags, autotuning scenarios). */
  listItems: 64,
  /** Nesting of objects and lists in a body; the deepest Dataproc field is 6 levels down. */
  depth: 12,
  /** The list `filter`, its parentheses/NOT nesting, and its comparisons. */
  filterChars: 2 * 1024,
  filterDepth: 32,
  filterComparisons: 64,
  /**
   * The stored bytes one list page may carry: beyond it the page holds fewer than pageSize items
   * and a nextPageToken (Google's list methods may return fewer). 1,000 ordinary sessions fit.
   */
  listPageBytes: 4 * 1024 * 1024,
  /** A page token; the ones the emulator issues are about 100 characters. */
  pageTokenChars: 1024,
} as const;

/** The JSON path of a member below `path`: `.name` for field names, `["key"]` for anything else. */
export function memberPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_@][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Every size rule on a parsed JSON body, checked before its shape so that an oversized value is
 * named as such. Stops descending at the depth limit, so it runs in time linear in the body.
 */
export function sizeViolations(value: unknown, path: string, depth = 0): FieldViolation[] {
  const over = (what: string, has: number, limit: number): FieldViolation[] => [
    { field: path, description: `${what} at most ${limit} (it has ${has}).` },
  ];
  if (typeof value === 'string')
    return value.length > LIMITS.stringChars
      ? over('A string value may have', value.length, LIMITS.stringChars)
      : [];
  if (value === null || typeof value !== 'object') return [];
  if (depth >= LIMITS.depth)
    return [{ field: path, description: `Values may be nested at most ${LIMITS.depth} levels deep.` }];
  if (Array.isArray(value)) {
    if (value.length > LIMITS.listItems) return over('A list may have', value.length, LIMITS.listItems);
    return value.flatMap((item, i) => sizeViolations(item, memberPath(path, i), depth + 1));
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.mapEntries)
    return over('An object or map may have', keys.length, LIMITS.mapEntries);
  const out: FieldViolation[] = [];
  for (const key of keys) {
    const at = memberPath(path, key);
    if (key.length > LIMITS.keyChars)
      out.push({
        field: `${path}[${JSON.stringify(key.slice(0, 40))}…]`,
        description: `A key may have at most ${LIMITS.keyChars} characters (it has ${key.length}).`,
      });
    else out.push(...sizeViolations((value as Record<string, unknown>)[key], at, depth + 1));
  }
  return out;
}

/** Refuses with INVALID_ARGUMENT naming `field` when `value` is longer than `limit`. */
export function checkLength(field: string, value: string | undefined, limit: number): void {
  if (value !== undefined && value.length > limit)
    throw invalidArgument([
      { field, description: `${field} may have at most ${limit} characters (it has ${value.length}).` },
    ]);
}

/**
 * Middleware for /v1 and /control: the URL length, then the body size. A body whose
 * Content-Length is over the limit is refused without reading it; a chunked one is read only up to
 * the limit.
 */
export function requestLimits(): MiddlewareHandler {
  const body = bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: (c) => {
      const error = new RpcError(
        'INVALID_ARGUMENT',
        `The request body is larger than ${LIMITS.bodyBytes} bytes.`,
        [
          {
            '@type': BAD_REQUEST_TYPE_URL,
            fieldViolations: [{ field: 'body', description: `At most ${LIMITS.bodyBytes} bytes.` }],
          },
        ],
        413,
      );
      // The rest of the body is never read, so the connection cannot carry another request.
      return c.body(JSON.stringify(error.envelope()), 413, {
        'content-type': 'application/json; charset=UTF-8',
        connection: 'close',
      });
    },
  });
  return async (c, next) => {
    checkLength('url', c.req.url, LIMITS.urlChars);
    return body(c, next);
  };
}
