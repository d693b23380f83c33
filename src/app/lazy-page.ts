import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A page loaded with its first use, like React.lazy, that can also be loaded ahead (`preload`):
 * the server loads it before rendering, and the browser before hydrating a server-rendered page of
 * it, so neither renders a Suspense fallback where the other rendered the page.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload: () => Promise<void> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded! })));
  function Page(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded type would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload });
}
