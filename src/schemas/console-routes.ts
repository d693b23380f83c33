import { parseName } from './names';
import { CREATED_PRESET_IDS, type CreatedPreset, type ListSearch } from './session-list-view';

/**
 * THE one place console URLs are written. Each route declares its path pattern (wouter's syntax,
 * `:name` for a segment), a reader for each of its search parameters and, from those, an `href()`
 * builder, a `match()` for a path and a `readSearch()`. The router, the shell, the section nav, the
 * early prefetch, the server's first-page code and every link in the features go through it; no
 * other file writes a console URL pattern, a regex over console paths or a query string.
 *
 * Pure and React-free (src/schemas), so the server may import it. A route need not have a region
 * (`/projects/:project/fleet`): params are whatever its pattern names.
 */

/** The names of a pattern's `:params`: `'/a/:x/b/:y'` → `'x' | 'y'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<P extends string> = { [K in ParamNames<P>]: string };

/** Search parameters before validation: a key given twice or more is an array. */
export type RawSearch = Record<string, string | string[]>;

/**
 * One search parameter's reader: its raw value (a string, or a list when given more than once)
 * to a typed value, or undefined for a missing or bad one. Plain functions rather than zod: the
 * list route reads its URL on every render and ships no schema library for it (issue 19's budget).
 */
export type SearchField<T> = (raw: string | string[] | undefined) => T | undefined;
export type SearchFields = Record<string, SearchField<unknown>>;
/** The typed search parameters a set of readers gives. */
export type SearchOf<F extends SearchFields> = {
  [K in keyof F]?: F[K] extends SearchField<infer T> ? T : never;
};

export interface ConsoleRoute<P extends string, S extends object> {
  pattern: P;
  /** The header's Sessions | Templates link this route belongs to, if any. */
  section?: Section;
  /** The path's params, decoded; undefined when the path is not this route's. */
  match(pathname: string): RouteParams<P> | undefined;
  /** The validated search parameters of `?…` (a bad value is dropped, never an error). */
  readSearch(search: string | URLSearchParams): S;
  /** The URL of this route: empty, undefined and default values are left out of the query. */
  href(params: RouteParams<P>, search?: Partial<S>): string;
  /** Just the `?…` part of href (empty when there is nothing to say). */
  query(search: Partial<S>): string;
}

export type Section = 'sessions' | 'templates' | 'costs';

function rawSearch(search: string | URLSearchParams): RawSearch {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw: RawSearch = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  return raw;
}

/** `?a=1&b=x&b=y` from typed values; empty strings, empty lists and undefined are left out. */
function queryString(search: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.size ? `?${params}` : '';
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      // Fixed segments are letters only (no character a regex would read specially).
      if (!segment.startsWith(':')) return segment;
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  // A trailing slash is the same page.
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** A path segment: encoded, so a typed `/` or `?` stays inside it (`:` is kept, as in `domain:project`). */
const segment = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':');

export function defineRoute<P extends string, F extends SearchFields = Record<never, never>>(
  pattern: P,
  options: { search?: F; section?: Section } = {},
): ConsoleRoute<P, SearchOf<F>> {
  type S = SearchOf<F>;
  const { regex, names } = compile(pattern);
  const fields: SearchFields = options.search ?? {};
  return {
    pattern,
    section: options.section,
    match(pathname) {
      const found = regex.exec(pathname);
      if (!found) return undefined;
      try {
        return Object.fromEntries(
          names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
        ) as RouteParams<P>;
      } catch {
        return undefined; // a malformed %-escape names nothing
      }
    },
    readSearch(search) {
      const raw = rawSearch(search);
      const read: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fields)) {
        // Own keys only: `?constructor=x` names no field.
        const value = field(Object.hasOwn(raw, key) ? raw[key] : undefined);
        if (value !== undefined) read[key] = value;
      }
      return read as S;
    },
    href(params, search = {}) {
      const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) =>
        segment((params as Record<string, string>)[name] ?? ''),
      );
      return `${path}${queryString(search)}`;
    },
    query: queryString,
  };
}

// Search fields: each drops a bad value on its own, so one hand-edited parameter spoils nothing else.
/** One string (a key given twice is not one value: dropped). */
export const text = (): SearchField<string> => (raw) => (typeof raw === 'string' ? raw : undefined);
const oneOf =
  <const T extends readonly [string, ...string[]]>(values: T): SearchField<T[number]> =>
  (raw) =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw) ? raw : undefined;
/** Every value of a key given any number of times. */
const repeated = (): SearchField<string[]> => (raw) => (raw === undefined ? undefined : [raw].flat());
/** A whole number (a hand-edited `abc` is dropped). */
const whole = (): SearchField<number> => (raw) =>
  typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
/** The session list: its filters and paging (see src/schemas/session-list-view.ts). */
const listSearch = {
  state: text(),
  label: repeated(),
  created: oneOf(CREATED_PRESET_IDS as [CreatedPreset, ...CreatedPreset[]]),
  after: text(),
  before: text(),
  q: text(),
  filter: text(),
  pageSize: text(),
  pages: text(),
  sort: text(),
  // Applied on screen to the loaded rows (the API's filter has no such fields).
  creator: text(),
  template: text(),
  runtime: text(),
} satisfies { [K in keyof ListSearch]-?: SearchField<NonNullable<ListSearch[K]>> };

export const SPARK_VIEWS = ['jobs', 'executors', 'sql', 'environment'] as const;
export type SparkView = (typeof SPARK_VIEWS)[number];
export const JOB_FILTERS = ['running', 'failed'] as const;
export type JobFilter = (typeof JOB_FILTERS)[number];

/**
 * The session page: `tab` names the tab (none: Overview; the tabs are declared in src/app/session-page),
 * then the Spark tab's place: `app` (only when not the newest application), `view` (jobs when
 * absent), `jobs` (a state filter on the jobs view), `job`, `stage`, `find` (the environment view's search).
 */
const sessionSearch = {
  tab: text(),
  app: text(),
  view: oneOf(SPARK_VIEWS),
  jobs: oneOf(JOB_FILTERS),
  job: text(),
  stage: text(),
  find: text(),
};
export type SessionSearch = SearchOf<typeof sessionSearch>;

const PLACE = '/projects/:project/locations/:location';

/** The fleet view (region-less): `label` is the label key its sessions are grouped by. */
const fleetSearch = { label: text() };
/** The idle view: `minutes` is N, idle for at least N minutes (default 60). */
const idleSearch = { minutes: whole() };

export const routes = {
  home: defineRoute('/'),
  sessions: defineRoute(`${PLACE}/sessions`, { search: listSearch, section: 'sessions' }),
  newSession: defineRoute(`${PLACE}/sessions/new`, { section: 'sessions' }),
  session: defineRoute(`${PLACE}/sessions/:session`, { search: sessionSearch, section: 'sessions' }),
  templates: defineRoute(`${PLACE}/sessionTemplates`, {
    search: { filter: text() },
    section: 'templates',
  }),
  newTemplate: defineRoute(`${PLACE}/sessionTemplates/new`, { section: 'templates' }),
  editTemplate: defineRoute(`${PLACE}/sessionTemplates/:template/edit`, { section: 'templates' }),
  template: defineRoute(`${PLACE}/sessionTemplates/:template`, { section: 'templates' }),
  fleet: defineRoute('/projects/:project/fleet', { search: fleetSearch, section: 'costs' }),
  idle: defineRoute('/projects/:project/idle', { search: idleSearch, section: 'costs' }),
};

export type RouteId = keyof typeof routes;

/** Which route a path is, with its params (every route's params include `project` where it has one). */
export function matchRoute(
  pathname: string,
): { id: RouteId; route: ConsoleRoute<string, object>; params: Record<string, string> } | undefined {
  // In declaration order: a fixed segment (`new`) comes before a `:param` in the same place.
  for (const id of Object.keys(routes) as RouteId[]) {
    const route = routes[id] as ConsoleRoute<string, object>;
    const params = route.match(pathname);
    if (params) return { id, route, params };
  }
  return undefined;
}

export const DEFAULT_PROJECT = 'demo-project';
export const DEFAULT_LOCATION = 'us-central1';

/** A session's or template's page from its resource name (the home page for a name that is neither). */
function resourceHref(name: string, search?: Partial<SessionSearch>, edit?: boolean): string {
  const parts = parseName(name);
  if (!parts) return '/';
  const { project, location, id } = parts;
  if (parts.collection === 'sessions') return routes.session.href({ project, location, session: id }, search);
  return (edit ? routes.editTemplate : routes.template).href({ project, location, template: id });
}

/** Shorthands for the links features write most. */
export const paths = {
  sessions: (project: string, location: string, search?: Partial<ListSearch>) =>
    routes.sessions.href({ project, location }, search),
  newSession: (project: string, location: string) => routes.newSession.href({ project, location }),
  templates: (project: string, location: string) => routes.templates.href({ project, location }),
  newTemplate: (project: string, location: string) => routes.newTemplate.href({ project, location }),
  /** From a resource name: projects/P/locations/L/sessions/S. */
  session: (name: string, search?: Partial<SessionSearch>) => resourceHref(name, search),
  template: (name: string) => resourceHref(name),
  editTemplate: (name: string) => resourceHref(name, undefined, true),
};
