// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { SessionCreatePage } from './session-create-page';

/**
 * Where a refused submit puts its errors: a summary at the top of the form, each problem a link
 * to its field, with the keyboard moved to the summary. Only fetch is replaced: there are no
 * templates, no session by the typed ID, and the create answers what `createAnswer` says.
 */
const PARENT = 'projects/p/locations/l';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let createAnswer: () => Response;
/** The list filter under which the fake API has a session (none by default). */
let takenFilter: string | undefined;
const creates: string[] = [];
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  creates.length = 0;
  takenFilter = undefined;
  sessionStorage.clear();
  createAnswer = () => json({ name: `${PARENT}/operations/op-1`, done: false });
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://console.test');
    if (init?.method === 'POST' && url.pathname === `/v1/${PARENT}/sessions`) {
      creates.push(url.search);
      return createAnswer();
    }
    if (url.pathname.startsWith(`/v1/${PARENT}/sessions/`))
      return json({ error: { code: 404, status: 'NOT_FOUND', message: 'Session not found' } }, 404);
    if (url.pathname === `/v1/${PARENT}/sessions` && url.searchParams.get('filter') === takenFilter)
      return json({ sessions: [{ name: `${PARENT}/sessions/taken-id`, state: 'ACTIVE' }] });
    return json({});
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const location = memoryLocation({ path: `/${PARENT}/sessions/new`, record: true });
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <SessionCreatePage place={{ project: 'p', location: 'l' }} />
      </Router>
    </QueryClientProvider>,
  );
  return location;
}

/** A text field by its label (a required one's label ends with " *"). */
const field = (label: string) => screen.getByRole('textbox', { name: new RegExp(`^${label}( \\*)?$`) });
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const submit = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Create session' }));
  });

describe('the create form after a refused submit', () => {
  it('lists each problem at the top as a link to its field, focuses the list, sends nothing', async () => {
    renderForm();
    type('Session ID', 'ab');
    type('Staging bucket', 'Not A Bucket');
    await submit();
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('heading').textContent).toBe('There are 2 problems; nothing was sent');
    const links = within(summary).getAllByRole('link');
    // In page order, each named after its field and pointing at it.
    expect(links.map((link) => link.textContent)).toEqual([
      expect.stringMatching(/^Session ID: The session ID must be 4 to 63/),
      expect.stringMatching(/^Staging bucket: /),
    ]);
    // Each link points at its own field (even without script, the fragment reaches it).
    const target = (link: HTMLElement) => document.querySelector(link.getAttribute('href')!);
    expect(target(links[0]!)?.contains(field('Session ID'))).toBe(true);
    expect(target(links[1]!)?.contains(field('Staging bucket'))).toBe(true);
    // The summary's position: before every field of the form.
    expect(
      summary.compareDocumentPosition(field('Session ID')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // Following a link puts the keyboard in the field.
    fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(field('Staging bucket'));
    // The count is said politely.
    expect(
      screen.getAllByRole('status').some((s) => s.textContent === 'There are 2 problems; nothing was sent.'),
    ).toBe(true);
    expect(creates).toEqual([]);
    // Fixing a field takes it off the list.
    type('Staging bucket', 'good-bucket');
    await waitFor(() => expect(within(summary).getAllByRole('link')).toHaveLength(1));
  });

  it('puts a refusal from the server in the same summary, linked to its field', async () => {
    createAnswer = () =>
      json(
        { error: { code: 409, status: 'ALREADY_EXISTS', message: 'Session taken-id already exists' } },
        409,
      );
    renderForm();
    type('Session ID', 'taken-id');
    await submit();
    const summary = await screen.findByTestId('error-summary');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const link = within(summary).getByRole('link');
    expect(link.textContent).toBe('Session ID: Session taken-id already exists');
    fireEvent.click(link);
    expect(document.activeElement).toBe(field('Session ID'));
    expect(creates).toHaveLength(1);
  });
});

describe('the session ID check as you type', () => {
  const sessionCalls = () =>
    fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://console.test'))
      .filter((url) => url.pathname.startsWith(`/v1/${PARENT}/sessions`));

  it('asks a list filtered to the ID, never a GET that would 404 for a free ID', async () => {
    renderForm();
    type('Session ID', 'a-free-id');
    await waitFor(() =>
      expect(sessionCalls().map((url) => url.searchParams.get('filter'))).toContain(
        'session_id = "a-free-id"',
      ),
    );
    const check = sessionCalls().find(
      (url) => url.searchParams.get('filter') === 'session_id = "a-free-id"',
    )!;
    expect(check.pathname).toBe(`/v1/${PARENT}/sessions`);
    expect(check.searchParams.get('pageSize')).toBe('1');
    expect(sessionCalls().filter((url) => url.pathname.startsWith(`/v1/${PARENT}/sessions/`))).toEqual([]);
    expect(screen.queryByTestId('id-taken')).toBeNull();
  });

  it('warns at the field when the list has a session by that ID', async () => {
    takenFilter = 'session_id = "taken-id"';
    renderForm();
    type('Session ID', 'taken-id');
    expect((await screen.findByTestId('id-taken', {}, { timeout: 3000 })).textContent).toMatch(
      /A session named taken-id already exists in l \(active/,
    );
  });
});
