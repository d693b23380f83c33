/**
 * What a server-rendered page was rendered with: the clock, the time zone and locale of its times,
 * the UTC/local setting and the colour mode. The server renders with it and embeds it; the browser's
 * first render (hydration) uses the same values so React finds the same markup, then switches to its
 * own clock, zone, locale and settings once the page is hydrated (`endHydration`).
 */
export interface RenderEnvironment {
  now: number;
  /** IANA zone that "local" times are shown in (the server does not know the browser's). */
  timeZone: string;
  locale: string;
  zoneSetting: 'local' | 'utc';
  colorMode: 'light' | 'dark';
}

/**
 * Checked by hand, not with zod: the browser reads it before hydrating the list, whose code loads
 * no schema library (issue 19's budget for the list route's JavaScript).
 */
export function isRenderEnvironment(value: unknown): value is RenderEnvironment {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.now === 'number' &&
    typeof v.timeZone === 'string' &&
    typeof v.locale === 'string' &&
    (v.zoneSetting === 'local' || v.zoneSetting === 'utc') &&
    (v.colorMode === 'light' || v.colorMode === 'dark')
  );
}

let active: RenderEnvironment | undefined;

/** The environment of the render under way, while rendering on the server or hydrating. */
export function renderEnvironment(): RenderEnvironment | undefined {
  return active;
}

/** The server, around one (synchronous) render; the browser, before `hydrateRoot`. */
export function beginRender(environment: RenderEnvironment): void {
  active = environment;
}

/** After the server's render, and in the browser as soon as the hydration has committed. */
export function endHydration(): void {
  active = undefined;
}

/**
 * For MUI's useMediaQuery: ask the browser at once (no extra render), except while hydrating a
 * server-rendered page, whose markup was made without a screen (no match).
 */
export const mediaQueryOptions = () => ({ noSsr: active === undefined });
