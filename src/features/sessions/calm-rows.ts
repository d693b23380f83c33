import { useState } from 'react';
import type { Session } from '../../schemas/wire';

/**
 * The rows as shown, kept still while the list refreshes underneath: rows already on screen are
 * updated in place; new rows wait (counted) until the user asks for them; rows that vanished stay,
 * as last seen, until the pointer leaves the table. So a row under the pointer never moves and a
 * click lands where it was aimed. A new view (filter, page) or an empty table takes the rows as
 * they come.
 */
export function useCalmRows(latest: Session[], viewKey: string, pointerInside: boolean) {
  const [held, setHeld] = useState<{ key: string; rows: Session[] }>({ key: viewKey, rows: latest });
  const latestByName = new Map(latest.map((s) => [s.name, s]));
  let rows = held.rows;
  if (held.key !== viewKey || held.rows.length === 0) {
    if (held.key !== viewKey || latest.length > 0) setHeld({ key: viewKey, rows: latest });
    rows = latest;
  } else {
    const vanished = rows.some((s) => !latestByName.has(s.name));
    if (vanished && !pointerInside) {
      rows = rows.filter((s) => latestByName.has(s.name));
      setHeld({ key: viewKey, rows });
    }
  }
  const heldNames = new Set(rows.map((s) => s.name));
  const shown = rows.map((s) => latestByName.get(s.name) ?? s);
  const waiting = latest.filter((s) => !heldNames.has(s.name)).length;
  return { rows: shown, waiting, showAll: () => setHeld({ key: viewKey, rows: latest }) };
}
