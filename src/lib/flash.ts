import { useEffect, useSyncExternalStore } from 'react';
import { announce } from './announce';

/**
 * A confirmation that outlives the page that caused it: "Session x deleted." is said on the page
 * the user lands on after the delete (the deleted thing's page is gone). Read out politely when
 * set, shown by the next page's frame until dismissed or until the user goes elsewhere.
 */
let current: { message: string; path: string; shown: boolean } | undefined;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

/** Shows `message` on the page at `path` (where the caller is about to navigate) and reads it out. */
export function flash(message: string, path: string): void {
  current = { message, path, shown: false };
  announce(message);
  emit();
}

export function dismissFlash(): void {
  current = undefined;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The confirmation for the page at `path`, if one is waiting there. */
export function useFlash(path: string): string | undefined {
  const flashed = useSyncExternalStore(
    subscribe,
    () => current,
    () => undefined,
  );
  const here = flashed !== undefined && flashed.path === path;
  // Once shown, it goes away when the user moves on to another page.
  useEffect(() => {
    if (!current) return;
    if (current.path === path) current.shown = true;
    else if (current.shown) dismissFlash();
  }, [path, here]);
  return here ? flashed.message : undefined;
}
