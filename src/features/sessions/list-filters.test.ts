import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  clearedFilters,
  filterExpression,
  formatRangeInput,
  parseRangeInput,
  presetStart,
  readListView,
  withFilters,
  writeListView,
} from './list-filters';

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

describe('created filter: presets and the compact range', () => {
  it('a preset is kept in the URL as such and turns into a start rounded to the minute', () => {
    const view = readListView(new URLSearchParams('created=1h'));
    expect(view.createdPreset).toBe('1h');
    expect(view.createdAfter).toMatch(/:00\.000Z$/);
    const start = Date.parse(view.createdAfter!);
    expect(Date.now() - start).toBeGreaterThanOrEqual(3600_000);
    expect(Date.now() - start).toBeLessThan(3660_000);
    expect(writeListView(view).toString()).toBe('created=1h');
    expect(presetStart('7d', Date.parse('2026-11-26T03:30:45Z'))).toBe('2026-11-19T03:30:00.000Z');
  });
  it('an unknown preset is ignored', () => {
    expect(readListView(new URLSearchParams('created=1y')).createdPreset).toBeUndefined();
  });
  it('range boxes read "YYYY-MM-DD HH:mm" in UTC and refuse impossible dates', () => {
    expect(parseRangeInput('2026-01-15 10:00', 'utc')).toBe('2026-01-15T10:00:00.000Z');
    expect(parseRangeInput('2026-01-15', 'utc')).toBe('2026-01-15T00:00:00.000Z');
    expect(parseRangeInput('  ', 'utc')).toBe('');
    expect(parseRangeInput('2026-02-31 10:00', 'utc')).toBeUndefined();
    expect(parseRangeInput('2026-01-15 24:00', 'utc')).toBeUndefined();
    expect(parseRangeInput('15/01/2026', 'utc')).toBeUndefined();
    expect(formatRangeInput('2026-01-15T10:00:00.000Z', 'utc')).toBe('2026-01-15 10:00');
  });
  it('in local time the box and the filter name the same instant', () => {
    const iso = parseRangeInput('2026-07-01 08:30', 'local')!;
    expect(new Date(iso).getHours()).toBe(8);
    expect(new Date(iso).getMinutes()).toBe(30);
    expect(formatRangeInput(iso, 'local')).toBe('2026-07-01 08:30');
  });
  it('counts active filters as the folded Filters button shows them', () => {
    expect(activeFilterCount(readListView(new URLSearchParams('')))).toBe(0);
    expect(
      activeFilterCount(
        readListView(new URLSearchParams('state=ACTIVE,FAILED&label=a=1&label=b=2&q=x&created=1d')),
      ),
    ).toBe(5);
    expect(activeFilterCount(readListView(new URLSearchParams('filter=state%20%3D%20ACTIVE')))).toBe(1);
  });
});
