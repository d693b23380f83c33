import { afterEach, beforeEach, vi } from 'vitest';

/** Replaces fetch (the one thing unit tests may mock) for the tests of the calling file. */
export function installMockFetch() {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('window', { location: { origin: 'http://console.test' } });
    fetchMock.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());
  return fetchMock;
}

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
