/** A query's values: an array is a repeated parameter (`stageIds=1&stageIds=2`), as Google's APIs take lists. */
export type RequestQuery = Record<string, string | number | boolean | readonly string[] | undefined>;

/**
 * `path?query`, leaving out empty values, as every API call sends it. Here (pure, shared) because
 * the server predicts the list page's first call with it, byte for byte.
 */
export function requestUrl(path: string, query: RequestQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return `${path}${params.size ? `?${params}` : ''}`;
}
