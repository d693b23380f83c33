import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstDiscovery } from '../testing/discovery';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * Property-based fuzzing of request bodies: every field is left out, valid, or any other JSON
 * value (type confusion), with user keys that are Object.prototype members. No answer may be a 5xx;
 * a refusal is in the AIP-193 envelope; whatever is accepted reads back as a valid Session.
 */
const PARENT = 'projects/fuzz/locations/us-central1';
let server: TestServer;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 20 });
  await fetch(`${server.url}/v1/${PARENT}/sessionTemplates`, {
    method: 'POST',
    body: JSON.stringify({ name: `${PARENT}/sessionTemplates/base`, labels: { from: 'template' } }),
  });
});
afterAll(() => server.close());

const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const userKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'state', 'kernel'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  fc.string({ maxLength: 8 }),
);
/** A field: mostly absent or valid, sometimes any other JSON value. */
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: valid, weight: 6 },
    { arbitrary: junk, weight: 1 },
  );
const map = maybe(
  fc.dictionary(userKey, fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,8}$/), junk), { maxKeys: 4 }),
);
const text = (...valid: string[]) => maybe(fc.constantFrom(...valid));

const session = fc.record(
  {
    labels: map,
    user: text('me@example.com', 'nobody'),
    sessionTemplate: text(`${PARENT}/sessionTemplates/base`, 'projects/x/locations/y/sessionTemplates/z'),
    jupyterSession: maybe(
      fc.record({ kernel: text('PYTHON', 'SCALA'), displayName: text('x') }, { requiredKeys: [] }),
    ),
    sparkConnectSession: maybe(fc.constant({})),
    runtimeConfig: maybe(
      fc.record(
        {
          version: text('2.3', '1.0'),
          properties: map,
          containerImage: text('gcr.io/x/y'),
          autotuningConfig: maybe(
            fc.record({ scenarios: maybe(fc.array(fc.constantFrom('AUTO', 'MEMORY', 2, 7))) }),
          ),
          repositoryConfig: maybe(
            fc.record({ pypiRepositoryConfig: maybe(fc.record({ pypiRepository: text('https://p') })) }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    environmentConfig: maybe(
      fc.record(
        {
          executionConfig: maybe(
            fc.record(
              {
                ttl: text('3600s', '5s', '1h'),
                idleTtl: text('900s', 'x'),
                serviceAccount: text('sa@p.iam.gserviceaccount.com'),
                networkUri: text('default'),
                subnetworkUri: text('sub'),
                networkTags: maybe(fc.array(fc.oneof(fc.constantFrom('web', 'Web'), junk), { maxLength: 3 })),
                kmsKey: text('projects/p/locations/l/keyRings/r/cryptoKeys/k'),
                stagingBucket: text('bucket-1', 'gs://b'),
                resourceManagerTags: map,
                authenticationConfig: maybe(
                  fc.record({ userWorkloadAuthenticationType: text('SERVICE_ACCOUNT', 'NONE') }),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
          peripheralsConfig: maybe(fc.record({ metastoreService: text('x') }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    // Output-only fields a client may send, and fields that do not exist.
    state: text('ACTIVE'),
    stateHistory: maybe(fc.constant([{ state: 'ACTIVE' }])),
    colour: fc.oneof({ arbitrary: fc.constant(undefined), weight: 20 }, { arbitrary: junk, weight: 1 }),
  },
  { requiredKeys: [] },
);

async function send(method: string, path: string, body: unknown) {
  const response = await fetch(server.url + path, { method, body: JSON.stringify(body) });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  const parsed = JSON.parse(text) as { error?: { code: number; status: string; message: string } };
  if (response.status >= 400) {
    expect(parsed.error?.code).toBe(response.status);
    expect(parsed.error?.status).toMatch(/^[A-Z_]+$/);
  }
  return { status: response.status, body: parsed };
}

const segment = fc.oneof(
  fc.constantFrom(
    'fuzz',
    'us-central1',
    'fuzz-0',
    'base',
    '-',
    '%2F',
    '%00',
    '%',
    '%E0%A4%A',
    '..',
    'constructor',
    '__proto__',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  // Any bytes, percent-encoded: invalid UTF-8, NUL and slashes included.
  fc
    .uint8Array({ maxLength: 6 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'filter',
        'pageSize',
        'pageToken',
        'sessionId',
        'requestId',
        '$alt',
        'alt',
        'parent',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('json;enum-encoding=int', '-1', '1000000', 'state = ACTIVE'),
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
const path = fc
  .tuple(
    fc.constantFrom('/v1/projects', '/control', '/v1'),
    segment,
    fc.constantFrom('locations', 'regions', 'x'),
    segment,
    fc.constantFrom('sessions', 'sessionTemplates', 'operations', 'sessions/fuzz-0/sparkApplications'),
    fc.option(segment, { nil: undefined }),
    fc.constantFrom('', ':terminate', ':cancel', ':search', ':access', ':constructor'),
    query,
  )
  .map(
    ([root, a, kind, b, collection, id, verb, q]) =>
      `${root}/${a}/${kind}/${b}/${collection}${id === undefined ? '' : `/${id}`}${verb}?${q}`,
  );

describe('fuzzed request bodies', () => {
  it('any method, path, query and body on any route: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
        path,
        fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
        async (method, url, body) => {
          const response = await fetch(server.url + url, {
            method,
            body: method === 'GET' || body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await response.text();
          expect(response.status, `${method} ${url}: ${text.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('sessions.create: never a 5xx; anything accepted reads back as a valid Session', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(session, async (body) => {
        const id = `fuzz-${n++}`;
        const { status } = await send('POST', `/v1/${PARENT}/sessions?sessionId=${id}`, body);
        if (status !== 200) return;
        accepted++;
        for (const alt of ['', '?$alt=json;enum-encoding=int']) {
          const read = await send('GET', `/v1/${PARENT}/sessions/${id}${alt}`, undefined);
          expect(read.status).toBe(200);
          if (!alt) expect(checkAgainstDiscovery(read.body, 'Session')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches past validation too, not only into refusals.
    expect(accepted).toBeGreaterThan(20);
    expect(
      (await send('GET', `/v1/${PARENT}/sessions?pageSize=1000&$alt=json;enum-encoding=int`, undefined))
        .status,
    ).toBe(200);
  });

  it('templates create and patch, terminate, and the control API: never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        session,
        junk,
        fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }),
        async (body, value, extra) => {
          const id = `tmpl-${n++}`;
          await send('POST', `/v1/${PARENT}/sessionTemplates`, {
            ...body,
            name: `${PARENT}/sessionTemplates/${id}`,
          });
          await send('PATCH', `/v1/${PARENT}/sessionTemplates/base`, body);
          await send('POST', `/v1/${PARENT}/sessions/fuzz-0:terminate`, { requestId: value, ...extra });
          await send('POST', '/control/sessions:overwrite', {
            name: `${PARENT}/sessions/fuzz-1`,
            fields: body,
          });
          await send('POST', '/control/clock:advance', { seconds: value });
          await send('POST', '/control/faults', { path: value, ...extra });
          await send('POST', '/control/sessions:fail', { name: value, message: value });
          server.emulator.faults.clear();
        },
      ),
      { numRuns: 100 },
    );
    const health = await send('GET', '/control/health', undefined);
    expect(health.body).toMatchObject({ status: 'ok' });
  });
});
