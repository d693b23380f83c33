import { routes } from '../../schemas/console-routes';
import {
  filterExpression,
  listViewFromSearch,
  searchFromListView,
  type ListView,
} from '../../schemas/session-list-view';
import type { TimeZoneSetting } from '../../lib/time-zone';

// The view's model and its API filter are shared with the server (src/schemas/session-list-view.ts).
export {
  CREATED_PRESETS,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  SELECTABLE_STATES,
  filterExpression,
  listParams,
  presetStart,
  type CreatedPreset,
  type ListView,
} from '../../schemas/session-list-view';

/** The view a list URL's search parameters describe (through the route's schema). */
export function readListView(params: URLSearchParams): ListView {
  return listViewFromSearch(routes.sessions.readSearch(params));
}

/** The search parameters of a view, as the route writes them. */
export function writeListView(view: ListView): URLSearchParams {
  return new URLSearchParams(routes.sessions.query(searchFromListView(view)));
}

/** How many on-screen filters (creator, template, runtime version) are in force. */
export function onScreenFilterCount(view: ListView): number {
  return [view.creator, view.template, view.runtimeVersion].filter(Boolean).length;
}

/** How many filters are in force, as the folded "Filters (n)" button counts them: a state set is one. */
export function activeFilterCount(view: ListView): number {
  if (view.customFilter !== undefined) return (view.customFilter.trim() ? 1 : 0) + onScreenFilterCount(view);
  return (
    onScreenFilterCount(view) +
    (view.states.length ? 1 : 0) +
    view.labels.length +
    (view.createdAfter ? 1 : 0) +
    (view.createdBefore ? 1 : 0) +
    (view.search.trim() ? 1 : 0)
  );
}

/** Any filter, the API's or on screen. */
export function hasFilters(view: ListView): boolean {
  return filterExpression(view).trim() !== '' || onScreenFilterCount(view) > 0;
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
    creator: undefined,
    template: undefined,
    runtimeVersion: undefined,
    pageTokens: [],
  };
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
