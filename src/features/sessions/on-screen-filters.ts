import { idOf } from '../../schemas/names';
import type { ListView } from '../../schemas/session-list-view';
import type { Session } from '../../schemas/wire';

/**
 * Filters the API cannot do: sessions.list's filter knows `state`, `create_time`, `labels.*` and
 * `session_id`, not the creator, the template or the runtime version. These are applied on screen
 * to the rows the API returned for this page, and the page says so. Their choices are the values
 * of the loaded rows (plus the one in the URL, so a shared link shows what it filters by).
 */
export type OnScreenKey = 'creator' | 'template' | 'runtimeVersion';

export interface OnScreenFilter {
  key: OnScreenKey;
  label: string;
  valueOf: (session: Session) => string | undefined;
}

export const ON_SCREEN_FILTERS: readonly OnScreenFilter[] = [
  { key: 'creator', label: 'Creator', valueOf: (s) => s.creator || undefined },
  {
    key: 'template',
    label: 'Template',
    valueOf: (s) => (s.sessionTemplate ? idOf(s.sessionTemplate) : undefined),
  },
  { key: 'runtimeVersion', label: 'Runtime version', valueOf: (s) => s.runtimeConfig?.version || undefined },
];

/** The on-screen filters in force, in declaration order. */
export function activeOnScreen(view: ListView): { filter: OnScreenFilter; value: string }[] {
  return ON_SCREEN_FILTERS.flatMap((filter) => {
    const value = view[filter.key];
    return value ? [{ filter, value }] : [];
  });
}

/** The rows that match every on-screen filter (all of them when none is set). */
export function applyOnScreen(sessions: readonly Session[], view: ListView): Session[] {
  const active = activeOnScreen(view);
  if (active.length === 0) return [...sessions];
  return sessions.filter((s) => active.every(({ filter, value }) => filter.valueOf(s) === value));
}

/** The choices for one filter: the distinct values of the loaded rows, sorted, with the current one. */
export function choicesFor(filter: OnScreenFilter, sessions: readonly Session[], current?: string): string[] {
  const values = new Set(sessions.flatMap((s) => filter.valueOf(s) ?? []));
  if (current) values.add(current);
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** The on-screen filters in words, for keys and messages: `creator = a@b AND template = t`. */
export function onScreenText(view: ListView): string {
  return activeOnScreen(view)
    .map(({ filter, value }) => `${filter.label.toLowerCase()} = ${value}`)
    .join(' AND ');
}
