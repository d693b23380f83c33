import * as z from 'zod/mini';

/**
 * What a server-rendered page was rendered with: the clock, the time zone and locale of its times,
 * the UTC/local setting and the colour mode. The server renders with it and embeds it; the browser's
 * first render (hydration) uses the same values so React finds the same markup, then switches to its
 * own clock, zone, locale and settings once the page is hydrated (`endHydration`).
 */
export const RenderEnvironment = z.object({
  now: z.number(),
  /** IANA zone that "local" times are shown in (the server does not know the browser's). */
  timeZone: z.string(),
  locale: z.string(),
  zoneSetting: z.enum(['local', 'utc']),
  colorMode: z.enum(['light', 'dark']),
});
export type RenderEnvironment = z.infer<typeof RenderEnvironment>;

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
