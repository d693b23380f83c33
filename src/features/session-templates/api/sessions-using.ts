import { useEffect, useState } from 'react';
import { listSessions } from '../../../lib/api/sessions-api';
import { parentOf } from '../../../schemas/names';
import type { Session } from '../../../schemas/wire';

/** Sessions are scanned in pages of this size, at most this many: the scan says when it stopped. */
export const SCAN_PAGE_SIZE = 500;
export const SCAN_CAP = 5000;

export interface SessionsUsing {
  sessions: Session[];
  scanned: number;
  done: boolean;
  /** The cap was reached before the end of the list: there may be more. */
  capped: boolean;
  error?: Error;
}

const START: SessionsUsing = { sessions: [], scanned: 0, done: false, capped: false };

/**
 * The sessions in the template's region that were made from it. The list API cannot filter by
 * template, so pages are read and matched here, newest first, up to SCAN_CAP sessions.
 */
export function useSessionsUsing(templateName: string, cap = SCAN_CAP): SessionsUsing {
  // Kept with the name it is for, so another template starts from nothing without a reset.
  const [state, setState] = useState<SessionsUsing & { for?: string }>(START);
  useEffect(() => {
    const abort = new AbortController();
    const found: Session[] = [];
    let scanned = 0;
    const update = (next: SessionsUsing) => setState({ ...next, for: templateName });
    void (async () => {
      let pageToken: string | undefined;
      try {
        do {
          const page = await listSessions(
            parentOf(templateName),
            { pageSize: Math.min(SCAN_PAGE_SIZE, cap - scanned), pageToken },
            abort.signal,
          );
          const sessions = page.sessions ?? [];
          scanned += sessions.length;
          found.push(...sessions.filter((s) => s.sessionTemplate === templateName));
          pageToken = page.nextPageToken || undefined;
          update({ sessions: [...found], scanned, done: !pageToken, capped: false });
        } while (pageToken && scanned < cap);
        if (pageToken) update({ sessions: [...found], scanned, done: true, capped: true });
      } catch (error) {
        if (abort.signal.aborted) return;
        update({
          sessions: [...found],
          scanned,
          done: true,
          capped: false,
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    })();
    return () => abort.abort();
  }, [templateName, cap]);
  return state.for === templateName ? state : START;
}
