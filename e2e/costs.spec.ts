import { expect, expectAccessibleInBothModes, listUrl, test, type Api } from './fixtures';
import { measureLayout } from './layout';

/**
 * The money figures on the session page against the usage the API returns. The expected amounts
 * are worked out here from the default price table (us-central1, premium DCU 0.089 USD/h,
 * standard shuffle storage 0.04 USD per GB-month of 730 h).
 */

const iso = (ms: number) => new Date(ms).toISOString();

test('an ended session shows its final cost from approximateUsage, with how it was computed', async ({
  page,
  api,
}) => {
  await api.createSession('ended-cost');
  await api.waitForState('ended-cost', 'ACTIVE');
  await api.call('POST', `/v1/${api.parent}/sessions/ended-cost:terminate`, {});
  await api.waitForState('ended-cost', 'TERMINATED');
  // One hour active, 12 DCU-hours and one GB-month of shuffle storage (730 GB-hours) in all.
  const activeAt = Date.now() - 2 * 3_600_000;
  await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/ended-cost`,
    fields: {
      stateHistory: [
        { state: 'CREATING', stateStartTime: iso(activeAt - 60_000) },
        { state: 'ACTIVE', stateStartTime: iso(activeAt) },
        { state: 'TERMINATING', stateStartTime: iso(activeAt + 3_600_000 - 5000) },
      ],
      stateTime: iso(activeAt + 3_600_000),
      runtimeInfo: {
        approximateUsage: {
          milliDcuSeconds: String(12 * 3600 * 1000),
          shuffleStorageGbSeconds: String(730 * 3600),
        },
      },
    },
  });
  await page.goto(`/${api.parent}/sessions/ended-cost`);
  const panel = page.getByRole('region', { name: 'Cost' });
  // 12 DCU-h × 0.089 = 1.068, + 1 GB-month × 0.04 = 1.108
  await expect(panel.getByTestId('cost-final-value')).toHaveText('$1.1080');
  await expect(panel.getByTestId('cost-final-how')).toContainText('43200000 milliDCU-seconds = 12 DCU-hours');
  await expect(panel.getByTestId('cost-final-how')).toContainText('0.089 USD/DCU-hour (premium)');
  await expect(panel.getByTestId('cost-final-how')).toContainText('1 GB-months');
  await expect(panel.getByTestId('cost-rate')).toHaveCount(0);
  await expect(panel.getByTestId('cost-by-ttl')).toHaveCount(0);
});

test('an active session: rate now from currentUsage, cost so far from approximateUsage, TTL projections', async ({
  page,
  api,
}) => {
  await api.createSession('live-cost', {
    environmentConfig: { executionConfig: { ttl: '10800s', idleTtl: '36000s' } },
  });
  await api.waitForState('live-cost', 'ACTIVE');
  // Active for two hours (as the page sees it), 20 DCU-hours so far; TTL 3 h, so one hour left.
  const activeAt = Date.now() - 2 * 3_600_000;
  await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/live-cost`,
    fields: {
      stateTime: iso(activeAt),
      runtimeInfo: { approximateUsage: { milliDcuSeconds: String(20 * 3600 * 1000) } },
    },
  });
  const { body } = await api.call<{
    runtimeInfo: { currentUsage: { milliDcu: string; shuffleStorageGb?: string } };
  }>('GET', `/v1/${api.parent}/sessions/live-cost`);
  const dcu = Number(body.runtimeInfo.currentUsage.milliDcu) / 1000;
  const shuffleGb = Number(body.runtimeInfo.currentUsage.shuffleStorageGb ?? 0);
  const perHour = dcu * 0.089 + (shuffleGb * 0.04) / 730;
  const soFar = 20 * 0.089;

  await page.goto(`/${api.parent}/sessions/live-cost`);
  const panel = page.getByRole('region', { name: 'Cost' });
  await expect(panel.getByTestId('cost-rate-value')).toHaveText(`$${perHour.toFixed(4)}/h · ${dcu} DCU`);
  await expect(panel.getByTestId('cost-so-far-value')).toHaveText(`$${soFar.toFixed(4)}`);
  await expect(panel.getByTestId('cost-so-far-how')).toContainText(
    '72000000 milliDCU-seconds = 20 DCU-hours',
  );
  // By the TTL: so far + one more hour at the current rate (within a minute's drift of the clocks).
  const byTtl = Number((await panel.getByTestId('cost-by-ttl-value').innerText()).replace('$', ''));
  expect(byTtl).toBeGreaterThan(soFar + perHour * (59 / 60));
  expect(byTtl).toBeLessThanOrEqual(soFar + perHour * (61 / 60));
  await expect(panel.getByTestId('cost-by-ttl-how')).toContainText('until the TTL (10800 s) ends it');
  // The idle TTL (10 h) is later than the TTL, so the TTL ends it first either way.
  await expect(panel.getByTestId('cost-idle-ttl-how')).toContainText('before the idle TTL would');
  // The chart has a text alternative that names what it shows.
  await expect(panel.getByTestId('usage-summary')).toContainText(`reading`);
  await expect(panel.getByRole('img', { name: /DCU \(solid line, top\)/ })).toBeVisible();

  await expectAccessibleInBothModes(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const layout = await measureLayout(page);
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.overlaps).toEqual([]);
});

test('the create form estimates DCU and money per hour as executors are added, with the formula', async ({
  page,
  api,
}) => {
  await page.goto(`/${api.parent}/sessions/new`);
  const estimate = page.getByRole('region', { name: 'Cost estimate' });
  // The service's defaults: driver + 2 executors of 4 vCPU / 16 GB = 12 DCU; at most 1000 executors.
  await expect(estimate.getByTestId('estimate-minimum')).toContainText('$1.0680/h · 12 DCU');
  await expect(estimate.getByTestId('estimate-maximum')).toContainText('(1000 executors)');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 1' }).fill('spark.dynamicAllocation.enabled');
  await page.getByLabel('property value 1').fill('false');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 2' }).fill('spark.executor.instances');
  await page.getByLabel('property value 2').fill('10');
  // 4 DCU driver + 10 × 4 DCU = 44 DCU × 0.089 USD = 3.916 USD per hour, at either end.
  await expect(estimate.getByTestId('estimate-minimum')).toContainText('(10 executors)');
  await expect(estimate.getByTestId('estimate-minimum')).toContainText('$3.9160/h · 44 DCU');
  await expect(estimate.getByTestId('estimate-maximum')).toContainText('$3.9160/h · 44 DCU');
  await page.getByLabel('property value 2').fill('3');
  await expect(estimate.getByTestId('estimate-maximum')).toContainText('$1.4240/h · 16 DCU');
  await estimate.getByText('The formula').click();
  await expect(estimate.getByTestId('estimate-formula')).toContainText(
    'dynamic allocation off: spark.executor.instances = 3',
  );
});

test('the template page shows the estimate for sessions made from it', async ({ page, api }) => {
  const { status } = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/sized`,
    runtimeConfig: {
      properties: { 'spark.executor.cores': '8', 'spark.dynamicAllocation.maxExecutors': '4' },
    },
  });
  expect(status).toBe(200);
  await page.goto(`/${api.parent}/sessionTemplates/sized`);
  const estimate = page.getByRole('region', { name: 'Cost estimate for sessions made from it' });
  // Executors of 8 vCPU / 16 GB: 0.6 × 8 + 0.1 × 16 = 6.4 DCU; driver 4 DCU. 2 to 4 executors.
  await expect(estimate.getByTestId('estimate-minimum')).toContainText('16.8 DCU');
  await expect(estimate.getByTestId('estimate-maximum')).toContainText('29.6 DCU');
});

/** Ends a session as if it had run one hour and used `dcuHours` DCU-hours in all. */
async function endWithUsage(api: Api, id: string, dcuHours: number) {
  await api.call('POST', `/v1/${api.parent}/sessions/${id}:terminate`, {});
  await api.waitForState(id, 'TERMINATED');
  const activeAt = Date.now() - 2 * 3_600_000;
  await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/${id}`,
    fields: {
      stateHistory: [{ state: 'ACTIVE', stateStartTime: iso(activeAt) }],
      stateTime: iso(activeAt + 3_600_000),
      runtimeInfo: { approximateUsage: { milliDcuSeconds: String(dcuHours * 3600 * 1000) } },
    },
  });
}

test('the list has a cost column and totals for the filter, saying when they cover one page only', async ({
  page,
  api,
}) => {
  await api.createSession('spent-a');
  await api.createSession('spent-b');
  await api.waitForState('spent-a', 'ACTIVE');
  await api.waitForState('spent-b', 'ACTIVE');
  await endWithUsage(api, 'spent-a', 12);
  await endWithUsage(api, 'spent-b', 8);

  await page.goto(listUrl(api, '?state=TERMINATED'));
  const row = (id: string) => page.locator(`[data-testid="session-row"][data-session="${id}"]`);
  // 12 DCU-h × 0.089 = 1.068; 8 DCU-h × 0.089 = 0.712; together 1.78.
  await expect(row('spent-a').getByTestId('cost-cell')).toHaveText('$1.0680');
  await expect(row('spent-b').getByTestId('cost-cell')).toHaveText('$0.7120');
  const totals = page.getByRole('region', { name: 'Cost totals' });
  await expect(totals.getByTestId('total-so-far')).toHaveText('$1.7800');
  await expect(totals.getByTestId('total-rate')).toHaveText('$0.0000/h');
  await expect(totals.getByTestId('total-scope')).toContainText('All 2 sessions matching the filter');

  // 19 more: 21 in all, so the first page (20) is not everything.
  for (let i = 0; i < 19; i++) await api.createSession(`more-${String(i).padStart(2, '0')}`);
  await page.goto(listUrl(api, '?pageSize=20'));
  await expect(page.getByTestId('session-row')).toHaveCount(20);
  await expect(totals.getByTestId('total-scope')).toContainText(
    'The 20 sessions on this page; not counted: the pages after it (not loaded)',
  );
});

test('the usage chart shows the executors the Spark API lists and marks the jobs', async ({ page, api }) => {
  await api.createSession('chart-spark');
  await api.waitForState('chart-spark', 'ACTIVE');
  const name = `${api.parent}/sessions/chart-spark`;
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'etl' });
  await api.call('POST', '/control/clock:advance', { seconds: 40 });
  const apps = await api.call<{ sparkApplications?: Array<{ name: string }> }>(
    'GET',
    `/v1/${name}/sparkApplications:search`,
  );
  const app = apps.body.sparkApplications![0]!.name;

  await page.goto(`/${name}`);
  const summary = page.getByRole('region', { name: 'Cost' }).getByTestId('usage-summary');
  await expect(summary).toContainText('from the Spark executors API', { timeout: 15_000 });
  await expect(summary).toContainText(/\d+ Spark jobs? marked as dotted ticks/);
  // The count "now" is the executors the API lists without a remove time (the driver not counted).
  const executors = await api.call<{
    sparkApplicationExecutors?: Array<{ executorId?: string; removeTime?: string }>;
  }>('GET', `/v1/${app}:searchExecutors?parent=${encodeURIComponent(name)}&pageSize=100`);
  const alive = (executors.body.sparkApplicationExecutors ?? []).filter(
    (e) => e.executorId !== 'driver' && !e.removeTime,
  ).length;
  await expect(summary).toContainText(`${alive} now`);
});
