import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Place } from '../../schemas/names';
import type { Session } from '../../schemas/wire';

/** What every tab's content and every Overview panel receives. */
export interface SessionSlotProps {
  session: Session;
  place: Place;
  /** The page's clock (ms), ticking every second, for durations and "in 3 h". */
  now: number;
}

/** One tab of the session page, declared once in ./tabs.tsx. */
export interface SessionTab {
  /** The session route's `tab` search value; undefined for the default tab (Overview). */
  value: string | undefined;
  title: string;
  /** Whether this session has the tab at all (default: every session). */
  appliesTo?: (session: Session) => boolean;
  /**
   * The tab's content. A heavy tab may be `lazy(() => import(…))` (it then shows nothing until
   * loaded); the tabs here are in the session page's own chunk, which the early prefetch starts.
   */
  content: ComponentType<SessionSlotProps>;
  /** Starts loading the tab's data: at boot for a deep link, and when the tab is opened. */
  prefetch?: (client: QueryClient, sessionName: string) => Promise<void> | void;
}

/** One panel of the Overview, declared once in ./panels.tsx, in order. */
export interface OverviewPanel {
  id: string;
  /** `main`: the left (first) column; `side`: the right one. One column below 900 px. */
  column: 'main' | 'side';
  Panel: ComponentType<SessionSlotProps>;
}
