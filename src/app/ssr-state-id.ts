/**
 * The id of the `application/json` block a server-rendered page carries (src/entry-server.tsx). Its
 * own module: the page's entry (src/main.tsx) reads it before any other code is loaded.
 */
export const SSR_STATE_ELEMENT_ID = 'ssr-state';
