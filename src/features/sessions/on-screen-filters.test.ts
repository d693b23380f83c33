import { describe, expect, it } from 'vitest';
import type { Session } from '../../schemas/wire';
import {
  activeFilterCount,
  clearedFilters,
  filterExpression,
  hasFilters,
  readListView,
  writeListView,
} from './list-filters';
import { ON_SCREEN_FILTERS, applyOnScreen, choicesFor, onScreenText } from './on-screen-filters';

const P = 'projects/p/locations/l';
const rows: Session[] = [
  {
    name: `${P}/sessions/a`,
    creator: 'ann@x.com',
    sessionTemplate: `${P}/sessionTemplates/etl`,
    runtimeConfig: { version: '2.3' },
  },
  { name: `${P}/sessions/b`, creator: 'bob@x.com', runtimeConfig: { version: '3.0' } },
  { name: `${P}/sessions/c`, creator: 'ann@x.com', sessionTemplate: `${P}/sessionTemplates/etl` },
  { name: `${P}/sessions/d`, creator: 'ann@x.com', runtimeConfig: { version: '2.3.10' } },
];
const byKey = (key: string) => ON_SCREEN_FILTERS.find((f) => f.key === key)!;

describe('filters applied on screen', () => {
  it('round-trip through the URL and are never sent to the API', () => {
    const view = readListView(new URLSearchParams('creator=ann@x.com&template=etl&runtime=2.3&state=ACTIVE'));
    expect(view).toMatchObject({ creator: 'ann@x.com', template: 'etl', runtimeVersion: '2.3' });
    expect(readListView(writeListView(view))).toEqual(view);
    expect(filterExpression(view)).toBe('state = ACTIVE');
    expect(activeFilterCount(view)).toBe(4);
    expect(hasFilters(readListView(new URLSearchParams('runtime=3.0')))).toBe(true);
    expect(clearedFilters(view)).toMatchObject({
      creator: undefined,
      template: undefined,
      runtimeVersion: undefined,
    });
    expect(onScreenText(view)).toBe('creator = ann@x.com AND template = etl AND runtime version = 2.3');
  });

  it('keep the rows that match every one of them, exactly', () => {
    const view = (search: string) => readListView(new URLSearchParams(search));
    expect(applyOnScreen(rows, view('creator=ann@x.com')).map((s) => s.name)).toEqual([
      `${P}/sessions/a`,
      `${P}/sessions/c`,
      `${P}/sessions/d`,
    ]);
    expect(
      applyOnScreen(rows, view('creator=ann@x.com&template=etl&runtime=2.3')).map((s) => s.name),
    ).toEqual([`${P}/sessions/a`]);
    // 2.3 is not 2.3.10: a version is matched as written.
    expect(applyOnScreen(rows, view('runtime=2.3')).map((s) => s.name)).toEqual([`${P}/sessions/a`]);
    expect(applyOnScreen(rows, view(''))).toEqual(rows);
  });

  it('offer the values of the loaded rows, and the one in the URL even when no row has it', () => {
    expect(choicesFor(byKey('creator'), rows)).toEqual(['ann@x.com', 'bob@x.com']);
    expect(choicesFor(byKey('template'), rows)).toEqual(['etl']);
    expect(choicesFor(byKey('runtimeVersion'), rows)).toEqual(['2.3', '2.3.10', '3.0']);
    expect(choicesFor(byKey('creator'), rows, 'zed@x.com')).toEqual(['ann@x.com', 'bob@x.com', 'zed@x.com']);
  });
});
