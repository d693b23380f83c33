import { describe, expect, it } from 'vitest';
import { installMockFetch, jsonResponse } from '../../../testing/mock-fetch';
import { idleMinutesProblem } from '../components/idle-minutes';
import { FLEET_MAX_PAGES, jobActivity, readFleet } from './fleet-api';

const fetchMock = installMockFetch();

const urlOf = (input: Parameters<typeof fetch>[0]) => new URL(String(input), 'http://console.test');

describe('readFleet', () => {
  it('reads every page of each region, answers a failing region beside the others, counts its calls', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = urlOf(input);
      if (url.pathname.includes('/locations/us-east1/'))
        return jsonResponse(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'down' } });
      if (url.pathname.includes('/locations/us-central1/')) {
        const token = url.searchParams.get('pageToken');
        return jsonResponse(
          200,
          token
            ? { sessions: [{ name: 'projects/p/locations/us-central1/sessions/b', state: 'ACTIVE' }] }
            : {
                sessions: [{ name: 'projects/p/locations/us-central1/sessions/a', state: 'ACTIVE' }],
                nextPageToken: 'next',
              },
        );
      }
      return jsonResponse(200, {});
    });
    const fleet = await readFleet('p', ['us-central1', 'us-east1', 'europe-west1']);
    expect(fleet.requests).toBe(4);
    const [central, east, europe] = fleet.results;
    expect(central).toMatchObject({ region: 'us-central1', ok: true });
    expect(central!.ok && central!.value.sessions.map((s) => s.name?.split('/').pop())).toEqual(['a', 'b']);
    expect(east).toMatchObject({ region: 'us-east1', ok: false, message: 'down' });
    expect(europe).toMatchObject({ region: 'europe-west1', ok: true, value: { sessions: [] } });
    // Every list call asks for the API's largest page.
    for (const [input] of fetchMock.mock.calls)
      expect(urlOf(input).searchParams.get('pageSize')).toBe('1000');
  });

  it('stops after the page limit and says the region was cut short', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(200, {
        sessions: [{ name: 'projects/p/locations/r1/sessions/x' }],
        nextPageToken: 'more',
      }),
    );
    const fleet = await readFleet('p', ['us-central1']);
    expect(fleet.requests).toBe(FLEET_MAX_PAGES);
    expect(fleet.results[0]).toMatchObject({ ok: true, value: { truncated: true } });
  });

  it("takes the service's clock from the newest usage snapshot when it is ahead", async () => {
    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    fetchMock.mockImplementation(async () =>
      jsonResponse(200, {
        sessions: [
          {
            name: 'projects/p/locations/us-central1/sessions/a',
            runtimeInfo: { currentUsage: { snapshotTime: ahead } },
          },
        ],
      }),
    );
    const fleet = await readFleet('p', ['us-central1']);
    expect(fleet.clockAheadMs).toBeGreaterThan(3_500_000);
    expect(fleet.clockAheadMs).toBeLessThanOrEqual(3_600_000);
  });
});

describe('jobActivity', () => {
  const session = 'projects/p/locations/us-central1/sessions/s';
  const app = `${session}/sparkApplications/app-1`;

  it('finds the latest job end among the newest jobs and whether one runs', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = urlOf(input);
      if (url.pathname.endsWith('sparkApplications:search'))
        return jsonResponse(200, { sparkApplications: [{ name: app }] });
      if (url.searchParams.get('jobStatus')) return jsonResponse(200, {});
      expect(url.searchParams.get('parent')).toBe(session);
      return jsonResponse(200, {
        sparkApplicationJobs: [
          { jobId: '2', status: 'JOB_EXECUTION_STATUS_SUCCEEDED', completionTime: '2026-01-01T10:00:00Z' },
          { jobId: '1', status: 'JOB_EXECUTION_STATUS_FAILED', completionTime: '2026-01-01T10:05:00Z' },
        ],
      });
    });
    expect(await jobActivity(session)).toEqual({
      latestJobEnd: Date.parse('2026-01-01T10:05:00Z'),
      jobRunning: false,
    });
  });

  it('reports a running job from the running-jobs search, and null when no job ever ended', async () => {
    fetchMock.mockImplementation(async (input) => {
      const url = urlOf(input);
      if (url.pathname.endsWith('sparkApplications:search'))
        return jsonResponse(200, { sparkApplications: [{ name: app }] });
      if (url.searchParams.get('jobStatus') === 'JOB_EXECUTION_STATUS_RUNNING')
        return jsonResponse(200, {
          sparkApplicationJobs: [{ jobId: '0', status: 'JOB_EXECUTION_STATUS_RUNNING' }],
        });
      return jsonResponse(200, {});
    });
    expect(await jobActivity(session)).toEqual({ latestJobEnd: null, jobRunning: true });
  });
});

describe('idleMinutesProblem', () => {
  it('accepts whole minutes from 1 to a week and names what is wrong otherwise', () => {
    expect(idleMinutesProblem('60')).toBeUndefined();
    expect(idleMinutesProblem('10080')).toBeUndefined();
    expect(idleMinutesProblem('0')).toBe('At least 1 minute.');
    expect(idleMinutesProblem('10081')).toMatch(/At most 10080 minutes/);
    expect(idleMinutesProblem('1.5')).toMatch(/whole number/);
    expect(idleMinutesProblem('')).toMatch(/whole number/);
  });
});
