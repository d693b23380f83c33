import { describe, expect, it } from 'vitest';
import { lenient } from '../schemas/wire';
import { ApiError, apiRequest, retryDelay, shouldRetry } from './api-client';
import { jsonResponse, installMockFetch } from '../testing/mock-fetch';

const fetchMock = installMockFetch();
const json = jsonResponse;

describe('apiRequest', () => {
  it('calls /v1 on the server that served the page, with query and signal and no token, and parses the response', async () => {
    fetchMock.mockResolvedValue(json(200, { state: 'ACTIVE', somethingNew: 1 }));
    const controller = new AbortController();
    const session = await apiRequest('projects/p/locations/l/sessions/s', {
      query: { pageSize: 5, filter: 'state = ACTIVE', pageToken: undefined },
      signal: controller.signal,
      schema: lenient.Session,
    });
    expect(session).toEqual({ state: 'ACTIVE' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/v1/projects/p/locations/l/sessions/s?pageSize=5&filter=state+%3D+ACTIVE');
    expect(init?.signal).toBe(controller.signal);
    expect(init?.headers).toEqual({});
  });

  it('sends JSON bodies', async () => {
    fetchMock.mockResolvedValue(json(200, { name: 'op' }));
    await apiRequest('x', { method: 'POST', body: { a: 1 }, schema: lenient.Operation });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/v1/x');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('turns an error envelope into an ApiError with status, rpc status, message and field violations', async () => {
    fetchMock.mockResolvedValue(
      json(400, {
        error: {
          code: 400,
          status: 'INVALID_ARGUMENT',
          message: 'Invalid value for sessionId',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'sessionId', description: 'too short' }],
            },
            { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'X' },
          ],
        },
      }),
    );
    const error = await apiRequest('x', { schema: lenient.Session }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      httpStatus: 400,
      rpcStatus: 'INVALID_ARGUMENT',
      message: 'Invalid value for sessionId',
      fieldViolations: [{ field: 'sessionId', description: 'too short' }],
    });
  });

  it('reads the answer with a schema given as a promise (loaded alongside the request)', async () => {
    fetchMock.mockResolvedValue(json(200, { state: 'ACTIVE', somethingNew: 1 }));
    const session = await apiRequest('x', { schema: Promise.resolve(lenient.Session) });
    expect(session).toEqual({ state: 'ACTIVE' });
  });

  it('keeps only well-formed field violations, and calls a malformed envelope a message-less error', async () => {
    const envelope = (details: unknown) =>
      json(400, { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Bad', details } });
    const badRequest = 'type.googleapis.com/google.rpc.BadRequest';
    fetchMock.mockResolvedValueOnce(
      envelope([{ '@type': badRequest, fieldViolations: [{ field: 'a', description: 'x', extra: 1 }] }]),
    );
    await expect(apiRequest('x', { schema: lenient.Session })).rejects.toMatchObject({
      fieldViolations: [{ field: 'a', description: 'x' }],
    });
    // A violation without a description: the message stands, no field is marked.
    fetchMock.mockResolvedValueOnce(envelope([{ '@type': badRequest, fieldViolations: [{ field: 'a' }] }]));
    await expect(apiRequest('x', { schema: lenient.Session })).rejects.toMatchObject({
      message: 'Bad',
      fieldViolations: [],
    });
    for (const body of [
      { error: { code: '400', message: 'Bad' } },
      { error: { code: 400 } },
      { error: { code: 400, message: 'Bad', details: ['not an object'] } },
      { error: { code: 400, message: 'Bad', status: 3 } },
      { error: [] },
    ]) {
      fetchMock.mockResolvedValueOnce(json(400, body));
      await expect(apiRequest('x', { schema: lenient.Session })).rejects.toMatchObject({
        httpStatus: 400,
        rpcStatus: 'UNKNOWN',
        message: 'The server answered HTTP 400 without an error message.',
      });
    }
  });

  it('reports a network failure as status 0, transient', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    const error = (await apiRequest('x', { schema: lenient.Session }).catch((e: unknown) => e)) as ApiError;
    expect(error.isNetwork).toBe(true);
    expect(error.isTransient).toBe(true);
    expect(error.message).toMatch(/Cannot reach the console server/);
  });

  it('rethrows an abort as it is, not as a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    fetchMock.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    await expect(
      apiRequest('x', { schema: lenient.Session, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a body that is not JSON or not a Session', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>proxy error</html>', { status: 502 }));
    await expect(apiRequest('x', { schema: lenient.Session })).rejects.toMatchObject({
      rpcStatus: 'BAD_RESPONSE',
      httpStatus: 502,
    });
    fetchMock.mockResolvedValueOnce(json(200, { state: 'PARTYING' }));
    await expect(apiRequest('x', { schema: lenient.Session })).rejects.toMatchObject({
      rpcStatus: 'BAD_RESPONSE',
    });
  });
});

describe('retry policy', () => {
  it('retries reads only on 429, 5xx and network errors, at most three times', () => {
    const error = (status: number) => new ApiError(status, 'X', 'x');
    expect(shouldRetry(0, error(429))).toBe(true);
    expect(shouldRetry(0, error(503))).toBe(true);
    expect(shouldRetry(0, error(0))).toBe(true);
    expect(shouldRetry(3, error(503))).toBe(false);
    expect(shouldRetry(0, error(400))).toBe(false);
    expect(shouldRetry(0, error(404))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });
  it('backs off exponentially up to 8 s', () => {
    expect([0, 1, 2, 3, 10].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000]);
  });
});
