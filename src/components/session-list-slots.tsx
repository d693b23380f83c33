import { createContext, useContext, type ReactNode } from 'react';
import type { Session } from '../schemas/wire';
import type { Column } from './data-table';

/** What the session list tells a totals strip about the rows it shows. */
export interface SessionTotalsProps {
  /** The rows the API returned for this page, as shown. */
  sessions: readonly Session[];
  /** 1-based page number. */
  page: number;
  /** Whether the API has more pages for this filter. */
  hasMore: boolean;
  /**
   * The filter in force ('' for none): the expression sent to the API, and the filters the list
   * applies on screen (creator, template, runtime version), so "All N" says "matching the filter".
   */
  filter: string;
  /** The list's clock, the one its rows' costs are worked out at (so each cost is worked out once). */
  now: number;
}

/**
 * Columns and a totals strip that other features add to the session list (the costs feature's
 * cost column and totals), provided by the app: the sessions feature may not import them.
 */
export interface SessionListSlots {
  columns: ReadonlyArray<Column<Session, { now: number }>>;
  totals?: (props: SessionTotalsProps) => ReactNode;
}

export const SessionListSlotsContext = createContext<SessionListSlots>({ columns: [] });

export function SessionTotalsSlot(props: SessionTotalsProps) {
  const { totals } = useContext(SessionListSlotsContext);
  return totals ? totals(props) : null;
}
