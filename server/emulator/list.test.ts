import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgainstDiscovery } from '../testing/discovery';
import { httpClient } from '../testing/http';
import { startTestServer, waitFor, type TestServer } from '../testing/test-server';

const PARENT = 'projects/lists/locations/us-central1';
let server: TestServer;
let call: ReturnType<typeof httpClient>;

interface Listed {
  sessions?: { name: string; state: string; labels: Record<string, string>; createTime: string }[];
  nextPageToken?: string;
}
interface ErrorBody {
  error: { code: number; status: string; message: string };
}

const ids = (body: Listed) => (body.sessions ?? []).map((s) => s.name.split('/').at(-1));
const list = (query: string) => call<Listed & ErrorBody>('GET', `/v1/${PARENT}/sessions?${query}`);
const filter = (expression: string) => list(`pageSize=1000&filter=${encodeURIComponent(expression)}`);

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 10 });
  call = httpClient(server.url);
  // Six sessions, in this order: alpha (ACTIVE, env=prod), beta (ACTIVE, env=dev), gamma (FAILED,
  // env=prod), delta (TERMINATED, team=ml), epsilon (ACTIVE, no labels), zeta (FAILED, env=dev).
  const plan: [string, Record<string, unknown>][] = [
    ['alpha', { labels: { env: 'prod', team: 'data' } }],
    ['beta', { labels: { env: 'dev', team: 'data' } }],
    ['gamma', { labels: { env: 'prod' }, runtimeConfig: { version: '0.1' } }],
    ['delta', { labels: { team: 'ml' } }],
    ['epsilon', {}],
  ];
  for (const [id, body] of plan) {
    await call('POST', `/v1/${PARENT}/sessions?sessionId=${id}`, body);
    await new Promise((r) => setTimeout(r, 5));
  }
  // Wait for states rather than sleeping, so a busy machine cannot change what the lists hold.
  const stateOf = async (id: string) =>
    (await call<{ state: string }>('GET', `/v1/${PARENT}/sessions/${id}`)).body.state;
  const settled = (id: string, state: string) =>
    waitFor(async () => ((await stateOf(id)) === state ? true : undefined));
  for (const id of ['alpha', 'beta', 'delta', 'epsilon']) await settled(id, 'ACTIVE');
  await settled('gamma', 'FAILED');
  await call('POST', `/v1/${PARENT}/sessions/delta:terminate`, {});
  await settled('delta', 'TERMINATED');
  await new Promise((r) => setTimeout(r, 5));
  // An unsupported runtime version fails during start-up, whatever the timing.
  await call('POST', `/v1/${PARENT}/sessions?sessionId=zeta`, {
    labels: { env: 'dev' },
    runtimeConfig: { version: '0.2' },
  });
  await settled('zeta', 'FAILED');
});
afterAll(() => server.close());

describe('sessions.list', () => {
  it('lists newest first and validates against the discovery document', async () => {
    const { body } = await list('');
    expect(ids(body)).toEqual(['zeta', 'epsilon', 'delta', 'gamma', 'beta', 'alpha']);
    expect(checkAgainstDiscovery(body, 'ListSessionsResponse')).toEqual([]);
  });

  it.each([
    ['state = ACTIVE', ['epsilon', 'beta', 'alpha']],
    ['state = FAILED OR state = TERMINATED', ['zeta', 'delta', 'gamma']],
    ['labels.env = prod', ['gamma', 'alpha']],
    ['state = ACTIVE and labels.env=prod', ['alpha']],
    ['state = ACTIVE AND labels.env = dev', ['beta']],
    ['NOT labels.env = prod AND state = ACTIVE', ['epsilon', 'beta']],
    ['-labels.env = prod AND state = ACTIVE', ['epsilon', 'beta']],
    ['labels.env != prod AND state = ACTIVE', ['epsilon', 'beta']],
    ['(labels.team = ml OR labels.team = data) AND state != FAILED', ['delta', 'beta', 'alpha']],
    ['labels.team:*', ['delta', 'beta', 'alpha']],
    ['session_id = "b*"', ['beta']],
    ['session_id > "d" AND session_id < "f"', ['epsilon', 'delta']],
    ['create_time > "2000-01-01T00:00:00Z"', ['zeta', 'epsilon', 'delta', 'gamma', 'beta', 'alpha']],
    ['create_time < "2000-01-01T00:00:00Z"', []],
  ])('filter %s', async (expression, expected) => {
    const { status, body } = await filter(expression);
    expect(status).toBe(200);
    expect(ids(body)).toEqual(expected);
  });

  it('filters by uuid', async () => {
    const { body: all } = await list('');
    const { body: one } = await call<{ uuid: string }>('GET', `/v1/${PARENT}/sessions/beta`);
    const { body } = await filter(`session_uuid = "${one.uuid}"`);
    expect(ids(body)).toEqual(['beta']);
    expect(all.sessions).toHaveLength(6);
  });

  it.each([
    ['state = ACTIVE AND', /position 19/],
    ['state = RUNNING', /no value 'RUNNING'/],
    ['colour = red', /unknown field 'colour'/],
    ['(state = ACTIVE', /expected '\)'/],
    ['state ACTIVE', /expected a comparison/],
    ['create_time > yesterday', /RFC 3339/],
    ['labels.env = "open', /unterminated string/],
  ])('rejects the bad filter %s with 400 saying where', async (expression, message) => {
    const { status, body } = await filter(expression);
    expect(status).toBe(400);
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toMatch(message);
  });

  it('rejects a negative pageSize and a page token from another filter', async () => {
    expect((await list('pageSize=-1')).status).toBe(400);
    const first = await list('pageSize=2');
    const misuse = await list(`pageSize=2&pageToken=${first.body.nextPageToken}&filter=state%20%3D%20ACTIVE`);
    expect(misuse.status).toBe(400);
    expect((await list('pageToken=garbage')).status).toBe(400);
  });
});

describe('paging', () => {
  it('returns each of 120 sessions exactly once while sessions are created and deleted between pages', async () => {
    const parent = 'projects/paging/locations/us-central1';
    for (let i = 0; i < 120; i++)
      await call('POST', `/v1/${parent}/sessions?sessionId=s-${String(i).padStart(3, '0')}`, {});
    const seen: string[] = [];
    let token: string | undefined;
    let page = 0;
    do {
      const { body } = await call<Listed>(
        'GET',
        `/v1/${parent}/sessions?pageSize=7${token ? `&pageToken=${token}` : ''}`,
      );
      seen.push(...ids(body).map(String));
      token = body.nextPageToken;
      // Churn between pages: a new session (newer than every page, so never seen) and a deletion
      // of one already seen.
      await call('POST', `/v1/${parent}/sessions?sessionId=late-${page}`, {});
      if (seen.length) await call('DELETE', `/v1/${parent}/sessions/${seen[0]}`);
      page++;
    } while (token);
    expect(seen.filter((id) => id.startsWith('s-'))).toHaveLength(120);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.some((id) => id.startsWith('late-'))).toBe(false);
  });

  it('coerces a pageSize above the maximum down to 1000', async () => {
    const { status } = await call('GET', '/v1/projects/paging/locations/us-central1/sessions?pageSize=5000');
    expect(status).toBe(200);
  });
});
