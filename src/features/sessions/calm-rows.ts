import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../schemas/wire';

/** The rows the table holds still, for one view (filter, page). */
export interface HeldRows {
  viewKey: string;
  rows: Session[];
}

/**
 * Which rows the table should hold after an answer: the same object when nothing changes (so the
 * hook below commits nothing). A new view, or an empty table, takes the rows as they come; rows
 * that vanished are let go once the pointer is outside the table; new rows are never taken here.
 */
export function nextHeldRows(
  held: HeldRows,
  latest: Session[],
  viewKey: string,
  pointerInside: boolean,
): HeldRows {
  if (held.viewKey !== viewKey) return { viewKey, rows: latest };
  if (held.rows.length === 0) return latest.length > 0 ? { viewKey, rows: latest } : held;
  const present = new Set(latest.map((s) => s.name));
  if (pointerInside || held.rows.every((s) => present.has(s.name))) return held;
  return { viewKey, rows: held.rows.filter((s) => present.has(s.name)) };
}

/**
 * The rows as shown, kept still while the list refreshes underneath: rows already on screen are
 * updated in place; new rows wait (counted) until the user asks for them; rows that vanished stay,
 * as last seen, until the pointer leaves the table. So a row under the pointer never moves and a
 * click lands where it was aimed. A new view (filter, page) or an empty table takes the rows as
 * they come.
 *
 * What is shown is derived during render from the held rows and the latest answer; the held rows
 * are committed after render (never set while rendering), so the server renders the same rows.
 */
export function useCalmRows(latest: Session[], viewKey: string, pointerInside: boolean) {
  const [held, setHeld] = useState<HeldRows>(() => ({ viewKey, rows: latest }));
  const next = nextHeldRows(held, latest, viewKey, pointerInside);
  useEffect(() => {
    // Only when the derivation moved on; the next render derives `held` itself again, so this settles.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- committing what render derived
    if (next !== held) setHeld(next);
  }, [next, held]);
  return useMemo(() => {
    const latestByName = new Map(latest.map((s) => [s.name, s]));
    const heldNames = new Set(next.rows.map((s) => s.name));
    return {
      rows: next.rows.map((s) => latestByName.get(s.name) ?? s),
      waiting: latest.filter((s) => !heldNames.has(s.name)).length,
      showAll: () => setHeld({ viewKey, rows: latest }),
    };
  }, [latest, next, viewKey]);
}
