// Kept apart from the Spark code, so the main bundle can tell a Spark deep link without loading it.
const SESSION_PATH = /^\/(projects\/[^/]+\/locations\/[^/]+\/sessions\/[^/]+)\/?$/;

/** The session named by a console URL when it opens the Spark tab (`…/sessions/S?tab=spark`). */
export function sparkSessionFor(pathname: string, search: string): string | undefined {
  const match = SESSION_PATH.exec(pathname);
  return match && new URLSearchParams(search).get('tab') === 'spark' ? match[1] : undefined;
}
