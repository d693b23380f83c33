import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleSize } from '../../src/schemas/dcu';
import { startTestServer, waitFor, type TestServer } from '../testing/test-server';

/**
 * Usage figures as the service reports them (issue 18): currentUsage follows the session's size
 * and the Spark workload's executors, approximateUsage accumulates while ACTIVE and is final once
 * the session has ended, premium for interactive sessions. Over real HTTP, the clock moved by the
 * control API.
 */
let server: TestServer;
const parent = 'projects/usage/locations/us-central1';

interface Usage {
  runtimeInfo?: {
    currentUsage?: Record<string, string>;
    approximateUsage?: Record<string, string>;
  };
  state?: string;
}
async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
async function post(path: string, body: unknown = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}
const advance = (seconds: number) => post('/control/clock:advance', { seconds });

async function activeSession(id: string, properties: Record<string, string> = {}) {
  const name = `${parent}/sessions/${id}`;
  await post(`/v1/${parent}/sessions?sessionId=${id}`, {
    runtimeConfig: { properties },
    environmentConfig: { executionConfig: { ttl: '1209600s', idleTtl: '1209600s' } },
  });
  await waitFor(async () => ((await get<Usage>(`/v1/${name}`)).state === 'ACTIVE' ? true : undefined));
  return name;
}
/** Executors the Spark executors API lists as active (the driver excluded). */
async function activeExecutors(session: string): Promise<number> {
  const apps = await get<{ sparkApplications: { name: string }[] }>(
    `/v1/${session}/sparkApplications:search`,
  );
  const app = apps.sparkApplications[0]!.name;
  const listed = await get<{ sparkApplicationExecutors?: { executorId?: string; isActive?: boolean }[] }>(
    `/v1/${app}:searchExecutors?parent=${session}&executorStatus=EXECUTOR_STATUS_ACTIVE&pageSize=100`,
  );
  return (listed.sparkApplicationExecutors ?? []).filter((e) => e.executorId !== 'driver').length;
}

beforeAll(async () => {
  server = await startTestServer({ transitionMs: 20 });
});
afterAll(() => server.close());

describe('usage figures', () => {
  it('a default session runs at 12 DCU (driver and two executors of 4 DCU), all premium', async () => {
    const session = await activeSession('default-size');
    await advance(10);
    const { runtimeInfo } = await get<Usage>(`/v1/${session}`);
    // Right after start the workload has added no executor yet: the documented default of 12 DCU.
    expect(runtimeInfo?.currentUsage?.milliDcu).toBe(
      String(1000 * (1 + (await activeExecutors(session))) * 4),
    );
    expect(runtimeInfo?.currentUsage?.milliDcuPremium).toBe(runtimeInfo?.currentUsage?.milliDcu);
  });

  it('currentUsage follows the configured sizes and the executors dynamic allocation adds and releases', async () => {
    const properties = {
      'spark.driver.cores': '8',
      'spark.driver.memory': '28g',
      'spark.executor.cores': '16',
      'spark.executor.memory': '100g',
    };
    const session = await activeSession('big-executors', properties);
    const driver = roleSize(properties, 'driver').dcu.dcu;
    const executor = roleSize(properties, 'executor').dcu.dcu;
    const counts = new Set<number>();
    // Over two hours the notebook workload adds executors for its heavy jobs and releases them.
    for (let i = 0; i < 48; i++) {
      await advance(150);
      const { runtimeInfo } = await get<Usage>(`/v1/${session}`);
      const executors = (Number(runtimeInfo?.currentUsage?.milliDcu) / 1000 - driver) / executor;
      // A whole number of executors (milli-DCU are rounded), never fewer than the two it starts with.
      expect(Math.abs(executors - Math.round(executors))).toBeLessThan(0.001);
      expect(Math.round(executors)).toBeGreaterThanOrEqual(2);
      counts.add(Math.round(executors));
    }
    expect(counts.size).toBeGreaterThan(1);
  });

  it('approximateUsage grows while ACTIVE, with shuffle storage, and is final once TERMINATED', async () => {
    const session = await activeSession('accumulates');
    const read = async () => (await get<Usage>(`/v1/${session}`)).runtimeInfo?.approximateUsage ?? {};
    const first = await read();
    await advance(3600);
    const second = await read();
    // At least the driver and the two executors for the hour (12 DCU × 3600 s, in milli-DCU-seconds).
    const grown = Number(second.milliDcuSeconds) - Number(first.milliDcuSeconds);
    expect(grown).toBeGreaterThanOrEqual(12 * 3600 * 1000 - 1000);
    // The executors dynamic allocation adds cost more, never less.
    expect(grown).toBeLessThan(40 * 3600 * 1000);
    expect(Number(second.shuffleStorageGbSeconds)).toBeGreaterThan(
      Number(first.shuffleStorageGbSeconds ?? 0),
    );
    const current = (await get<Usage>(`/v1/${session}`)).runtimeInfo?.currentUsage;
    expect(Number(current?.shuffleStorageGb)).toBeGreaterThan(0);

    await post(`/v1/${session}:terminate`);
    await waitFor(async () =>
      (await get<Usage>(`/v1/${session}`)).state === 'TERMINATED' ? true : undefined,
    );
    const final = await read();
    expect(Number(final.milliDcuSeconds)).toBeGreaterThanOrEqual(Number(second.milliDcuSeconds));
    expect((await get<Usage>(`/v1/${session}`)).runtimeInfo?.currentUsage).toBeUndefined();
    await advance(7200);
    expect(await read()).toEqual(final);
  });
});
