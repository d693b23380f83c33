import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { routes } from '../../schemas/console-routes';
import {
  listViewFromSearch,
  searchFromListView,
  type ListSearch,
  type ListView,
} from '../../schemas/session-list-view';

/**
 * Named saved views of the session list: filters (the API's and the on-screen ones), sort and
 * rows per page under a name, in localStorage. The URL stays the source of truth: a view is kept
 * as the list URL's query (written by the route table) and applying one is following a link to
 * it, so a view is shareable as that link. The page number is not part of a view (page tokens
 * expire). Views are the browser's, for every project and region.
 */
export const SAVED_VIEWS_KEY = 'dataproc-console.saved-list-views';

export interface SavedView {
  name: string;
  /** The list route's query for the view (`?state=ACTIVE&sort=-created`), '' for the plain list. */
  query: string;
}

const stored = z.array(z.object({ name: z.string(), query: z.string() }));
const NONE: readonly SavedView[] = [];

/** The query a view is saved as: what the URL says, without the page. */
export function savedQueryOf(view: ListView): string {
  return routes.sessions.query({ ...searchFromListView(view), pages: undefined });
}

/** The search a saved query stands for, read back through the route's schema (bad values dropped). */
export function searchOfSaved(saved: SavedView): ListSearch {
  return routes.sessions.readSearch(saved.query);
}

export function viewOfSaved(saved: SavedView): ListView {
  return listViewFromSearch(searchOfSaved(saved));
}

let cache: { raw: string | null; views: readonly SavedView[] } = { raw: null, views: NONE };
const listeners = new Set<() => void>();

function read(): readonly SavedView[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(SAVED_VIEWS_KEY);
  } catch {
    return NONE; // storage switched off: no saved views, nothing breaks
  }
  if (raw === cache.raw) return cache.views;
  let views: readonly SavedView[] = NONE;
  try {
    const parsed = stored.safeParse(JSON.parse(raw ?? '[]'));
    if (parsed.success) views = parsed.data;
  } catch {
    // Not JSON (edited by hand): start again with none rather than fail the page.
  }
  cache = { raw, views };
  return views;
}

function write(views: readonly SavedView[]): string | undefined {
  try {
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
  } catch {
    return 'This browser did not let the console keep the view (storage is full or switched off).';
  }
  for (const listener of listeners) listener();
  return undefined;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab saved or deleted a view.
  const onStorage = (event: StorageEvent) => {
    if (event.key === SAVED_VIEWS_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The saved views, sorted by name; none on the server (it has no storage) and before hydration. */
export function useSavedViews(): readonly SavedView[] {
  return useSyncExternalStore(subscribe, read, () => NONE);
}

/** Saves (or replaces, by name) the view; returns a problem in words when it could not. */
export function saveView(name: string, view: ListView): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the view a name.';
  if (trimmed.length > 80) return 'A view name is at most 80 characters.';
  const views = read().filter((v) => v.name !== trimmed);
  return write(
    [...views, { name: trimmed, query: savedQueryOf(view) }].sort((a, b) => a.name.localeCompare(b.name)),
  );
}

export function deleteView(name: string): string | undefined {
  return write(read().filter((v) => v.name !== name));
}
