import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { LIMITS } from './limits';

/**
 * The bad-input battery: every route, every kind of wrong input. Each case must answer a 4xx in
 * the AIP-193 envelope and leave the database exactly as it was (a digest of every table).
 */
const PARENT = 'projects/battery/locations/us-central1';
const S = `/v1/${PARENT}/sessions`;
const T = `/v1/${PARENT}/sessionTemplates`;
const O = '/v1/projects/battery/regions/us-central1/operations';
let server: TestServer;
let operationName = '';

beforeAll(async () => {
  // Transitions that never finish during the test, so nothing changes unless a request changes it.
  server = await startTestServer({ transitionMs: 1e9 });
  const post = (path: string, body: unknown) =>
    fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
  const op = (await post(`${S}?sessionId=existing&requestId=r1`, { labels: { a: 'b' } })) as { name: string };
  operationName = op.name;
  await post(T, { name: `${PARENT}/sessionTemplates/existing-template` });
});
afterAll(() => server.close());

function digest(): string {
  const hash = createHash('sha256');
  for (const table of ['sessions', 'operations', 'request_ids', 'templates', 'meta'])
    hash.update(JSON.stringify(server.emulator.db.prepare(`SELECT * FROM ${table}`).all()));
  hash.update(JSON.stringify(server.emulator.faults.list()));
  hash.update(String(server.emulator.clock.offset));
  return hash.digest('hex');
}

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  status?: number;
  /** A field the refusal must name (in a field violation or the message). */
  field?: string;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);
const json = (value: unknown) => JSON.stringify(value);
const create = (name: string, session: unknown, field?: string, query = 'sessionId=new-one') =>
  add({
    name: `create: ${name}`,
    method: 'POST',
    path: `${S}?${query}`,
    body: typeof session === 'string' ? session : json(session),
    field,
  });

/** Sets `value` at a dotted path in a fresh object. */
function at(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const root: Record<string, unknown> = {};
  let node = root;
  for (const key of keys.slice(0, -1)) node = (node[key] = {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return root;
}

// 1. Type confusion on every field of a Session a client may send.
const STRINGS = [
  'runtimeConfig.version',
  'runtimeConfig.containerImage',
  'runtimeConfig.cohort',
  'runtimeConfig.repositoryConfig.pypiRepositoryConfig.pypiRepository',
  'environmentConfig.executionConfig.serviceAccount',
  'environmentConfig.executionConfig.networkUri',
  'environmentConfig.executionConfig.subnetworkUri',
  'environmentConfig.executionConfig.kmsKey',
  'environmentConfig.executionConfig.idleTtl',
  'environmentConfig.executionConfig.ttl',
  'environmentConfig.executionConfig.stagingBucket',
  'environmentConfig.peripheralsConfig.metastoreService',
  'environmentConfig.peripheralsConfig.sparkHistoryServerConfig.dataprocCluster',
  'jupyterSession.displayName',
  'user',
  'sessionTemplate',
];
const MESSAGES = [
  'runtimeConfig',
  'environmentConfig',
  'environmentConfig.executionConfig',
  'environmentConfig.peripheralsConfig',
  'jupyterSession',
  'sparkConnectSession',
  'runtimeConfig.autotuningConfig',
  'runtimeConfig.repositoryConfig',
  'environmentConfig.executionConfig.authenticationConfig',
];
const MAPS = ['labels', 'runtimeConfig.properties', 'environmentConfig.executionConfig.resourceManagerTags'];
const LISTS = ['environmentConfig.executionConfig.networkTags', 'runtimeConfig.autotuningConfig.scenarios'];
const ENUMS = [
  'jupyterSession.kernel',
  'environmentConfig.executionConfig.authenticationConfig.userWorkloadAuthenticationType',
];
for (const path of STRINGS)
  for (const v of [5, true, ['x'], { a: 'b' }])
    create(`${path} = ${json(v)}`, at(path, v), `session.${path}`);
for (const path of MESSAGES)
  for (const v of ['x', 7, [{}]]) create(`${path} = ${json(v)}`, at(path, v), `session.${path}`);
for (const path of MAPS)
  for (const v of ['x', [1], { k: 1 }, { k: null }])
    create(`${path} = ${json(v)}`, at(path, v), `session.${path}`);
for (const path of LISTS)
  for (const v of ['x', { a: 1 }, [1.5], [null]])
    create(`${path} = ${json(v)}`, at(path, v), `session.${path}`);
for (const path of ENUMS)
  for (const v of ['PYTON', 99, -1, true, 'python'])
    create(`${path} = ${json(v)}`, at(path, v), `session.${path}`);

// 2. The input rules, each broken once.
const rules: [string, unknown, string][] = [
  ['uppercase label key', { labels: { Team: 'x' } }, 'session.labels["Team"]'],
  ['label key with a digit first', { labels: { '1a': 'x' } }, 'session.labels["1a"]'],
  ['label key __proto__', '{"labels":{"__proto__":"x"}}', 'session.labels["__proto__"]'],
  ['label value with a space', { labels: { a: 'b c' } }, 'session.labels["a"]'],
  ['label value of 64', { labels: { a: 'v'.repeat(64) } }, 'session.labels["a"]'],
  [
    '33 labels',
    { labels: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])) },
    'session.labels',
  ],
  ['ttl below 10 minutes', at('environmentConfig.executionConfig.ttl', '599s'), 'ttl'],
  ['ttl above 14 days', at('environmentConfig.executionConfig.ttl', '1209601s'), 'ttl'],
  ['ttl in hours', at('environmentConfig.executionConfig.ttl', '1h'), 'ttl'],
  ['idleTtl negative', at('environmentConfig.executionConfig.idleTtl', '-600s'), 'idleTtl'],
  [
    'idleTtl with 13 digits',
    at('environmentConfig.executionConfig.idleTtl', `${'9'.repeat(13)}s`),
    'idleTtl',
  ],
  [
    'staging bucket as gs:// URI',
    at('environmentConfig.executionConfig.stagingBucket', 'gs://b'),
    'stagingBucket',
  ],
  [
    'staging bucket uppercase',
    at('environmentConfig.executionConfig.stagingBucket', 'Bucket'),
    'stagingBucket',
  ],
  ['kms key malformed', at('environmentConfig.executionConfig.kmsKey', 'projects/p/keys/k'), 'kmsKey'],
  [
    'service account not an email',
    at('environmentConfig.executionConfig.serviceAccount', 'me'),
    'serviceAccount',
  ],
  ['network tag uppercase', at('environmentConfig.executionConfig.networkTags', ['Web']), 'networkTags'],
  [
    'network and subnetwork',
    at('environmentConfig.executionConfig', { networkUri: 'n', subnetworkUri: 's' }),
    'subnetworkUri',
  ],
  ['jupyter and spark connect', { jupyterSession: {}, sparkConnectSession: {} }, 'sparkConnectSession'],
  [
    'metastore malformed',
    at('environmentConfig.peripheralsConfig.metastoreService', 'x'),
    'metastoreService',
  ],
  [
    'history cluster malformed',
    at('environmentConfig.peripheralsConfig.sparkHistoryServerConfig.dataprocCluster', 'x'),
    'dataprocCluster',
  ],
  [
    'resource manager tag malformed',
    at('environmentConfig.executionConfig.resourceManagerTags', { 'a b': 'c' }),
    'resourceManagerTags',
  ],
  [
    '31 resource manager tags',
    at(
      'environmentConfig.executionConfig.resourceManagerTags',
      Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`tagKeys/${i}`, 'tagValues/1'])),
    ),
    'resourceManagerTags',
  ],
  ['property name with a space', at('runtimeConfig.properties', { 'spark x': '1' }), 'properties'],
  ['property name empty', at('runtimeConfig.properties', { '': '1' }), 'properties'],
  [
    'pypi not a URL',
    at('runtimeConfig.repositoryConfig.pypiRepositoryConfig.pypiRepository', 'ftp://x'),
    'pypiRepository',
  ],
  ['user not an email', { user: 'someone' }, 'session.user'],
  ['template missing', { sessionTemplate: `${PARENT}/sessionTemplates/nope` }, 'session.sessionTemplate'],
  [
    'template in another project',
    { sessionTemplate: 'projects/other/locations/us-central1/sessionTemplates/existing-template' },
    'session.sessionTemplate',
  ],
  ['template malformed', { sessionTemplate: 'existing-template' }, 'session.sessionTemplate'],
  ['unknown top-level field', { colour: 'red' }, 'session.colour'],
  ['unknown nested field', at('runtimeConfig.colour', 'red'), 'session.runtimeConfig.colour'],
];
for (const [name, body, field] of rules) create(name, body, field);

// 3. Sizes (limits.ts).
create(
  'a string over the limit',
  at('runtimeConfig.properties', { big: 'x'.repeat(LIMITS.stringChars + 1) }),
  'session.runtimeConfig.properties.big',
);
create(
  'a property name over the limit',
  at('runtimeConfig.properties', { ['k'.repeat(LIMITS.keyChars + 1)]: 'v' }),
  'properties',
);
create(
  'too many properties',
  at(
    'runtimeConfig.properties',
    Object.fromEntries(Array.from({ length: LIMITS.mapEntries + 1 }, (_, i) => [`p${i}`, 'v'])),
  ),
  'session.runtimeConfig.properties',
);
create(
  'too many network tags',
  at(
    'environmentConfig.executionConfig.networkTags',
    Array.from({ length: LIMITS.listItems + 1 }, (_, i) => `t${i}`),
  ),
  'networkTags',
);
create('nested too deep', at(Array.from({ length: 20 }, (_, i) => `n${i}`).join('.'), 1), 'nested');
create(
  'display name over the limit',
  at('jupyterSession.displayName', 'd'.repeat(LIMITS.stringChars + 1)),
  'session.jupyterSession.displayName',
);
add({
  name: 'a body over the limit',
  method: 'POST',
  path: `${S}?sessionId=big-body`,
  body: json({ labels: {}, pad: 'x'.repeat(LIMITS.bodyBytes) }),
  status: 413,
  field: 'body',
});
add({
  name: 'a control body over the limit',
  method: 'POST',
  path: '/control/reset',
  body: `{"seed":false,"x":"${'x'.repeat(LIMITS.bodyBytes)}"}`,
  status: 413,
});
add({
  name: 'a URL over the limit',
  method: 'GET',
  path: `${S}?filter=${'a'.repeat(LIMITS.urlChars)}`,
  field: 'url',
});

// 4. Not JSON, or not an object.
for (const body of [
  '{',
  '{"labels":',
  'nul',
  '[]',
  '"text"',
  '42',
  'null',
  '{"labels":{}}}',
  '\u0000',
  '{"a":1,}',
])
  create(`body ${json(body)}`, body);

// A __proto__ key where a message is expected is an unknown field like any other.
create('__proto__ as a top-level field', '{"__proto__":{"labels":{"a":"b"}}}', 'session');
create(
  '__proto__ inside runtimeConfig',
  '{"runtimeConfig":{"__proto__":{"version":"2.3"}}}',
  'session.runtimeConfig',
);
create('constructor as a field', '{"constructor":{"name":"x"}}', 'session.constructor');
create(
  'a __proto__ property that is not a string',
  '{"runtimeConfig":{"properties":{"__proto__":{"a":"b"}}}}',
  'session.runtimeConfig.properties',
);

// 5. Session IDs and requestIds.
for (const query of [
  '',
  'sessionId=',
  'sessionId=abc',
  'sessionId=UPPER-case',
  `sessionId=${'a'.repeat(64)}`,
  'sessionId=has_underscore',
  'sessionId=%00abcd',
  'sessionId=caf%C3%A9s',
])
  create(`query "${query}"`, {}, 'sessionId', query);
for (const id of ['has space', 'a'.repeat(41), 'semi;colon', '%F0%9F%99%82'])
  create(`requestId ${json(id)}`, {}, 'requestId', `sessionId=new-one&requestId=${encodeURIComponent(id)}`);

// 6. Project and location segments, on every route shape.
const PLACES = ['a%2Fb', 'UPPER', '-lead', 'trail-', '%00', '%F0%9F%99%82', 'x'.repeat(31), 'a_b'];
const REGIONS = ['us', 'US-CENTRAL1', 'us-central1%2Fx', '%F0%9F%99%82', 'us-central', 'us%00-central1'];
for (const p of PLACES) {
  add({
    name: `create in project ${p}`,
    method: 'POST',
    path: `/v1/projects/${p}/locations/us-central1/sessions?sessionId=new-one`,
    body: '{}',
    field: 'parent',
  });
  add({
    name: `list in project ${p}`,
    method: 'GET',
    path: `/v1/projects/${p}/locations/us-central1/sessions`,
    field: 'parent',
  });
}
for (const r of REGIONS) {
  add({
    name: `create in region ${r}`,
    method: 'POST',
    path: `/v1/projects/battery/locations/${r}/sessions?sessionId=new-one`,
    body: '{}',
    field: 'parent',
  });
  add({
    name: `template in region ${r}`,
    method: 'POST',
    path: `/v1/projects/battery/locations/${r}/sessionTemplates`,
    body: json({ name: `projects/battery/locations/${r}/sessionTemplates/abcd` }),
    field: 'parent',
  });
  add({
    name: `operations in region ${r}`,
    method: 'GET',
    path: `/v1/projects/battery/regions/${r}/operations`,
    field: 'parent',
  });
}

// 7. Lists: filters, page sizes, page tokens.
for (const filter of [
  'state = SLEEPING',
  'labels.a\\=x',
  'labels.a\u0000 = x',
  '(((',
  ')',
  'state =',
  '= x',
  'colour = red',
  'create_time > yesterday',
  'state < ACTIVE',
  '"unterminated',
  'a ! b',
  `${'('.repeat(40)}state = ACTIVE${')'.repeat(40)}`,
  Array.from({ length: 70 }, () => 'state = ACTIVE').join(' OR '),
  'x'.repeat(LIMITS.filterChars + 1),
])
  add({
    name: `filter ${json(filter.slice(0, 30))}`,
    method: 'GET',
    path: `${S}?filter=${encodeURIComponent(filter)}`,
    field: 'filter',
  });
add({
  name: 'template filter on state',
  method: 'GET',
  path: `${T}?filter=${encodeURIComponent('state = ACTIVE')}`,
  field: 'filter',
});
add({ name: 'operations filter', method: 'GET', path: `${O}?filter=done`, field: 'filter' });
for (const size of ['-1', 'abc', '1.5', '1e400', '0x10'])
  add({ name: `pageSize ${size}`, method: 'GET', path: `${S}?pageSize=${size}`, field: 'pageSize' });
for (const token of [
  'garbage',
  'e30',
  Buffer.from('{"k":1,"s":"x","q":"y"}').toString('base64url'),
  'x'.repeat(LIMITS.pageTokenChars + 1),
])
  add({
    name: `pageToken ${token.slice(0, 20)}`,
    method: 'GET',
    path: `${S}?pageToken=${token}`,
    field: 'pageToken',
  });
add({ name: 'templates pageToken garbage', method: 'GET', path: `${T}?pageToken=nope`, field: 'pageToken' });
add({ name: 'operations pageToken garbage', method: 'GET', path: `${O}?pageToken=nope`, field: 'pageToken' });

// 8. Actions on sessions, templates and operations.
for (const body of ['{', '{"requestId":5}', '{"requestId":"bad id"}', '{"force":true}', '[]'])
  add({ name: `terminate with ${body}`, method: 'POST', path: `${S}/existing:terminate`, body });
add({
  name: 'terminate a missing session',
  method: 'POST',
  path: `${S}/missing:terminate`,
  body: '{}',
  status: 404,
});
add({
  name: 'delete with a bad requestId',
  method: 'DELETE',
  path: `${S}/existing?requestId=no%20spaces`,
  field: 'requestId',
});
add({ name: 'delete a missing session', method: 'DELETE', path: `${S}/missing`, status: 404 });
add({ name: 'get a missing session', method: 'GET', path: `${S}/missing`, status: 404 });
add({ name: 'get with an encoded slash', method: 'GET', path: `${S}/a%2Fb`, status: 404 });
const template = (id: string, extra: Record<string, unknown> = {}) =>
  json({ name: `${PARENT}/sessionTemplates/${id}`, ...extra });
for (const [name, body, field] of [
  ['no name', '{}', 'sessionTemplate.name'],
  [
    'another project',
    json({ name: 'projects/other/locations/us-central1/sessionTemplates/abcd' }),
    'sessionTemplate.name',
  ],
  ['bad ID', template('AB'), 'sessionTemplate.name'],
  ['long description', template('abcd', { description: 'd'.repeat(1025) }), 'sessionTemplate.description'],
  ['bad label', template('abcd', { labels: { A: 'b' } }), 'sessionTemplate.labels["A"]'],
  ['unknown field', template('abcd', { state: 'ACTIVE' }), 'sessionTemplate.state'],
  ['labels as a list', template('abcd', { labels: ['a'] }), 'sessionTemplate.labels'],
  ['already exists', template('existing-template'), undefined],
] as const)
  add({
    name: `template create: ${name}`,
    method: 'POST',
    path: T,
    body,
    field,
    status: name === 'already exists' ? 409 : undefined,
  });
add({
  name: 'template patch: bad ttl',
  method: 'PATCH',
  path: `${T}/existing-template`,
  body: json({ environmentConfig: { executionConfig: { ttl: '5s' } } }),
  field: 'ttl',
});
add({
  name: 'template patch: malformed',
  method: 'PATCH',
  path: `${T}/existing-template`,
  body: '{"labels":',
});
add({
  name: 'template patch: missing',
  method: 'PATCH',
  path: `${T}/missing-template`,
  body: '{}',
  status: 404,
});
add({
  name: 'template patch: encoded slash',
  method: 'PATCH',
  path: `${T}/a%2Fbcd`,
  body: '{}',
  field: 'sessionTemplate.name',
});
add({ name: 'template get: missing', method: 'GET', path: `${T}/missing-template`, status: 404 });
add({ name: 'template delete: missing', method: 'DELETE', path: `${T}/missing-template`, status: 404 });
add({ name: 'operation get: missing', method: 'GET', path: `${O}/nope`, status: 404 });
add({ name: 'operation cancel: missing', method: 'POST', path: `${O}/nope:cancel`, body: '{}', status: 404 });
add({ name: 'operation delete: missing', method: 'DELETE', path: `${O}/nope`, status: 404 });
add({ name: 'unknown verb', method: 'POST', path: `${S}/existing:explode`, body: '{}', status: 404 });
add({ name: 'unknown collection', method: 'GET', path: `/v1/${PARENT}/clusters`, status: 404 });
add({ name: 'unknown method', method: 'PUT', path: `${S}/existing`, body: '{}', status: 404 });

// 9. The control API.
for (const [path, body, field] of [
  ['/control/reset', '{"seed":"yes"}', 'body.seed'],
  ['/control/reset', '{', undefined],
  ['/control/reset', '{"seed":true,"wipe":1}', 'body.wipe'],
  ['/control/clock:advance', '{"seconds":1e300}', 'body.seconds'],
  ['/control/clock:advance', '{"seconds":-1}', 'body.seconds'],
  ['/control/clock:advance', '{}', 'body.seconds'],
  ['/control/clock:advance', '[]', undefined],
  ['/control/faults', '{}', 'body.path'],
  ['/control/faults', '{"path":"/v1","status":200}', 'body.status'],
  ['/control/faults', '{"path":"/v1","delayMs":1e9}', 'body.delayMs'],
  ['/control/faults', '{"path":"/v1","phase":"during"}', 'body.phase'],
  ['/control/sessions:fail', '{"name":5}', 'body.name'],
  ['/control/sessions:fail', json({ name: `${PARENT}/sessions/missing` }), undefined],
  [
    '/control/sessions:overwrite',
    json({ name: `${PARENT}/sessions/existing`, fields: { stateHistory: 5 } }),
    'fields.stateHistory',
  ],
  [
    '/control/sessions:overwrite',
    json({ name: `${PARENT}/sessions/existing`, fields: { uuid: 'x' } }),
    'fields.uuid',
  ],
  [
    '/control/sessions:overwrite',
    json({ name: `${PARENT}/sessions/existing`, fields: { runtimeInfo: { endpoints: { a: 1 } } } }),
    'fields.runtimeInfo.endpoints.a',
  ],
  ['/control/sessions:overwrite', json({ name: `${PARENT}/sessions/existing`, fields: 'x' }), 'body.fields'],
  ['/control/sessions:overwrite', json({ name: `${PARENT}/sessions/missing`, fields: {} }), undefined],
] as const)
  add({
    name: `control ${path} ${body.slice(0, 40)}`,
    method: 'POST',
    path,
    body,
    field,
    status: body.includes('missing') ? 404 : undefined,
  });
add({ name: 'unknown control route', method: 'POST', path: '/control/explode', body: '{}', status: 404 });

// 10. Spark application routes (the session is still CREATING, so it has no application yet).
const A = `${S}/existing/sparkApplications`;
const app = `${A}/app-1`;
for (const [path, field, status] of [
  [`${A}:search?applicationStatus=NOPE`, 'applicationStatus', 400],
  [`${A}:search?applicationStatus=99`, 'applicationStatus', 400],
  [`${A}:search?minTime=yesterday`, 'minTime', 400],
  [`${A}:search?pageSize=-1`, 'pageSize', 400],
  [`${A}:search?pageToken=nope`, 'pageToken', 400],
  [`${S}/missing/sparkApplications:search`, undefined, 404],
  [`${app}:access`, 'parent', 400],
  [`${app}:access?parent=projects/other/locations/us-central1/sessions/x`, 'parent', 400],
  [`${app}:constructor?parent=${PARENT}/sessions/existing`, undefined, 404],
  [`${app}:toString?parent=${PARENT}/sessions/existing`, undefined, 404],
  [`${app}:access?parent=${PARENT}/sessions/existing`, undefined, 404],
] as const)
  add({ name: `spark ${path.slice(S.length)}`, method: 'GET', path, field, status });
for (const [body, status] of [
  ['{}', 400],
  ['{"name":5,"workload":"notebook"}', 400],
  [json({ name: `${PARENT}/sessions/existing`, workload: 'constructor' }), 400],
  [json({ name: `${PARENT}/sessions/existing`, workload: '__proto__' }), 400],
  [json({ name: `${PARENT}/sessions/existing`, workload: 'notebook' }), 400],
  [json({ name: `${PARENT}/sessions/missing`, workload: 'notebook' }), 404],
  ['{"name":', 400],
] as const)
  add({
    name: `control runWorkload ${body.slice(0, 60)}`,
    method: 'POST',
    path: '/control/sessions:runWorkload',
    body,
    status,
  });

describe('the bad-input battery', () => {
  it(`has at least 150 distinct inputs`, () => {
    expect(new Set(cases.map((c) => `${c.method} ${c.path} ${c.body}`)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: 4xx in the AIP-193 envelope, nothing stored',
    async (_, c) => {
      const before = digest();
      const response = await fetch(server.url + c.path, {
        method: c.method,
        headers: { 'content-type': 'application/json' },
        body: c.body,
      });
      const text = await response.text();
      expect(response.status, text.slice(0, 300)).toBe(c.status ?? 400);
      const body = JSON.parse(text) as {
        error: { code: number; message: string; status: string; details?: unknown[] };
      };
      expect(body.error.code).toBe(response.status);
      expect(typeof body.error.message).toBe('string');
      expect(body.error.status).toMatch(/^[A-Z_]+$/);
      if (c.field) expect(text).toContain(c.field.replace(/"/g, '\\"'));
      expect(digest()).toBe(before);
    },
  );

  it('the stored session and its operation are still there, untouched by all of the above', async () => {
    const session = (await (await fetch(`${server.url}${S}/existing`)).json()) as {
      labels: Record<string, string>;
    };
    expect(session.labels.a).toBe('b');
    expect((await fetch(`${server.url}/v1/${operationName}`)).status).toBe(200);
  });
});
