import { describe, expect, it } from 'vitest';
import { clearedFilters, filterExpression, readListView, withFilters, writeListView } from './list-filters';

describe('session list view in the URL', () => {
  it('round-trips through the query string', () => {
    const params = new URLSearchParams(
      'state=ACTIVE,FAILED&label=env=prod&label=team=&after=2026-01-01T00:00:00.000Z&q=etl&pageSize=100&pages=a,b',
    );
    const view = readListView(params);
    expect(view).toMatchObject({
      states: ['ACTIVE', 'FAILED'],
      labels: [
        { key: 'env', value: 'prod' },
        { key: 'team', value: '' },
      ],
      search: 'etl',
      pageSize: 100,
      pageTokens: ['a', 'b'],
    });
    expect(readListView(writeListView(view))).toEqual(view);
  });
  it('builds the API filter from the simple controls', () => {
    const view = readListView(new URLSearchParams('state=ACTIVE,CREATING&label=env=prod&q=etl'));
    expect(filterExpression(view)).toBe(
      '(state = ACTIVE OR state = CREATING) AND labels.env = "prod" AND session_id = "*etl*"',
    );
    expect(filterExpression(readListView(new URLSearchParams('state=FAILED')))).toBe('state = FAILED');
  });
  it('drops unknown states and bad page sizes from a hand-edited URL', () => {
    const view = readListView(new URLSearchParams('state=RUNNING,ACTIVE&pageSize=7'));
    expect(view.states).toEqual(['ACTIVE']);
    expect(view.pageSize).toBe(50);
  });
  it('a custom expression is sent verbatim', () => {
    expect(
      filterExpression(readListView(new URLSearchParams('filter=state%20%3D%20ACTIVE%20and%20labels.x%3Dy'))),
    ).toBe('state = ACTIVE and labels.x=y');
  });
  it('changing or clearing filters returns to page 1', () => {
    const view = readListView(new URLSearchParams('state=ACTIVE&pages=a,b'));
    expect(withFilters(view, { search: 'x' }).pageTokens).toEqual([]);
    expect(clearedFilters(view)).toMatchObject({ states: [], pageTokens: [] });
  });
  it('quotes label values and searches safely', () => {
    const view = readListView(new URLSearchParams('q=a"b'));
    expect(filterExpression(view)).toBe('session_id = "*a\\"b*"');
  });
});
