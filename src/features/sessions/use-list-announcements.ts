import { useEffect, useRef } from 'react';
import { announce } from '../../lib/announce';
import type { Session } from '../../schemas/wire';
import { stateChangeMessage } from './state-changes';

/**
 * What the list reads out in the page's polite live region (src/lib/announce.ts), never moving
 * focus: a notice (selection cleared), how many new sessions wait to be shown, and the rows on
 * screen that changed state between two refreshes. All from effects: nothing is announced while
 * rendering, and the server renders none of it.
 */
export function useListAnnouncements({
  notice,
  waiting,
  rows,
}: {
  notice: string | undefined;
  waiting: number;
  rows: readonly Session[];
}) {
  useEffect(() => {
    if (notice) announce(notice);
  }, [notice]);

  useEffect(() => {
    if (waiting) announce(`${waiting} new session${waiting === 1 ? '' : 's'}.`);
  }, [waiting]);

  const previousRows = useRef(rows);
  useEffect(() => {
    const message = stateChangeMessage([...previousRows.current], [...rows]);
    previousRows.current = rows;
    if (message) announce(message);
  }, [rows]);
}
