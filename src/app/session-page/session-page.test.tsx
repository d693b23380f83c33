// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Session } from '../../schemas/wire';
import { SessionPage } from './session-page';
import { SESSION_TABS } from './tabs';

/**
 * The session page as a layout with slots: its tab bar comes from SESSION_TABS, the Overview from
 * OVERVIEW_PANELS, and the URL's `tab` picks the content. Only fetch is replaced (the Spark tab asks
 * for its application).
 */
const NAME = 'projects/p/locations/l/sessions/s1';
const PATH = `/${NAME}`;
const session: Session = {
  name: NAME,
  state: 'ACTIVE',
  createTime: '2026-11-01T10:00:00Z',
  labels: { env: 'prod' },
  stateHistory: [{ state: 'CREATING', stateStartTime: '2026-11-01T10:00:00Z' }],
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  // No Spark application yet: the Spark tab says so.
  fetchMock.mockImplementation(
    async () =>
      new Response(JSON.stringify({}), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(search: string) {
  const location = memoryLocation({ path: PATH, searchPath: search, record: true });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <SessionPage
          session={session}
          place={{ project: 'p', location: 'l' }}
          refresh={{ error: null, retry: () => undefined }}
        />
      </Router>
    </QueryClientProvider>,
  );
  return { ...view, location };
}

describe('the session page', () => {
  it('draws one tab link per declared tab, the Overview current, with its panels', () => {
    renderAt('');
    const nav = screen.getByRole('navigation', { name: 'Session views' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(SESSION_TABS.map((tab) => tab.title));
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Spark' }).getAttribute('href')).toBe(`${PATH}?tab=spark`);
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('href')).toBe(PATH);
    expect(screen.getByRole('heading', { name: 'State history' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Labels' })).toBeTruthy();
    expect(screen.queryByTestId('no-spark-app')).toBeNull();
  });

  it('opens the tab the URL names, and only that one; its data is asked for', async () => {
    renderAt('tab=spark');
    const nav = screen.getByRole('navigation', { name: 'Session views' });
    expect(within(nav).getByRole('link', { name: 'Spark' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBeNull();
    expect(await screen.findByTestId('no-spark-app')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'State history' })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes(`${NAME}/sparkApplications`))).toBe(
      true,
    );
  });

  it('shows the Overview for a tab value nobody declared', () => {
    renderAt('tab=nonsense');
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Labels' })).toBeTruthy();
  });

  it('follows a click on a tab (the URL is the state)', async () => {
    const { location } = renderAt('');
    await act(async () => {
      screen.getByRole('link', { name: 'Spark' }).click();
    });
    expect(location.history.at(-1)).toBe(`${PATH}?tab=spark`);
    expect(await screen.findByTestId('no-spark-app')).toBeTruthy();
  });
});
