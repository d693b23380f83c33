import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session } from '../../schemas/wire';

/** What the rows on screen are: the filter (the API's and the on-screen one) and the page. */
export interface SelectionScope {
  filter: string;
  page: string;
}

const NOTHING: ReadonlySet<string> = new Set();
const plural = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

/**
 * The rows the user ticked. Selection belongs to the rows on screen: a refresh keeps the ticks of
 * rows still there and drops those of rows that left; a new filter or page clears it and says so
 * (`cleared`, for a visible notice and the live region).
 *
 * The selection is stored with the scope it was made in, and read through the current one during
 * render (so nothing is set while rendering); the clearing is committed, with its notice, after.
 */
export function useSelection(rows: readonly Session[], scope: SelectionScope) {
  const scopeKey = `${scope.filter}\n${scope.page}`;
  const [stored, setStored] = useState<{ scopeKey: string; filter: string; names: ReadonlySet<string> }>(
    () => ({ scopeKey, filter: scope.filter, names: NOTHING }),
  );
  const [cleared, setCleared] = useState<string>();

  const selected = useMemo(() => {
    if (stored.scopeKey !== scopeKey || stored.names.size === 0) return NOTHING;
    return new Set(rows.flatMap((s) => (s.name && stored.names.has(s.name) ? [s.name] : [])));
  }, [rows, stored, scopeKey]);

  useEffect(() => {
    if (stored.scopeKey === scopeKey) return;
    const count = stored.names.size;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the scope moved on: commit the clearing once
    setStored({ scopeKey, filter: scope.filter, names: NOTHING });
    if (count)
      setCleared(
        `Selection cleared (${plural(count)}): the ${stored.filter === scope.filter ? 'page' : 'filter'} changed.`,
      );
  }, [scopeKey, scope.filter, stored]);

  const toggle = useCallback(
    (name: string) =>
      setStored((current) => {
        const names = new Set(current.scopeKey === scopeKey ? current.names : []);
        if (names.has(name)) names.delete(name);
        else names.add(name);
        return { scopeKey, filter: scope.filter, names };
      }),
    [scopeKey, scope.filter],
  );

  /** All rows on the page, or none when all are ticked already. */
  const toggleAll = useCallback(() => {
    const everyName = rows.flatMap((s) => (s.name ? [s.name] : []));
    const all = everyName.length > 0 && everyName.every((name) => selected.has(name));
    setStored({ scopeKey, filter: scope.filter, names: all ? NOTHING : new Set(everyName) });
  }, [rows, selected, scopeKey, scope.filter]);

  /** After a bulk action: its sessions leave the selection. */
  const unselect = useCallback(
    (names: readonly string[]) =>
      setStored((current) => ({
        ...current,
        names: new Set([...current.names].filter((n) => !names.includes(n))),
      })),
    [],
  );

  return { selected, toggle, toggleAll, unselect, cleared, dismissCleared: () => setCleared(undefined) };
}
