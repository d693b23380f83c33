/**
 * A page loaded with its first use that can also be loaded ahead (`preload`): the server loads it
 * before rendering, and the browser before hydrating a server-rendered page of it, so neither
 * renders a Suspense fallback where the other rendered the page.
 */
export { preloadable as lazyPage } from '../lib/lazy-component';
