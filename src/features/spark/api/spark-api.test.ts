import { describe, expect, it } from 'vitest';
import { installMockFetch, jsonResponse } from '../../../testing/mock-fetch';
import { routes } from '../../../schemas/console-routes';
import { readSparkPlace, sparkHref } from '../components/spark-url';
import { searchJobs, searchStageTasks, searchStages } from './spark-api';

const fetchMock = installMockFetch();
const ref = {
  app: 'projects/p/locations/l/sessions/s/sparkApplications/app-1',
  session: 'projects/p/locations/l/sessions/s',
};

describe('the sparkApplications calls', () => {
  it('repeat the session as parent and send lists as repeated parameters', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await searchStages(ref, { stageIds: ['3', '4'], pageSize: 100 });
    const url = new URL(String(fetchMock.mock.calls[0]![0]), 'http://x');
    expect(url.pathname).toBe(`/v1/${ref.app}:searchStages`);
    expect(url.searchParams.get('parent')).toBe(ref.session);
    expect(url.searchParams.getAll('stageIds')).toEqual(['3', '4']);
    expect(url.searchParams.get('summaryMetricsMask')).toBe('task_quantile_metrics');
  });

  it('ask for one stage attempt’s tasks, with a status filter and runtime order', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await searchStageTasks(ref, '7', { taskStatus: 'TASK_STATUS_FAILED', sortRuntime: true });
    const url = new URL(String(fetchMock.mock.calls[0]![0]), 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      parent: ref.session,
      stageId: '7',
      stageAttemptId: '0',
      taskStatus: 'TASK_STATUS_FAILED',
      sortRuntime: 'true',
    });
  });

  it('read statuses sent as numbers (enum-encoding=int) as their names, and drop unknown fields', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, {
        sparkApplicationJobs: [{ jobId: '1', status: 3, later: true }],
        nextPageToken: 't',
      }),
    );
    const page = await searchJobs(ref, {});
    expect(page).toEqual({
      sparkApplicationJobs: [{ jobId: '1', status: 'JOB_EXECUTION_STATUS_FAILED' }],
      nextPageToken: 't',
    });
  });

  it('refuse an int64 field that is not a decimal string', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { sparkApplicationJobs: [{ jobId: 'one' }] }));
    await expect(searchJobs(ref, {})).rejects.toMatchObject({ rpcStatus: 'BAD_RESPONSE' });
  });
});

describe('the Spark tab URL', () => {
  const session = 'projects/p/locations/l/sessions/s';
  const read = (search: string) => readSparkPlace(routes.session.readSearch(search));
  it('round-trips a place and defaults to the jobs view', () => {
    const href = sparkHref(session, { view: 'jobs', job: '12', stage: '40' });
    expect(href).toBe('/projects/p/locations/l/sessions/s?tab=spark&job=12&stage=40');
    expect(read(href.slice(href.indexOf('?')))).toEqual({ view: 'jobs', job: '12', stage: '40' });
    expect(read('tab=spark&view=sql')).toEqual({ view: 'sql' });
    expect(read('tab=spark&view=nonsense')).toEqual({ view: 'jobs' });
    expect(sparkHref(session, { app: 'app-2', view: 'sql', jobs: 'failed' })).toBe(
      '/projects/p/locations/l/sessions/s?tab=spark&app=app-2&view=sql&jobs=failed',
    );
    expect(read('tab=spark&app=app-2&jobs=failed')).toEqual({ app: 'app-2', view: 'jobs', jobs: 'failed' });
  });
});
