import { describe, expect, it } from 'vitest';
import { listViewFromSearch, searchFromListView } from '../../schemas/session-list-view';
import type { Session } from '../../schemas/wire';
import { sortSessions } from './sort-rows';

const session = (id: string, state: Session['state'], createTime: string): Session => ({
  name: `projects/p/locations/l/sessions/${id}`,
  state,
  createTime,
});
const rows = [
  session('b', 'TERMINATED', '2026-11-27T02:00:00Z'),
  session('a', 'ACTIVE', '2026-11-27T03:00:00Z'),
  session('c', 'CREATING', '2026-11-27T01:00:00Z'),
];
const ids = (sessions: Session[]) => sessions.map((s) => s.name!.split('/').pop());

describe('sorting the rows on screen', () => {
  it('sorts by created, state (life order) and ID, either way; none keeps the API order', () => {
    expect(ids(sortSessions(rows, undefined))).toEqual(['b', 'a', 'c']);
    expect(ids(sortSessions(rows, { key: 'created', descending: true }))).toEqual(['a', 'b', 'c']);
    expect(ids(sortSessions(rows, { key: 'created', descending: false }))).toEqual(['c', 'b', 'a']);
    expect(ids(sortSessions(rows, { key: 'state', descending: false }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortSessions(rows, { key: 'id', descending: true }))).toEqual(['c', 'b', 'a']);
  });

  it('keeps the sort in the URL and drops one it does not know', () => {
    const view = listViewFromSearch({ sort: '-state' });
    expect(view.sort).toEqual({ key: 'state', descending: true });
    expect(searchFromListView(view).sort).toBe('-state');
    expect(listViewFromSearch({ sort: 'cost; drop table' }).sort).toBeUndefined();
  });
});
