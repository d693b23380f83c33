// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { listViewFromSearch } from '../../../schemas/session-list-view';
import type { Session } from '../../../schemas/wire';
import type { ListView } from '../list-filters';
import { SessionsListPage } from './sessions-list-page';

/**
 * The list page's own logic, in a DOM without a browser: which rows are selected as refreshes come
 * and go, rows held still under the pointer, and what is read out. Only fetch is replaced: it
 * answers the list call from `served`, which each test changes between refreshes.
 */
const PARENT = 'projects/p/locations/l';
const place = { project: 'p', location: 'l' };
const session = (id: string, state: Session['state'] = 'ACTIVE', minutesAgo = 10): Session => ({
  name: `${PARENT}/sessions/${id}`,
  state,
  createTime: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

let served: Session[] = [];
const listCalls: URL[] = [];
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  served = [];
  listCalls.length = 0;
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input), 'http://console.test');
    if (url.pathname === `/v1/${PARENT}/sessions`) listCalls.push(url);
    return new Response(JSON.stringify({ sessions: served }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.querySelector('[data-testid="announcer"]')?.remove();
});

const rowIds = () => screen.queryAllByTestId('session-row').map((row) => row.getAttribute('data-session'));

function renderList(
  initial: ListView = listViewFromSearch({}),
  onViewChange: (view: ListView) => void = () => undefined,
) {
  const location = memoryLocation({ path: `/${PARENT}/sessions` });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const page = (view: ListView) => (
    <QueryClientProvider client={client}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <SessionsListPage place={place} view={view} onViewChange={onViewChange} />
      </Router>
    </QueryClientProvider>
  );
  const utils = render(page(initial));
  return {
    ...utils,
    /** The list refreshes as it does on its own schedule (not the Refresh button, which shows all). */
    refreshed: () => act(() => client.refetchQueries()),
    showView: (view: ListView) => utils.rerender(page(view)),
  };
}

const announcer = () => document.querySelector('[data-testid="announcer"]');
const toolbar = () => screen.queryByRole('toolbar', { name: 'Selected sessions' });

describe('selection', () => {
  it('selects one row, then every row on the page, then none', async () => {
    served = [session('a'), session('b'), session('c')];
    renderList();
    await waitFor(() => expect(rowIds()).toEqual(['a', 'b', 'c']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select b' }));
    // The bulk actions load with the first selection.
    await waitFor(() => expect(within(toolbar()!).getByText('1 selected')).toBeTruthy());
    const all = screen.getByRole('checkbox', { name: 'Select all sessions on this page' });
    fireEvent.click(all);
    expect(within(toolbar()!).getByText('3 selected')).toBeTruthy();
    expect(
      ['a', 'b', 'c'].every(
        (id) => (screen.getByRole('checkbox', { name: `Select ${id}` }) as HTMLInputElement).checked,
      ),
    ).toBe(true);
    fireEvent.click(all);
    expect(toolbar()).toBeNull();
  });

  it('keeps the ticks of rows a refresh keeps, and drops those of rows that left', async () => {
    served = [session('a'), session('b'), session('c')];
    const list = renderList();
    await waitFor(() => expect(rowIds()).toEqual(['a', 'b', 'c']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select a' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select b' }));
    await waitFor(() => expect(within(toolbar()!).getByText('2 selected')).toBeTruthy());
    // b was deleted elsewhere; a changed state; the pointer is not over the table.
    served = [session('a', 'TERMINATING'), session('c')];
    await list.refreshed();
    await waitFor(() => expect(rowIds()).toEqual(['a', 'c']));
    expect(within(toolbar()!).getByText('1 selected')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Select a' }) as HTMLInputElement).checked).toBe(true);
    // b coming back later does not come back ticked.
    served = [session('a'), session('b'), session('c')];
    await list.refreshed();
    expect(within(toolbar()!).getByText('1 selected')).toBeTruthy();
  });

  it('a new filter clears the selection and says so, on screen and in the live region', async () => {
    served = [session('a'), session('b')];
    const list = renderList();
    await waitFor(() => expect(rowIds()).toEqual(['a', 'b']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all sessions on this page' }));
    list.showView(listViewFromSearch({ state: 'ACTIVE' }));
    const message = 'Selection cleared (2 sessions): the filter changed.';
    expect(await screen.findByText(message)).toBeTruthy();
    expect(toolbar()).toBeNull();
    await waitFor(() => expect(announcer()?.textContent).toBe(message));
    // The next page is a page change, not a filter change.
    await waitFor(() => expect(rowIds()).toEqual(['a', 'b']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select a' }));
    list.showView(listViewFromSearch({ state: 'ACTIVE', pages: 'token-2' }));
    expect(await screen.findByText('Selection cleared (1 session): the page changed.')).toBeTruthy();
  });
});

describe('calm rows', () => {
  it('holds the rows under the pointer still while refreshes arrive; new sessions wait behind a notice', async () => {
    served = [session('old-1'), session('old-2'), session('old-3')];
    const list = renderList();
    await waitFor(() => expect(rowIds()).toEqual(['old-1', 'old-2', 'old-3']));
    const table = screen.getByLabelText('Sessions table');
    fireEvent.pointerEnter(table);
    // A session is created (it comes first in the API's order) and old-2 is deleted.
    served = [session('fresh', 'CREATING', 0), session('old-1', 'TERMINATING'), session('old-3')];
    await list.refreshed();
    // Nothing moved: old-2 stays where it was, as last seen; the new one is counted, not inserted.
    await waitFor(() => expect(screen.getByTestId('show-new').textContent).toMatch(/^1 new session — show$/));
    expect(rowIds()).toEqual(['old-1', 'old-2', 'old-3']);
    // Rows still there are updated in place.
    const stateOf = (id: string) =>
      document.querySelector(`[data-session="${id}"] [data-state]`)?.getAttribute('data-state');
    expect(stateOf('old-1')).toBe('TERMINATING');
    // Another refresh with the pointer still inside: still nothing moves.
    served = [session('fresh-2', 'CREATING', 0), ...served];
    await list.refreshed();
    await waitFor(() => expect(screen.getByTestId('show-new').textContent).toMatch(/^2 new sessions/));
    expect(rowIds()).toEqual(['old-1', 'old-2', 'old-3']);
    // The pointer leaves: the deleted row goes; the new ones still wait for the user.
    fireEvent.pointerLeave(table);
    await waitFor(() => expect(rowIds()).toEqual(['old-1', 'old-3']));
    fireEvent.click(screen.getByTestId('show-new'));
    await waitFor(() => expect(rowIds()).toEqual(['fresh-2', 'fresh', 'old-1', 'old-3']));
    expect(screen.queryByTestId('show-new')).toBeNull();
  });

  it('an empty list takes the first sessions as they come, without a notice', async () => {
    const list = renderList();
    expect(await screen.findByText(/No sessions in p \/ l yet/)).toBeTruthy();
    served = [session('first', 'CREATING', 0)];
    await list.refreshed();
    await waitFor(() => expect(rowIds()).toEqual(['first']));
    expect(screen.queryByTestId('show-new')).toBeNull();
  });
});

describe('announcements', () => {
  it('reads out new sessions and state changes politely', async () => {
    served = [session('one', 'CREATING', 1), session('two')];
    const list = renderList();
    await waitFor(() => expect(rowIds()).toEqual(['one', 'two']));
    fireEvent.pointerEnter(screen.getByLabelText('Sessions table'));
    served = [session('three', 'CREATING', 0), ...served];
    await list.refreshed();
    await waitFor(() => expect(announcer()?.textContent).toBe('1 new session.'));
    const region = announcer()!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('role')).toBe('status');
    served = [session('three', 'CREATING', 0), session('one', 'ACTIVE', 1), session('two')];
    await list.refreshed();
    await waitFor(() => expect(announcer()?.textContent).toBe('one is now active.'));
  });
});

describe('filters the API cannot do', () => {
  it('filter the loaded rows on screen, say so, and offer the loaded values', async () => {
    served = [
      { ...session('a'), creator: 'ann@x.com', runtimeConfig: { version: '2.3' } },
      { ...session('b'), creator: 'bob@x.com', runtimeConfig: { version: '3.0' } },
      { ...session('c'), creator: 'ann@x.com' },
    ];
    const changes: ListView[] = [];
    renderList(listViewFromSearch({ creator: 'ann@x.com' }), (view) => changes.push(view));
    await waitFor(() => expect(rowIds()).toEqual(['a', 'c']));
    expect(screen.getByTestId('on-screen-note').textContent).toBe(
      'On screen: 2 of 3 loaded rows (the API cannot filter by these)',
    );
    // The API was asked for the region's sessions, with no filter of its own.
    expect(listCalls.every((url) => !url.searchParams.has('filter'))).toBe(true);
    const more = screen.getByRole('button', { name: 'More filters (1)' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: 'Filters applied on screen' })).toBeNull();
    fireEvent.click(more);
    const panel = screen.getByRole('group', { name: 'Filters applied on screen' });
    const version = within(panel).getByRole('combobox', { name: 'Runtime version (on screen)' });
    expect([...version.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Any', '2.3', '3.0']);
    fireEvent.change(version, { target: { value: '2.3' } });
    expect(changes.at(-1)).toMatchObject({ creator: 'ann@x.com', runtimeVersion: '2.3', pageTokens: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Creator: ann@x.com' }));
    expect(changes.at(-1)?.creator).toBeUndefined();
  });
});

describe('saved views', () => {
  beforeEach(() => localStorage.clear());

  it('saves the current filters and sort under a name, lists it as a link to its URL, deletes it', async () => {
    served = [session('a')];
    renderList(listViewFromSearch({ state: 'ACTIVE', creator: 'ann@x.com', sort: '-created', pages: 'tok' }));
    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    const dialog = await screen.findByRole('dialog', { name: 'Saved views' });
    expect(within(dialog).getByText('No saved views yet.')).toBeTruthy();
    const name = within(dialog).getByRole('textbox', { name: 'Name for the current view' });
    // A view needs a name.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(within(dialog).getByText('Give the view a name.')).toBeTruthy();
    fireEvent.change(name, { target: { value: 'My active' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    expect(within(dialog).getByRole('status').textContent).toBe('Saved view My active.');
    const link = within(dialog).getByRole('link', { name: 'My active' });
    // The view is its URL (without the page): a link that can be shared.
    expect(link.getAttribute('href')).toBe(
      `/${PARENT}/sessions?state=ACTIVE&sort=-created&creator=ann%40x.com`,
    );
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(JSON.parse(localStorage.getItem('dataproc-console.saved-list-views')!)).toEqual([
      { name: 'My active', query: '?state=ACTIVE&sort=-created&creator=ann%40x.com' },
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete view My active' }));
    expect(within(dialog).queryByRole('link', { name: 'My active' })).toBeNull();
    expect(localStorage.getItem('dataproc-console.saved-list-views')).toBe('[]');
  });

  it('ignores a hand-edited store instead of failing, and drops values the route does not accept', async () => {
    localStorage.setItem(
      'dataproc-console.saved-list-views',
      JSON.stringify([{ name: 'Odd', query: '?sort=sideways&created=2y&state=FAILED' }]),
    );
    renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    const dialog = await screen.findByRole('dialog', { name: 'Saved views' });
    expect(within(dialog).getByRole('link', { name: 'Odd' }).getAttribute('href')).toBe(
      `/${PARENT}/sessions?state=FAILED&sort=sideways`,
    );
    cleanup();
    localStorage.setItem('dataproc-console.saved-list-views', '{not json');
    renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Saved views' }));
    expect(within(await screen.findByRole('dialog')).getByText('No saved views yet.')).toBeTruthy();
  });
});

describe('creates in another tab', () => {
  it('make the list ask at once and show the new session; creates in other regions do not', async () => {
    served = [session('older')];
    renderList();
    await waitFor(() => expect(rowIds()).toEqual(['older']));
    const tell = (parent: string) => {
      // What the create form of another tab sends when the API accepted its create.
      const otherTab = new BroadcastChannel('dataproc-console.sessions-created');
      otherTab.postMessage({ parent });
      otherTab.close();
    };
    // Nothing here is changing state, so the list's own next refresh is 10 s away.
    const callsBefore = listCalls.length;
    tell('projects/p/locations/other');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listCalls.length).toBe(callsBefore);
    served = [session('just-made', 'CREATING', 0), session('older')];
    tell(PARENT);
    await waitFor(() => expect(listCalls.length).toBeGreaterThan(callsBefore));
    await waitFor(() => expect(screen.getByTestId('show-new').textContent).toMatch(/^1 new session/));
  });
});
