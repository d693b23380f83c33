import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpClient } from '../testing/http';
import { oversizedPost } from '../testing/oversized-post';
import { startTestServer, waitFor, type TestServer } from '../testing/test-server';
import { RETENTION_MS } from './emulator';
import { LIMITS } from './limits';

const PARENT = 'projects/hard/locations/us-central1';
let server: TestServer;
let call: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 40 });
  call = httpClient(server.url);
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset(false));

interface Op {
  name: string;
  done?: boolean;
  response?: { name: string; state: string };
  error?: { code: number };
}
interface ErrorBody {
  error: {
    code: number;
    status: string;
    message: string;
    details?: { fieldViolations?: { field: string }[] }[];
  };
}
const fields = (body: ErrorBody) =>
  body.error.details?.flatMap((d) => d.fieldViolations ?? []).map((v) => v.field);

async function activeSession(id: string, session: Record<string, unknown> | string = {}) {
  const { status, body } = await call<Op & ErrorBody>(
    'POST',
    `/v1/${PARENT}/sessions?sessionId=${id}`,
    session,
  );
  expect(status, JSON.stringify(body)).toBe(200);
  await waitFor(async () => ((await call<Op>('GET', `/v1/${body.name}`)).body.done ? true : undefined));
  return body;
}

describe('user keys are data', () => {
  it('label keys and property names that are Object.prototype members round-trip, with int enums too', async () => {
    const labels = { constructor: 'a', tostring: 'b', 'has-own-property': 'c' };
    const properties = {
      toString: 'x',
      constructor: 'y',
      __proto__: 'z',
      valueOf: 'PYTHON',
      kernel: 'SCALA',
    };
    // JSON text, so that __proto__ is an ordinary key and not the object literal's prototype.
    const text = JSON.stringify({ labels, runtimeConfig: { properties: { ...properties } } }).replace(
      '"properties":{',
      '"properties":{"__proto__":"z",',
    );
    await activeSession('proto-keys', text);
    for (const alt of ['', '?$alt=json;enum-encoding=int']) {
      const { status, body } = await call<{
        state: unknown;
        labels: Record<string, string>;
        runtimeConfig: { properties: Record<string, string> };
      }>('GET', `/v1/${PARENT}/sessions/proto-keys${alt}`);
      expect(status).toBe(200);
      expect(body.labels).toMatchObject(labels);
      expect(Object.hasOwn(body.runtimeConfig.properties, '__proto__')).toBe(true);
      expect(JSON.stringify(body.runtimeConfig.properties)).toContain('"__proto__":"z"');
      // A property named like an enum field keeps its text: only real enum fields become numbers.
      expect(body.runtimeConfig.properties).toMatchObject({
        toString: 'x',
        constructor: 'y',
        kernel: 'SCALA',
      });
      expect(body.state).toBe(alt ? 2 : 'ACTIVE');
    }
    for (const path of [
      `/v1/${PARENT}/sessions?$alt=json;enum-encoding=int`,
      `/v1/projects/hard/regions/us-central1/operations?$alt=json;enum-encoding=int`,
    ])
      expect((await call('GET', path)).status).toBe(200);
    const { body: filtered } = await call<{ sessions?: unknown[] }>(
      'GET',
      `/v1/${PARENT}/sessions?filter=${encodeURIComponent('labels.constructor = "a"')}`,
    );
    expect(filtered.sessions).toHaveLength(1);
  });

  it('refuses the label key __proto__ like any other key the label rule does not allow, naming it', async () => {
    const { status, body } = await call<ErrorBody>(
      'POST',
      `/v1/${PARENT}/sessions?sessionId=proto-label`,
      '{"labels": {"__proto__": "x"}}',
    );
    expect(status).toBe(400);
    expect(fields(body)).toEqual(['session.labels["__proto__"]']);
    expect(
      (await call<{ sessions?: unknown[] }>('GET', `/v1/${PARENT}/sessions`)).body.sessions ?? [],
    ).toEqual([]);
  });

  it('a filter on a field named like an Object member is 400 with a position', async () => {
    for (const filter of ['constructor = x', 'toString = "a"', '__proto__ = x', 'labels.__proto__ = x']) {
      const { status, body } = await call<ErrorBody>(
        'GET',
        `/v1/${PARENT}/sessions?filter=${encodeURIComponent(filter)}`,
      );
      expect(status, filter).toBe(400);
      expect(body.error.message).toMatch(/at position \d+/);
    }
  });
});

describe('a session with a template', () => {
  it('may not hold more labels or properties with the template than the limits allow', async () => {
    const many = (prefix: string, n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
    const template = `${PARENT}/sessionTemplates/crowded`;
    const made = await call('POST', `/v1/${PARENT}/sessionTemplates`, {
      name: template,
      labels: many('t', 20),
      runtimeConfig: { properties: many('spark.t', 150) },
    });
    expect(made.status).toBe(200);
    for (const [session, field] of [
      [{ labels: many('s', 20) }, 'session.labels'],
      [{ runtimeConfig: { properties: many('spark.s', 100) } }, 'session.runtimeConfig.properties'],
    ] as const) {
      const { status, body } = await call<ErrorBody>('POST', `/v1/${PARENT}/sessions?sessionId=crowded`, {
        ...session,
        sessionTemplate: template,
      });
      expect(status).toBe(400);
      expect(fields(body)).toContain(field);
    }
    // Within the limits together, it is made.
    const fits = await call('POST', `/v1/${PARENT}/sessions?sessionId=crowded`, {
      labels: many('s', 12),
      sessionTemplate: template,
    });
    expect(fits.status).toBe(200);
  });
});

describe('requestId after its operation is gone', () => {
  it('a repeated create finds the session it made and answers a done operation for it', async () => {
    const first = await call<Op>('POST', `/v1/${PARENT}/sessions?sessionId=req-create&requestId=r1`, {});
    await waitFor(async () =>
      (await call<Op>('GET', `/v1/${first.body.name}`)).body.done ? true : undefined,
    );
    expect((await call('DELETE', `/v1/${first.body.name}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const again = await call<Op>('POST', `/v1/${PARENT}/sessions?sessionId=req-create&requestId=r1`, {});
      expect(again.status).toBe(200);
      expect(again.body.done).toBe(true);
      expect(again.body.response).toMatchObject({ name: `${PARENT}/sessions/req-create`, state: 'ACTIVE' });
      // The requestId now leads to the new operation, which can be read.
      expect((await call('GET', `/v1/${again.body.name}`)).status).toBe(200);
    }
    expect((await call<{ sessions: unknown[] }>('GET', `/v1/${PARENT}/sessions`)).body.sessions).toHaveLength(
      1,
    );
  });

  it('a repeated terminate or delete is handled as a new request', async () => {
    await activeSession('req-term');
    const name = `/v1/${PARENT}/sessions/req-term`;
    const term = await call<Op>('POST', `${name}:terminate`, { requestId: 't1' });
    expect((await call('DELETE', `/v1/${term.body.name}`)).status).toBe(200);
    const again = await call<Op>('POST', `${name}:terminate`, { requestId: 't1' });
    expect(again.status).toBe(200);
    expect(again.body.name).not.toBe(term.body.name);
  });
});

describe('retention', () => {
  it('removes finished operations and requestId records 30 days (emulator clock) after', async () => {
    const old = await activeSession('old-one', {});
    const replayed = await call<Op>('POST', `/v1/${PARENT}/sessions?sessionId=with-rid&requestId=old`, {});
    await waitFor(async () =>
      (await call<Op>('GET', `/v1/${replayed.body.name}`)).body.done ? true : undefined,
    );
    const days = RETENTION_MS / 1000;
    await call('POST', '/control/clock:advance', { seconds: days - 3600 });
    expect((await call('GET', `/v1/${old.name}`)).status).toBe(200);
    await call('POST', '/control/clock:advance', { seconds: 7200 });
    expect((await call('GET', `/v1/${old.name}`)).status).toBe(404);
    const count = (table: string) =>
      (server.emulator.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(count('operations')).toBe(0);
    expect(count('request_ids')).toBe(0);
    // The sessions stay; a create repeated after the retention is a new request.
    const again = await call<ErrorBody>(
      'POST',
      `/v1/${PARENT}/sessions?sessionId=with-rid&requestId=old`,
      {},
    );
    expect(again.body.error.status).toBe('ALREADY_EXISTS');
  });
});

describe('the control API', () => {
  it('malformed JSON, unknown fields and unbounded numbers are 400 naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/control/reset', '{"seed": tru', 'Invalid JSON'],
      ['/control/clock:advance', '{"seconds": 1e300}', 'body.seconds'],
      ['/control/clock:advance', '{"seconds": -5}', 'body.seconds'],
      ['/control/clock:advance', '{"seconds": "5"}', 'body.seconds'],
      ['/control/faults', { path: '/x', count: 1e9 }, 'body.count'],
      ['/control/faults', { path: '/x', colour: 'red' }, 'body.colour'],
      ['/control/sessions:fail', { name: 'x', message: 'm'.repeat(5000) }, 'body.message'],
    ];
    for (const [path, body, expected] of cases) {
      const r = await call<ErrorBody>('POST', path, body);
      expect(r.status, path).toBe(400);
      expect(JSON.stringify(r.body), path).toContain(expected);
    }
    expect((await call('POST', `/v1/${PARENT}/sessions?sessionId=after-clock`, {})).status).toBe(200);
  });

  it('sessions:overwrite refuses what the wire schema would not hold, and keeps the row as it was', async () => {
    await activeSession('overwrite-me');
    const name = `${PARENT}/sessions/overwrite-me`;
    for (const [fields, field] of [
      [{ stateHistory: 5 }, 'fields.stateHistory'],
      [{ labels: { a: 1 } }, 'fields.labels.a'],
      [{ state: 'SLEEPING' }, 'fields.state'],
      [{ nonsense: true }, 'fields.nonsense'],
      [{ name: 'projects/x/locations/y/sessions/z' }, 'fields.name'],
    ] as const) {
      const r = await call<ErrorBody>('POST', '/control/sessions:overwrite', { name, fields });
      expect(r.status, field).toBe(400);
      expect(fields_(r.body), field).toContain(field);
    }
    // Hostile but well-typed values, as the console's XSS tests write them, are still accepted.
    const hostile = {
      stateMessage: '<img src=x onerror=alert(1)>',
      labels: { evil: '<script>' },
      runtimeInfo: { endpoints: { Evil: 'javascript:alert(1)' }, outputUri: 'javascript:alert(1)' },
    };
    const written = await call('POST', '/control/sessions:overwrite', { name, fields: hostile });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject(hostile);
    const { body } = await call<{ state: string; stateHistory: unknown[] }>('GET', `/v1/${name}`);
    expect(body).toMatchObject(hostile);
    expect(body.state).toBe('ACTIVE');
    expect(Array.isArray(body.stateHistory)).toBe(true);
    // And the lifecycle goes on with it.
    await call('POST', '/control/clock:advance', { seconds: 3601 });
    await waitFor(async () =>
      (await call<{ state: string }>('GET', `/v1/${name}`)).body.state === 'TERMINATED' ? true : undefined,
    );
  });
});

function fields_(body: ErrorBody): string[] {
  return fields(body) ?? [];
}

describe('the body limit', () => {
  it('refuses a body declared too large with 413 in the envelope, before it arrives', async () => {
    const { status, text, sent } = await oversizedPost(
      `${server.url}/v1/${PARENT}/sessions?sessionId=too-big`,
      {
        send: 64 * 1024,
        declared: 50 * 2 ** 20,
      },
    );
    expect(status).toBe(413);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error).toMatchObject({ code: 413, status: 'INVALID_ARGUMENT' });
    expect(fields(body)).toEqual(['body']);
    expect(sent).toBeLessThan(LIMITS.bodyBytes);
    expect(
      (await call<{ sessions?: unknown[] }>('GET', `/v1/${PARENT}/sessions`)).body.sessions ?? [],
    ).toEqual([]);
  });

  it('refuses a chunked body once it passes the limit, without waiting for its end', async () => {
    const { status, sent } = await oversizedPost(`${server.url}/control/reset`, {
      send: LIMITS.bodyBytes + 128 * 1024,
    });
    expect(status).toBe(413);
    expect(sent).toBeGreaterThan(LIMITS.bodyBytes);
  });
});
