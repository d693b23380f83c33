import type { Session } from '../../schemas/wire';
import { idOf } from '../../schemas/names';
import { STATE_LABEL } from '../../lib/session-state';

/**
 * What to read out when rows on screen change state between two refreshes: each by name when
 * there are a few, a count when there are many. Rows that came or went are not state changes.
 */
export function stateChangeMessage(before: Session[], after: Session[]): string | undefined {
  const previous = new Map(before.map((s) => [s.name, s.state]));
  const changed = after.filter((s) => {
    const was = previous.get(s.name);
    return was !== undefined && s.state !== undefined && was !== s.state;
  });
  if (changed.length === 0) return undefined;
  if (changed.length > 3) return `${changed.length} sessions changed state.`;
  return changed.map((s) => `${idOf(s.name)} is now ${STATE_LABEL[s.state!].toLowerCase()}.`).join(' ');
}
