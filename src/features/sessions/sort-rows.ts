import type { ListSort, SortKey } from '../../schemas/session-list-view';
import { SESSION_STATES } from '../../schemas/session-states';
import type { Session } from '../../schemas/wire';

/** States in their life order (Creating before Active before Terminating…), as the enum declares them. */
const STATE_ORDER = new Map<string, number>(SESSION_STATES.map((state, index) => [state, index]));

const KEYS: Record<SortKey, (session: Session) => string | number> = {
  created: (session) => Date.parse(session.createTime ?? '') || 0,
  state: (session) => STATE_ORDER.get(session.state ?? '') ?? -1,
  id: (session) => session.name ?? '',
};

/**
 * The rows on screen in the chosen order (stable: equal keys keep the API's order). Only this
 * page: the API has no `orderBy` for sessions, so other pages are not part of the order.
 */
export function sortSessions(sessions: Session[], sort: ListSort | undefined): Session[] {
  if (!sort) return sessions;
  const key = KEYS[sort.key];
  const direction = sort.descending ? -1 : 1;
  return sessions
    .map((session, index) => ({ session, index, value: key(session) }))
    .sort((a, b) => (a.value < b.value ? -direction : a.value > b.value ? direction : a.index - b.index))
    .map(({ session }) => session);
}
