import { SessionState } from '../../schemas/enums';
import type { TimeZoneSetting } from '../../lib/time-zone';

/**
 * The session list's view state, kept entirely in the URL so that reload, back/forward and a
 * shared link restore it exactly. `expression` is what is sent as the API's `filter`.
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
}

export const CREATED_PRESETS = { '1h': 'Last hour', '1d': 'Last 24 hours', '7d': 'Last 7 days' } as const;
export type CreatedPreset = keyof typeof CREATED_PRESETS;
const PRESET_SECONDS: Record<CreatedPreset, number> = { '1h': 3600, '1d': 86400, '7d': 7 * 86400 };
const isPreset = (value: string | null): value is CreatedPreset => value !== null && value in PRESET_SECONDS;

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

const SELECTABLE_STATES = SessionState.values.filter((s) => s !== 'STATE_UNSPECIFIED');
export { SELECTABLE_STATES };

export function readListView(params: URLSearchParams): ListView {
  const pageSize = Number(params.get('pageSize'));
  return {
    states: (params.get('state') ?? '')
      .split(',')
      .filter((s) => (SELECTABLE_STATES as readonly string[]).includes(s)),
    labels: params.getAll('label').flatMap((text) => {
      const at = text.indexOf('=');
      const key = at < 0 ? text : text.slice(0, at);
      return key ? [{ key, value: at < 0 ? '' : text.slice(at + 1) }] : [];
    }),
    ...(isPreset(params.get('created'))
      ? {
          createdPreset: params.get('created') as CreatedPreset,
          createdAfter: presetStart(params.get('created') as CreatedPreset),
        }
      : { createdAfter: params.get('after') ?? undefined }),
    createdBefore: params.get('before') ?? undefined,
    search: params.get('q') ?? '',
    customFilter: params.get('filter') ?? undefined,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    pageTokens: (params.get('pages') ?? '').split(',').filter(Boolean),
  };
}

export function writeListView(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.customFilter !== undefined) params.set('filter', view.customFilter);
  else {
    if (view.states.length) params.set('state', view.states.join(','));
    for (const { key, value } of view.labels) params.append('label', `${key}=${value}`);
    if (view.createdPreset) params.set('created', view.createdPreset);
    else if (view.createdAfter) params.set('after', view.createdAfter);
    if (view.createdBefore) params.set('before', view.createdBefore);
    if (view.search) params.set('q', view.search);
  }
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(view.pageSize));
  if (view.pageTokens.length) params.set('pages', view.pageTokens.join(','));
  return params;
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

/** How many filters are in force, as the folded "Filters (n)" button counts them: a state set is one. */
export function activeFilterCount(view: ListView): number {
  if (view.customFilter !== undefined) return view.customFilter.trim() ? 1 : 0;
  return (
    (view.states.length ? 1 : 0) +
    view.labels.length +
    (view.createdAfter ? 1 : 0) +
    (view.createdBefore ? 1 : 0) +
    (view.search.trim() ? 1 : 0)
  );
}

export function hasFilters(view: ListView): boolean {
  return filterExpression(view).trim() !== '';
}

/** Any change of what is shown starts again from page 1. */
export function withFilters(view: ListView, change: Partial<ListView>): ListView {
  return { ...view, ...change, pageTokens: [] };
}

export function clearedFilters(view: ListView): ListView {
  return {
    ...view,
    states: [],
    labels: [],
    createdAfter: undefined,
    createdBefore: undefined,
    createdPreset: undefined,
    search: '',
    customFilter: undefined,
    pageTokens: [],
  };
}

/** The API list parameters for a view: one place, so the page and the early prefetch agree. */
export function listParams(view: ListView): { filter?: string; pageSize: number; pageToken?: string } {
  const filter = filterExpression(view);
  return { filter: filter || undefined, pageSize: view.pageSize, pageToken: view.pageTokens.at(-1) };
}

/**
 * The custom range's text boxes: "YYYY-MM-DD HH:mm" in the zone times are shown in (one tab stop
 * each, where a native datetime box has seven). The filter itself always holds the UTC instant.
 */
export function formatRangeInput(iso: string | undefined, zone: TimeZoneSetting): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = zone === 'utc' ? date : new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a range box means, as RFC 3339 UTC; '' for an empty box; undefined when it does not parse. */
export function parseRangeInput(text: string, zone: TimeZoneSetting): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date =
    zone === 'utc'
      ? new Date(Date.UTC(year, month - 1, day, hour, minute))
      : new Date(year, month - 1, day, hour, minute);
  // 2026-02-31 rolls over into March: not a date anyone meant.
  const check = zone === 'utc' ? date.getUTCDate() : date.getDate();
  if (Number.isNaN(date.getTime()) || check !== day) return undefined;
  return date.toISOString();
}
