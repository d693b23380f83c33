import { Suspense, createElement, lazy, useState, type ComponentType } from 'react';

export type Preloadable<P> = ComponentType<P> & { preload: () => Promise<void> };

/**
 * A component loaded with its first use, like React.lazy, that can also be loaded ahead (`preload`)
 * and renders the loaded component directly once it is in: then a render after the load (the
 * server's, or a hydration after `preload`) never suspends where the other side rendered content.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));
  const Lazy = lazy(() => preload().then(() => ({ default: loaded! })));
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded type would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(Preloaded, { preload });
}

const onDemand: Preloadable<object>[] = [];

/**
 * A part of a page that most visits never show (an error panel, an alert, the bulk actions), loaded
 * when first rendered so that the page's first JavaScript does not carry it (issue 19: the list
 * route's budget). Rendered in its own Suspense boundary with no fallback: nothing shows for the
 * moment it loads. The server loads every one of them before it renders (`preloadOnDemandParts`),
 * so it never renders a fallback; a hydration that meets one not yet loaded waits for it within
 * that boundary, keeping the server's markup, rather than mismatching.
 */
export function onDemandPart<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  const Part = preloadable(load);
  function OnDemand(props: P) {
    return createElement(Suspense, { fallback: null }, createElement(Part, props));
  }
  const component = Object.assign(OnDemand, { preload: Part.preload });
  onDemand.push(component as unknown as Preloadable<object>);
  return component;
}

/** Loads every on-demand part (the server, before rendering a page). */
export function preloadOnDemandParts(): Promise<unknown> {
  return Promise.all(onDemand.map((part) => part.preload()));
}
