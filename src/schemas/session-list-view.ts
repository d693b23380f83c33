import { SESSION_STATES } from './session-states';

/**
 * The session list's view state, kept entirely in the URL (the `sessions` route's search
 * parameters, src/schemas/console-routes.ts) so that reload, back/forward and a shared link restore
 * it exactly. Pure, so the server computes the list's first request from a URL the same way.
 */
export interface ListView {
  states: string[];
  labels: { key: string; value: string }[];
  createdAfter?: string;
  createdBefore?: string;
  /** "Created in the last hour/day/week": kept in the URL as such; createdAfter is computed from it. */
  createdPreset?: CreatedPreset;
  search: string;
  /** A hand-written filter; when set it is sent as is and the simple controls step aside. */
  customFilter?: string;
  pageSize: number;
  /** Page tokens of the pages before this one, then this page's token. Empty on page 1. */
  pageTokens: string[];
  /**
   * The order of the rows on screen. sessions.list has no `orderBy` (its parameters are filter,
   * pageSize and pageToken), so this sorts the page that came back and the page says so; absent,
   * rows keep the API's order.
   */
  sort?: ListSort;
  /**
   * Filters the API cannot do (its filter has no creator, template or runtime version field):
   * applied on screen to the rows of the page that came back, and said so. Changing them asks the
   * API for nothing new, so they do not reset the page.
   */
  creator?: string;
  /** A template's ID (the last part of `sessionTemplate`). */
  template?: string;
  runtimeVersion?: string;
}

export const SORT_KEYS = ['created', 'state', 'id'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ListSort {
  key: SortKey;
  descending: boolean;
}

/** `created`, `-created`, … as kept in the URL's `sort`. */
export function parseSort(text: string | undefined): ListSort | undefined {
  if (!text) return undefined;
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, descending } : undefined;
}

export function sortText(sort: ListSort | undefined): string | undefined {
  return sort ? `${sort.descending ? '-' : ''}${sort.key}` : undefined;
}

export const CREATED_PRESETS = { '1h': 'Last hour', '1d': 'Last 24 hours', '7d': 'Last 7 days' } as const;
export type CreatedPreset = keyof typeof CREATED_PRESETS;
export const CREATED_PRESET_IDS = Object.keys(CREATED_PRESETS) as CreatedPreset[];
const PRESET_SECONDS: Record<CreatedPreset, number> = { '1h': 3600, '1d': 86400, '7d': 7 * 86400 };

/**
 * The start of a preset's window. Rounded down to the minute, so that reading the same URL twice
 * within a minute gives the same filter (and the same cached page).
 */
export function presetStart(preset: CreatedPreset, now = Date.now()): string {
  const start = Math.floor((now - PRESET_SECONDS[preset] * 1000) / 60000) * 60000;
  return new Date(start).toISOString();
}

export const PAGE_SIZES = [20, 50, 100, 500, 1000];
export const DEFAULT_PAGE_SIZE = 50;

export const SELECTABLE_STATES = SESSION_STATES.filter((s) => s !== 'STATE_UNSPECIFIED');

/** The list route's search parameters as the route module reads and writes them. */
export interface ListSearch {
  state?: string;
  label?: string[];
  created?: CreatedPreset;
  after?: string;
  before?: string;
  q?: string;
  filter?: string;
  pageSize?: string;
  pages?: string;
  sort?: string;
  creator?: string;
  template?: string;
  runtime?: string;
}

export function listViewFromSearch(search: ListSearch): ListView {
  const pageSize = Number(search.pageSize);
  return {
    states: (search.state ?? '')
      .split(',')
      .filter((s) => (SELECTABLE_STATES as readonly string[]).includes(s)),
    labels: (search.label ?? []).flatMap((text) => {
      const at = text.indexOf('=');
      const key = at < 0 ? text : text.slice(0, at);
      return key ? [{ key, value: at < 0 ? '' : text.slice(at + 1) }] : [];
    }),
    ...(search.created
      ? { createdPreset: search.created, createdAfter: presetStart(search.created) }
      : { createdAfter: search.after }),
    createdBefore: search.before,
    search: search.q ?? '',
    customFilter: search.filter,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    pageTokens: (search.pages ?? '').split(',').filter(Boolean),
    sort: parseSort(search.sort),
    creator: search.creator || undefined,
    template: search.template || undefined,
    runtimeVersion: search.runtime || undefined,
  };
}

export function searchFromListView(view: ListView): ListSearch {
  const simple: ListSearch =
    view.customFilter !== undefined
      ? { filter: view.customFilter }
      : {
          state: view.states.join(','),
          label: view.labels.map(({ key, value }) => `${key}=${value}`),
          ...(view.createdPreset ? { created: view.createdPreset } : { after: view.createdAfter }),
          before: view.createdBefore,
          q: view.search,
        };
  return {
    ...simple,
    pageSize: view.pageSize !== DEFAULT_PAGE_SIZE ? String(view.pageSize) : undefined,
    pages: view.pageTokens.join(','),
    sort: sortText(view.sort),
    creator: view.creator,
    template: view.template,
    runtime: view.runtimeVersion,
  };
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The AIP-160 expression for the simple controls, in the syntax the Dataproc docs use. */
export function filterExpression(view: ListView): string {
  if (view.customFilter !== undefined) return view.customFilter;
  const clauses: string[] = [];
  if (view.states.length === 1) clauses.push(`state = ${view.states[0]}`);
  else if (view.states.length > 1) clauses.push(`(${view.states.map((s) => `state = ${s}`).join(' OR ')})`);
  for (const { key, value } of view.labels) clauses.push(`labels.${key} = ${quote(value)}`);
  if (view.createdAfter) clauses.push(`create_time >= ${quote(view.createdAfter)}`);
  if (view.createdBefore) clauses.push(`create_time < ${quote(view.createdBefore)}`);
  if (view.search.trim()) clauses.push(`session_id = ${quote(`*${view.search.trim()}*`)}`);
  return clauses.join(' AND ');
}

/** The sessions list call's parameters. */
export interface ListParams {
  filter?: string;
  pageSize?: number;
  pageToken?: string;
}

/** The API list parameters for a view: one place, so the page and the early prefetch agree. */
export function listParams(view: ListView): { filter?: string; pageSize: number; pageToken?: string } {
  const filter = filterExpression(view);
  return { filter: filter || undefined, pageSize: view.pageSize, pageToken: view.pageTokens.at(-1) };
}
