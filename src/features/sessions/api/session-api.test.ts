import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, installMockFetch } from '../../../testing/mock-fetch';
import { sessionActionOptions } from './session-mutations';
import { sessionDetailQuery, sessionKeys, sessionListQuery, pollIntervalFor } from './session-queries';
import { waitForOperation } from '../../../lib/api/session-operations';

const fetchMock = installMockFetch();
const json = jsonResponse;
const NAME = 'projects/p/locations/l/sessions/s1';
const OP = 'projects/p/regions/l/operations/op-1';

describe('query keys and options', () => {
  it('nest generic to specific, so invalidating a parent reaches every list page', () => {
    const list = sessionKeys.list('projects/p/locations/l', { filter: 'state = ACTIVE', pageSize: 50 });
    expect(list.slice(0, sessionKeys.lists('projects/p/locations/l').length)).toEqual([
      ...sessionKeys.lists('projects/p/locations/l'),
    ]);
    expect(sessionKeys.detail(NAME)).toEqual(['sessions', 'detail', NAME]);
  });
  it('poll fast while changing, slowly while active, not at all once ended', () => {
    expect(pollIntervalFor({ state: 'CREATING' })).toBe(2000);
    expect(pollIntervalFor({ state: 'ACTIVE' })).toBe(10000);
    expect(pollIntervalFor({ state: 'FAILED' })).toBe(false);
    expect(pollIntervalFor({ state: 'TERMINATED' })).toBe(false);
  });
  it('list and detail queries call the API with their parameters', async () => {
    const client = new QueryClient();
    fetchMock.mockResolvedValueOnce(
      json(200, { sessions: [{ name: NAME, state: 'CREATING' }], nextPageToken: 't2' }),
    );
    const page = await client.fetchQuery(
      sessionListQuery('projects/p/locations/l', {
        filter: 'state = CREATING',
        pageSize: 20,
        pageToken: 't1',
      }),
    );
    expect(page.nextPageToken).toBe('t2');
    expect(fetchMock.mock.calls[0]![0]).toBe(
      '/v1/projects/p/locations/l/sessions?filter=state+%3D+CREATING&pageSize=20&pageToken=t1',
    );
    fetchMock.mockResolvedValueOnce(json(200, { name: NAME, state: 'ACTIVE' }));
    expect(await client.fetchQuery(sessionDetailQuery(NAME))).toEqual({ name: NAME, state: 'ACTIVE' });
  });
});

describe('waitForOperation', () => {
  it('polls the name the server returned until done, tolerating a transient failure', async () => {
    fetchMock
      .mockResolvedValueOnce(json(200, { name: OP }))
      .mockResolvedValueOnce(json(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'busy' } }))
      .mockResolvedValueOnce(json(200, { name: OP, done: true, response: { state: 'TERMINATED' } }));
    const done = await waitForOperation({ name: OP }, undefined, 1);
    expect(done.done).toBe(true);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([`/v1/${OP}`, `/v1/${OP}`, `/v1/${OP}`]);
  });
  it('turns a failed operation into an ApiError carrying its rpc status and message', async () => {
    fetchMock.mockResolvedValueOnce(
      json(200, { name: OP, done: true, error: { code: 9, message: 'Unsupported runtime version' } }),
    );
    await expect(waitForOperation({ name: OP }, undefined, 1)).rejects.toMatchObject({
      rpcStatus: 'FAILED_PRECONDITION',
      message: 'Unsupported runtime version',
    });
  });
});

describe('terminate and delete mutations', () => {
  it('retry a 503 with the same requestId, follow the operation, then refresh the list and the session', async () => {
    const client = new QueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    fetchMock
      .mockResolvedValueOnce(json(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'try again' } }))
      .mockResolvedValueOnce(json(200, { name: OP }))
      .mockResolvedValue(json(200, { name: OP, done: true, response: { name: NAME, state: 'TERMINATED' } }));
    const options = { ...sessionActionOptions(client, 'terminate'), retryDelay: 1 };
    const observer = new MutationObserver(client, options);
    const session = await observer.mutate({ name: NAME, requestId: 'req-7' });
    expect(session).toMatchObject({ state: 'TERMINATED' });
    const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([url, init]) => [url, init?.body])).toEqual([
      [`/v1/${NAME}:terminate`, '{"requestId":"req-7"}'],
      [`/v1/${NAME}:terminate`, '{"requestId":"req-7"}'],
    ]);
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toContainEqual(sessionKeys.lists('projects/p/locations/l'));
    expect(keys).toContainEqual(sessionKeys.detail(NAME));
  });
  it('do not retry a 400', async () => {
    const client = new QueryClient();
    fetchMock.mockResolvedValue(
      json(400, { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad requestId' } }),
    );
    const observer = new MutationObserver(client, {
      ...sessionActionOptions(client, 'delete'),
      retryDelay: 1,
    });
    await expect(observer.mutate({ name: NAME, requestId: 'x' })).rejects.toMatchObject({ httpStatus: 400 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe(`/v1/${NAME}?requestId=x`);
  });
});
