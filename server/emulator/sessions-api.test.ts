import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkAgainstDiscovery, checkOperation } from '../testing/discovery';
import { httpClient } from '../testing/http';
import { startTestServer, waitFor, type TestServer } from '../testing/test-server';

const PARENT = 'projects/p1/locations/us-central1';
let server: TestServer;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  // Long enough that a GET right after a terminate still sees TERMINATING on a busy machine.
  server = await startTestServer({ transitionMs: 200 });
  call = httpClient(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset(false));

interface Op {
  name: string;
  done?: boolean;
  metadata: Record<string, unknown>;
  response?: Record<string, unknown>;
  error?: { code: number; message: string };
}
interface ErrorBody {
  error: {
    code: number;
    status: string;
    message: string;
    details?: { '@type': string; fieldViolations?: { field: string; description: string }[] }[];
  };
}

async function create(id: string, session: Record<string, unknown> = {}, query = '') {
  return call<Op & ErrorBody>('POST', `/v1/${PARENT}/sessions?sessionId=${id}${query}`, session);
}
async function waitOp(name: string): Promise<Op> {
  return waitFor(async () => {
    const { body } = await call<Op>('GET', `/v1/${name}`);
    return body.done ? body : undefined;
  });
}
async function count(): Promise<number> {
  const { body } = await call<{ sessions?: unknown[] }>('GET', `/v1/${PARENT}/sessions?pageSize=1000`);
  return body.sessions?.length ?? 0;
}

describe('sessions.create and the lifecycle', () => {
  it('returns a regions-named Operation at once, then completes it with the ACTIVE session', async () => {
    const { status, body } = await create('first', {
      jupyterSession: { kernel: 'PYTHON' },
      labels: { team: 'x' },
    });
    expect(status).toBe(200);
    expect(body.name).toMatch(/^projects\/p1\/regions\/us-central1\/operations\/[0-9a-f-]{36}$/);
    expect(body.done).toBeUndefined();
    expect(body.metadata).toMatchObject({
      operationType: 'CREATE',
      description: 'Create session',
      session: `${PARENT}/sessions/first`,
    });
    expect(checkOperation(body)).toEqual([]);
    const done = await waitOp(body.name);
    expect(checkOperation(done)).toEqual([]);
    expect(done.metadata.doneTime).toBeDefined();
    expect(done.response).toMatchObject({ state: 'ACTIVE', stateHistory: [{ state: 'CREATING' }] });
  });

  it('fills the server fields as the real API does', async () => {
    await waitOp((await create('filled')).body.name);
    const { body } = await call<Record<string, unknown>>('GET', `/v1/${PARENT}/sessions/filled`);
    expect(checkAgainstDiscovery(body, 'Session')).toEqual([]);
    expect(body).toMatchObject({
      name: `${PARENT}/sessions/filled`,
      state: 'ACTIVE',
      creator: expect.stringContaining('@'),
      environmentConfig: { executionConfig: { idleTtl: '3600s', ttl: '86400s' } },
      runtimeInfo: {
        endpoints: expect.any(Object),
        currentUsage: { milliDcu: expect.stringMatching(/^\d+$/) },
      },
    });
    expect(body.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.createTime).toMatch(/Z$/);
  });

  it('walks CREATING → ACTIVE → TERMINATING → TERMINATED, recording each state in order', async () => {
    await waitOp((await create('walk')).body.name);
    const { body: op } = await call<Op>('POST', `/v1/${PARENT}/sessions/walk:terminate`, {});
    expect(op.metadata).toMatchObject({ operationType: 'TERMINATE' });
    const { body: mid } = await call<Record<string, unknown>>('GET', `/v1/${PARENT}/sessions/walk`);
    expect(mid.state).toBe('TERMINATING');
    const done = await waitOp(op.name);
    const session = done.response as {
      state: string;
      stateHistory: { state: string; stateStartTime: string }[];
      runtimeInfo: Record<string, unknown>;
    };
    expect(session.state).toBe('TERMINATED');
    expect(session.stateHistory.map((h) => h.state)).toEqual(['CREATING', 'ACTIVE', 'TERMINATING']);
    const times = session.stateHistory.map((h) => Date.parse(h.stateStartTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(session.runtimeInfo.approximateUsage).toMatchObject({
      milliDcuSeconds: expect.stringMatching(/^\d+$/),
    });
    expect(session.runtimeInfo.endpoints).toBeUndefined();
  });

  it('fails an unsupported runtime version with a message, and the create operation carries the error', async () => {
    const { body } = await create('old-runtime', { runtimeConfig: { version: '0.9' } });
    const done = await waitOp(body.name);
    expect(done.error).toMatchObject({
      code: 9,
      message: expect.stringContaining('Unsupported runtime version "0.9"'),
    });
    const { body: session } = await call<Record<string, unknown>>(
      'GET',
      `/v1/${PARENT}/sessions/old-runtime`,
    );
    expect(session).toMatchObject({ state: 'FAILED', stateMessage: expect.stringContaining('0.9') });
  });

  it('fails a session during start-up when the control API says so', async () => {
    const { body } = await create('doomed');
    await call('POST', '/control/sessions:fail', {
      name: `${PARENT}/sessions/doomed`,
      message: 'Quota exceeded for CPUS.',
    });
    const done = await waitOp(body.name);
    expect(done.error?.message).toBe('Quota exceeded for CPUS.');
  });

  it('ends a session at its idle TTL on the injected clock', async () => {
    await waitOp(
      (await create('idle', { environmentConfig: { executionConfig: { idleTtl: '600s' } } })).body.name,
    );
    await call('POST', '/control/clock:advance', { seconds: 601 });
    const ended = await waitFor(async () => {
      const { body } = await call<{
        state: string;
        stateHistory: { state: string; stateMessage?: string }[];
      }>('GET', `/v1/${PARENT}/sessions/idle`);
      return body.state === 'TERMINATED' ? body : undefined;
    });
    expect(ended.stateHistory.at(-1)?.stateMessage).toMatch(/idle TTL/);
  });

  it('ends a session at its TTL when that comes first', async () => {
    await waitOp(
      (await create('short', { environmentConfig: { executionConfig: { ttl: '900s', idleTtl: '3600s' } } }))
        .body.name,
    );
    await call('POST', '/control/clock:advance', { seconds: 899 });
    expect((await call<{ state: string }>('GET', `/v1/${PARENT}/sessions/short`)).body.state).toBe('ACTIVE');
    await call('POST', '/control/clock:advance', { seconds: 2 });
    // Two seconds is longer than TERMINATING lasts here, so the session has ended by now.
    const { body } = await call<{ state: string; stateHistory: { state: string; stateMessage?: string }[] }>(
      'GET',
      `/v1/${PARENT}/sessions/short`,
    );
    expect(body.state).toBe('TERMINATED');
    expect(body.stateHistory.at(-1)).toMatchObject({
      state: 'TERMINATING',
      stateMessage: expect.stringMatching(/TTL \(900s\)/),
    });
  });

  it('ignores output-only fields sent by a client', async () => {
    const { status, body } = await create('sneaky', {
      state: 'TERMINATED',
      uuid: 'mine',
      creator: 'me@x.com',
      stateHistory: [],
    });
    expect(status).toBe(200);
    const session = (await waitOp(body.name)).response!;
    expect(session.state).toBe('ACTIVE');
    expect(session.uuid).not.toBe('mine');
    expect(session.creator).not.toBe('me@x.com');
  });

  it('accepts numeric enums and answers with numbers when asked for enum-encoding=int', async () => {
    const { status, body } = await call<Op>(
      'POST',
      `/v1/${PARENT}/sessions?sessionId=ints&$alt=json%3Benum-encoding%3Dint`,
      {
        jupyterSession: { kernel: 2 },
      },
    );
    expect(status).toBe(200);
    expect(body.metadata.operationType).toBe(1);
    await waitOp(body.name);
    const { body: session } = await call<{ state: number; jupyterSession: { kernel: number } }>(
      'GET',
      `/v1/${PARENT}/sessions/ints?$alt=json;enum-encoding=int`,
    );
    expect(session.state).toBe(2);
    expect(session.jupyterSession.kernel).toBe(2);
    const { body: named } = await call<{ jupyterSession: { kernel: string } }>(
      'GET',
      `/v1/${PARENT}/sessions/ints`,
    );
    expect(named.jupyterSession.kernel).toBe('SCALA');
  });
});

describe('validation: 400 INVALID_ARGUMENT naming the field, and nothing stored', () => {
  const cases: [string, string, unknown, string][] = [
    ['short session id', 'abc', {}, 'sessionId'],
    ['upper-case session id', 'My-Session', {}, 'sessionId'],
    ['64-character session id', 'a'.repeat(64), {}, 'sessionId'],
    ['bad label key', 'ok-id', { labels: { 'Bad Key': 'v' } }, 'session.labels'],
    ['bad label value', 'ok-id', { labels: { k: 'UPPER' } }, 'session.labels'],
    [
      '33 labels',
      'ok-id',
      { labels: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])) },
      'session.labels',
    ],
    [
      'ttl under 10 minutes',
      'ok-id',
      { environmentConfig: { executionConfig: { ttl: '599s' } } },
      'session.environmentConfig.executionConfig.ttl',
    ],
    [
      'idleTtl over 14 days',
      'ok-id',
      { environmentConfig: { executionConfig: { idleTtl: '1209601s' } } },
      'session.environmentConfig.executionConfig.idleTtl',
    ],
    [
      'ttl not a duration',
      'ok-id',
      { environmentConfig: { executionConfig: { ttl: '1h' } } },
      'session.environmentConfig.executionConfig.ttl',
    ],
    [
      'network and subnetwork',
      'ok-id',
      { environmentConfig: { executionConfig: { networkUri: 'n', subnetworkUri: 's' } } },
      'session.environmentConfig.executionConfig.subnetworkUri',
    ],
    [
      'jupyter and spark connect',
      'ok-id',
      { jupyterSession: {}, sparkConnectSession: {} },
      'session.sparkConnectSession',
    ],
    ['unknown enum', 'ok-id', { jupyterSession: { kernel: 'PERL' } }, 'session.jupyterSession.kernel'],
    ['unknown field', 'ok-id', { runtimeConfig: { versoin: '2.2' } }, 'session.runtimeConfig.versoin'],
    [
      'gs:// staging bucket',
      'ok-id',
      { environmentConfig: { executionConfig: { stagingBucket: 'gs://b' } } },
      'session.environmentConfig.executionConfig.stagingBucket',
    ],
    [
      'template in another project',
      'ok-id',
      { sessionTemplate: 'projects/other/locations/us-central1/sessionTemplates/t1' },
      'session.sessionTemplate',
    ],
    [
      'missing template',
      'ok-id',
      { sessionTemplate: `${PARENT}/sessionTemplates/nope` },
      'session.sessionTemplate',
    ],
    ['a goog- label key (reserved)', 'ok-id', { labels: { 'goog-dataproc-x': 'v' } }, 'session.labels'],
    [
      'a subnetwork in another region',
      'ok-id',
      {
        environmentConfig: {
          executionConfig: { subnetworkUri: 'projects/p/regions/europe-west1/subnetworks/s' },
        },
      },
      'session.environmentConfig.executionConfig.subnetworkUri',
    ],
    [
      'a network that is not a network',
      'ok-id',
      { environmentConfig: { executionConfig: { networkUri: 'projects/p/regions/r/subnetworks/s' } } },
      'session.environmentConfig.executionConfig.networkUri',
    ],
    [
      'executor memory without a size',
      'ok-id',
      { runtimeConfig: { properties: { 'spark.executor.memory': 'lots' } } },
      'session.runtimeConfig.properties',
    ],
    [
      'dynamic allocation not a boolean',
      'ok-id',
      { runtimeConfig: { properties: { 'spark.dynamicAllocation.enabled': 'yes' } } },
      'session.runtimeConfig.properties',
    ],
  ];
  it.each(cases)('%s', async (_name, id, session, field) => {
    const { status, body } = await create(id, session as Record<string, unknown>);
    expect(status).toBe(400);
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toContain(field.split('.').at(-1)!);
    const badRequest = body.error.details?.find(
      (d) => d['@type'] === 'type.googleapis.com/google.rpc.BadRequest',
    );
    expect(badRequest?.fieldViolations?.map((v) => v.field)).toContainEqual(expect.stringContaining(field));
    expect(await count()).toBe(0);
  });

  it('rejects malformed JSON', async () => {
    const { status, body } = await call<ErrorBody>(
      'POST',
      `/v1/${PARENT}/sessions?sessionId=ok-id`,
      '{"labels": ',
    );
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Invalid JSON payload/);
    expect(await count()).toBe(0);
  });

  it('rejects a bad requestId', async () => {
    const { status, body } = await create('ok-id', {}, `&requestId=${'x'.repeat(41)}`);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/requestId/);
  });

  it('accepts the limits themselves', async () => {
    const labels = Object.fromEntries(
      Array.from({ length: 32 }, (_, i) => [`k${i}`, i % 2 ? '' : 'v'.repeat(63)]),
    );
    const ok = await create('a'.repeat(63), {
      labels,
      environmentConfig: { executionConfig: { ttl: '600s', idleTtl: '1209600s' } },
    });
    expect(ok.status).toBe(200);
    expect((await create('abcd')).status).toBe(200);
  });
});

describe('errors', () => {
  it('answers 409 ALREADY_EXISTS for a duplicate id', async () => {
    await create('dupe');
    const { status, body } = await create('dupe');
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 409, status: 'ALREADY_EXISTS' });
  });
  it('answers 404 with the real message for a missing session on get, terminate and delete', async () => {
    for (const [method, suffix] of [
      ['GET', ''],
      ['POST', ':terminate'],
      ['DELETE', ''],
    ] as const) {
      const { status, body } = await call<ErrorBody>(
        method,
        `/v1/${PARENT}/sessions/ghost${suffix}`,
        method === 'POST' ? {} : undefined,
      );
      expect(status).toBe(404);
      expect(body).toEqual({
        error: { code: 404, status: 'NOT_FOUND', message: `Not found: Session ${PARENT}/sessions/ghost` },
      });
    }
  });
  it('answers unknown routes in the same envelope', async () => {
    const { status, body } = await call<ErrorBody>('GET', '/v1/projects/p1/nothing');
    expect(status).toBe(404);
    expect(body.error.status).toBe('NOT_FOUND');
  });
});

describe('requestId idempotency', () => {
  it('a repeated create returns the first operation and creates nothing more', async () => {
    const first = await create('idem', { labels: { a: 'b' } }, '&requestId=req-1');
    const again = await create('idem', { labels: { a: 'different' } }, '&requestId=req-1');
    expect(again.status).toBe(200);
    expect(again.body.name).toBe(first.body.name);
    expect(await count()).toBe(1);
  });
  it('a repeated terminate and delete return their first operations', async () => {
    await waitOp((await create('idem2')).body.name);
    const t1 = await call<Op>('POST', `/v1/${PARENT}/sessions/idem2:terminate`, { requestId: 'term-1' });
    const t2 = await call<Op>('POST', `/v1/${PARENT}/sessions/idem2:terminate`, { requestId: 'term-1' });
    expect(t2.body.name).toBe(t1.body.name);
    const d1 = await call<Op>('DELETE', `/v1/${PARENT}/sessions/idem2?requestId=del-1`);
    const d2 = await call<Op>('DELETE', `/v1/${PARENT}/sessions/idem2?requestId=del-1`);
    expect(d2.body.name).toBe(d1.body.name);
  });
});

describe('delete', () => {
  it('terminates a live session first, then removes it; the operation returns the TERMINATED session', async () => {
    await waitOp((await create('doomed-live')).body.name);
    const { body: op } = await call<Op>('DELETE', `/v1/${PARENT}/sessions/doomed-live`);
    expect(op.metadata.operationType).toBe('DELETE');
    const done = await waitOp(op.name);
    expect(done.response).toMatchObject({ state: 'TERMINATED' });
    expect((await call('GET', `/v1/${PARENT}/sessions/doomed-live`)).status).toBe(404);
  });
  it('terminate on an ended session succeeds at once and changes nothing', async () => {
    const { body } = await create('gone', { runtimeConfig: { version: '0.1' } });
    await waitOp(body.name);
    const { status, body: op } = await call<Op>('POST', `/v1/${PARENT}/sessions/gone:terminate`, {});
    expect(status).toBe(200);
    expect(op.done).toBe(true);
    expect((await call<{ state: string }>('GET', `/v1/${PARENT}/sessions/gone`)).body.state).toBe('FAILED');
  });
});

describe('concurrency', () => {
  it('twenty simultaneous creates of one id: one succeeds, nineteen get 409', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => create('race')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
  });
  it('many clients creating different sessions at once lose nothing', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => create(`many-${i}`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await count()).toBe(50);
  });
});

describe('operations', () => {
  it('answers under both the regions and the locations name, and lists, cancels and deletes', async () => {
    const { body } = await create('opsx');
    const locations = body.name.replace('/regions/', '/locations/');
    expect((await call<Op>('GET', `/v1/${locations}`)).body.name).toBe(body.name);
    const list = await call<{ operations: Op[] }>('GET', '/v1/projects/p1/regions/us-central1/operations');
    expect(list.body.operations.map((o) => o.name)).toContain(body.name);
    expect(checkAgainstDiscovery(list.body, 'ListOperationsResponse')).toEqual([]);
    expect((await call('POST', `/v1/${locations}:cancel`)).status).toBe(200);
    expect((await call<Op>('GET', `/v1/${body.name}`)).body.error?.code).toBe(1);
    expect((await call('DELETE', `/v1/${body.name}`)).status).toBe(200);
    expect((await call('GET', `/v1/${body.name}`)).status).toBe(404);
  });
});

describe('auth and faults', () => {
  it('answers 401 UNAUTHENTICATED without the bearer token when auth is required', async () => {
    const secured = await startTestServer({ requireAuth: 'secret' });
    try {
      const anonymous = await httpClient(secured.url)<ErrorBody>('GET', `/v1/${PARENT}/sessions`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.status).toBe('UNAUTHENTICATED');
      const authed = await httpClient(secured.url, { authorization: 'Bearer secret' })(
        'GET',
        `/v1/${PARENT}/sessions`,
      );
      expect(authed.status).toBe(200);
    } finally {
      await secured.close();
    }
  });
  it('fails the next N matching requests with the injected status, then recovers', async () => {
    await call('POST', '/control/faults', {
      path: '/sessions',
      method: 'GET',
      status: 503,
      count: 2,
      message: 'Backend unavailable',
    });
    const a = await call<ErrorBody>('GET', `/v1/${PARENT}/sessions`);
    const b = await call<ErrorBody>('GET', `/v1/${PARENT}/sessions`);
    const c = await call('GET', `/v1/${PARENT}/sessions`);
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
    expect(a.body.error).toMatchObject({ status: 'UNAVAILABLE', message: 'Backend unavailable' });
  });
  it("an 'after' fault handles the request and then loses the response; a retry with its requestId creates nothing more", async () => {
    await call('POST', '/control/faults', { path: '/sessions', method: 'POST', status: 503, phase: 'after' });
    const lost = await create('lost-reply', {}, '&requestId=lost-1');
    expect(lost.status).toBe(503);
    const retried = await create('lost-reply', {}, '&requestId=lost-1');
    expect(retried.status).toBe(200);
    expect(await count()).toBe(1);
  });
});
