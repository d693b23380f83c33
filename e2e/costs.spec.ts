import {
  clockTest,
  expect,
  expectAccessibleInBothModes,
  hourJumpTest,
  listUrl,
  test,
  type Api,
} from './fixtures';
import { VIEWPORTS, measureLayout } from './layout';

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
  // Where the prices come from, and which of them are not confirmed.
  await expect(panel).toContainText(
    'Price table: https://cloud.google.com/dataproc-serverless/pricing, read 2026-11-27',
  );
  await expect(panel).toContainText(
    'shuffle storage (0.040 standard / 0.100 premium per GB-month) unverified',
  );
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

clockTest(
  'the usage chart shows the executors the Spark API lists and marks the jobs',
  async ({ page, api }) => {
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
  },
);

/** Creates a session in any region of the test's project (the fixture's helper knows one region). */
async function createIn(api: Api, region: string, id: string, session: Record<string, unknown> = {}) {
  const { status, body } = await api.call(
    'POST',
    `/v1/projects/${api.project}/locations/${region}/sessions?sessionId=${id}`,
    session,
  );
  expect(status, JSON.stringify(body)).toBe(200);
}

async function waitActive(api: Api, region: string, id: string) {
  await expect
    .poll(
      async () =>
        (
          await api.call<{ state?: string }>(
            'GET',
            `/v1/projects/${api.project}/locations/${region}/sessions/${id}`,
          )
        ).body.state,
      { timeout: 15_000 },
    )
    .toBe('ACTIVE');
}

async function expectNoSidewaysScroll(page: import('@playwright/test').Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const layout = await measureLayout(page);
  expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the fleet view totals three regions and shows the one that fails beside them', async ({
  page,
  api,
}) => {
  await createIn(api, 'us-central1', 'fleet-ml', { labels: { team: 'ml' } });
  await createIn(api, 'us-central1', 'fleet-bi', { labels: { team: 'bi' } });
  await createIn(api, 'europe-west1', 'fleet-eu', { labels: { team: 'ml' } });
  await createIn(api, 'asia-east1', 'fleet-asia');
  for (const [region, id] of [
    ['us-central1', 'fleet-ml'],
    ['us-central1', 'fleet-bi'],
    ['europe-west1', 'fleet-eu'],
    ['asia-east1', 'fleet-asia'],
  ] as const)
    await waitActive(api, region, id);
  // Fixed usage figures (the control API's overwrite wins over the live ones, which move with the
  // Spark workload): 4 DCU and 25 GB of shuffle storage for each ACTIVE session.
  for (const [region, id] of [
    ['us-central1', 'fleet-ml'],
    ['us-central1', 'fleet-bi'],
    ['europe-west1', 'fleet-eu'],
    ['asia-east1', 'fleet-asia'],
  ] as const) {
    const { status } = await api.call('POST', '/control/sessions:overwrite', {
      name: `projects/${api.project}/locations/${region}/sessions/${id}`,
      fields: { runtimeInfo: { currentUsage: { milliDcu: '4000', shuffleStorageGb: '25' } } },
    });
    expect(status).toBe(200);
  }
  // One region of this project fails on every read, as long as the test runs.
  await api.call('POST', '/control/faults', {
    path: `/projects/${api.project}/locations/us-east1/sessions`,
    method: 'GET',
    status: 503,
    count: 1000,
    message: 'us-east1 is unavailable right now.',
  });

  await page.goto(`/projects/${api.project}/fleet?label=team`);
  await expect(page.getByRole('heading', { name: 'Fleet', level: 1 })).toBeVisible();
  const failed = page.getByTestId('failed-regions');
  await expect(failed).toContainText('1 region did not answer', { timeout: 20_000 });
  await expect(failed).toContainText('us-east1: us-east1 is unavailable right now.');
  await expect(page.getByText('41 of 42 regions answered')).toBeVisible();

  const totals = page.getByRole('region', { name: 'Totals over the regions that answered' });
  // 4 DCU for each ACTIVE session, as set above.
  await expect(totals).toContainText('Sessions4');
  await expect(totals).toContainText('Active4');
  await expect(totals).toContainText('DCU now16');
  // 16 DCU × 0.089 USD (premium) + 4 × 25 GB shuffle storage × 0.040 USD a GB-month / 730 h.
  await expect(totals).toContainText('Rate now$1.4295/h');

  const byRegion = page.getByRole('region', { name: 'By region' });
  await expect(byRegion.getByRole('row')).toHaveCount(4); // header + 3 regions
  await expect(byRegion.getByRole('row', { name: /^us-central1 2 2 8/ })).toBeVisible();
  await expect(byRegion.getByRole('row', { name: /^europe-west1 1 1 4/ })).toBeVisible();
  await expect(byRegion.getByRole('row', { name: /^asia-east1 1 1 4/ })).toBeVisible();
  // Every group is on screen, so the columns sort there: by region name, then reversed.
  const regionHeader = byRegion.getByRole('columnheader', { name: /^Region/ });
  await regionHeader.getByRole('button').click();
  await expect(regionHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(byRegion.getByRole('rowheader')).toHaveText(['asia-east1', 'europe-west1', 'us-central1']);
  await regionHeader.getByRole('button').click();
  await expect(byRegion.getByRole('rowheader')).toHaveText(['us-central1', 'europe-west1', 'asia-east1']);

  // The label key is in the URL; each group links to the matching filtered list in its region.
  const byLabel = page.getByRole('region', { name: 'By label team' });
  const ml = byLabel.getByRole('row', { name: /^ml 2 2 8/ });
  await expect(ml).toBeVisible();
  await expect(byLabel.getByRole('row', { name: /^\(none\) 1 1 4/ })).toBeVisible();
  await expectAccessibleInBothModes(page);
  await expectNoSidewaysScroll(page);

  await ml.getByRole('link', { name: 'us-central1 (1)' }).click();
  await expect(page).toHaveURL(/\/locations\/us-central1\/sessions\?label=team%3Dml$/);
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(page.getByTestId('session-row')).toContainText('fleet-ml');

  // Another label key, typed in the view, goes into the URL.
  await page.goBack();
  const field = page.getByLabel('Group by label key');
  await field.fill('Bad Key');
  await expect(page.getByText('A label key must start with a lowercase letter')).toBeVisible();
  await field.fill('env');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/fleet\?label=env$/);
  await expect(page.getByRole('region', { name: 'By label env' })).toBeVisible();
});

hourJumpTest(
  'the idle view finds the session that has run nothing for an hour and terminates it',
  async ({ page, api }) => {
    hourJumpTest.setTimeout(90_000);
    // Idle TTLs longer than the hour the clock is moved, so the service has not ended them itself.
    const config = { environmentConfig: { executionConfig: { idleTtl: '7200s', ttl: '28800s' } } };
    await api.createSession('idle-quiet', config);
    await api.createSession('idle-busy', config);
    await api.waitForState('idle-quiet', 'ACTIVE');
    await api.waitForState('idle-busy', 'ACTIVE');
    const quiet = await api.call('POST', '/control/sessions:runWorkload', {
      name: `${api.parent}/sessions/idle-quiet`,
      workload: 'quiet',
    });
    expect(quiet.status).toBe(200);
    await api.call('POST', '/control/clock:advance', { seconds: 65 * 60 });
    // Fixed usage figures for the idle one (the control API's overwrite wins over the live ones).
    const fixed = await api.call('POST', '/control/sessions:overwrite', {
      name: `${api.parent}/sessions/idle-quiet`,
      fields: { runtimeInfo: { currentUsage: { milliDcu: '4000', shuffleStorageGb: '25' } } },
    });
    expect(fixed.status).toBe(200);

    await page.goto(`/projects/${api.project}/idle`);
    const table = page.getByRole('table', { name: 'Idle sessions' });
    const row = table.getByRole('row', { name: /idle-quiet/ });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('row', { name: /idle-busy/ })).toHaveCount(0);
    await expect(row).toContainText('since its latest job ended');
    // Its notebook's one cycle ended within 3 minutes of the start: idle about 62 to 65 minutes.
    await expect(row).toContainText(/1 h [0-5] min/);
    await expect(row).toContainText('idle TTL ends it in');
    // 4 DCU × 0.089 USD + 25 GB shuffle × 0.040 / 730 = 0.3574 USD/h; idle cost: that × about 1.04 h.
    await expect(row).toContainText('$0.3574/h');
    await expect(row.getByRole('cell', { name: /^\$0\.3[5-9]\d\d$/ })).toBeVisible();

    // N is in the URL: at 120 minutes nothing is idle long enough.
    await page.getByLabel('Idle for at least (minutes)').fill('120');
    await page.getByLabel('Idle for at least (minutes)').press('Enter');
    await expect(page).toHaveURL(/\/idle\?minutes=120$/);
    await expect(page.getByText('No session has been idle for 120 minutes')).toBeVisible();
    await page.goBack();
    await expect(row).toBeVisible();
    await expectAccessibleInBothModes(page);
    await expectNoSidewaysScroll(page);

    await row.getByRole('checkbox', { name: 'Select idle-quiet' }).check();
    await expect(page.getByText('Terminating the 1 selected session(s) stops them now')).toBeVisible();
    await page
      .getByRole('toolbar', { name: 'Selected sessions' })
      .getByRole('button', { name: 'Terminate' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('idle-quiet');
    await dialog.getByRole('button', { name: 'Terminate' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 terminated' })).toBeVisible({
      timeout: 20_000,
    });
    await expect
      .poll(
        async () =>
          (await api.call<{ state?: string }>('GET', `/v1/${api.parent}/sessions/idle-quiet`)).body.state,
      )
      .toMatch(/TERMINAT/);
    const busy = await api.call<{ state?: string }>('GET', `/v1/${api.parent}/sessions/idle-busy`);
    expect(busy.body.state).toBe('ACTIVE');
    await expect(table.getByRole('row', { name: /idle-quiet/ })).toHaveCount(0, { timeout: 20_000 });
  },
);

test('the session page suggests right-sizing with its numbers and names the metrics it lacks', async ({
  page,
  api,
}) => {
  // 40 GB executors on 4 vCPU: memory above 8 GB per vCPU counts double.
  await api.createSession('wide-memory', {
    runtimeConfig: { properties: { 'spark.executor.memory': '40g' } },
  });
  await api.waitForState('wide-memory', 'ACTIVE');
  await page.goto(`/projects/${api.project}/locations/us-central1/sessions/wide-memory`);
  const panel = page.getByRole('region', { name: 'Right-sizing' });
  await expect(panel).toContainText(/spark\.executor\.cores: 4 → 6, saves \$\d+\.\d{4}\/h/, {
    timeout: 20_000,
  });
  await expect(panel).toContainText('above 8 GB per vCPU count 0.2 DCU each; with 6 vCPU all count 0.1');
  // The driver ran no tasks: its peak JVM heap is the emulator's floor (8% of its 12 GiB), so its
  // memory is judged and found mostly unused. (Whether an executor has run a task yet depends on
  // how long the session has been up, as the notebook runs on its own: the executor-memory
  // suggestion is checked against the executors API in the next test.)
  await expect(panel).toContainText(/spark\.driver\.memory: \S+ → 1536m, saves \$\d+\.\d{4}\/h/);
  await expect(panel).toContainText('peak JVM heap 983 MiB (driver) against');
  await expect(panel).not.toContainText('no peakMemoryMetrics.JVMHeapMemory');
});

clockTest(
  'the session page suggests less executor memory from the peak JVM heap the Spark executors API reports',
  async ({ page, api }) => {
    await api.createSession('memory-peak');
    await api.waitForState('memory-peak', 'ACTIVE');
    const name = `${api.parent}/sessions/memory-peak`;
    // One cycle of a notebook, over within 3 minutes: after 5, the executors' figures no longer move.
    expect(
      (await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'quiet' })).status,
    ).toBe(200);
    await api.call('POST', '/control/clock:advance', { seconds: 300 });
    const apps = await api.call<{ sparkApplications?: Array<{ name: string }> }>(
      'GET',
      `/v1/${name}/sparkApplications:search`,
    );
    const app = apps.body.sparkApplications![0]!.name;

    await page.goto(`/${name}`);
    const panel = page.getByRole('region', { name: 'Right-sizing' });
    const suggestion = panel.getByText(/^spark\.executor\.memory: \S+ → \d+m, saves \$\d+\.\d{4}\/h$/);
    await expect(suggestion).toBeVisible({ timeout: 20_000 });
    // The evidence cites the highest peak among the executors that ran tasks, as the API reports it.
    await expect(async () => {
      const text = await panel.innerText();
      const cited = text.match(
        /peak JVM heap (\d+) MiB \(executor (\d+), the highest of (\d+) that ran tasks\)/,
      );
      expect(cited, text).not.toBeNull();
      const executors = await api.call<{
        sparkApplicationExecutors?: Array<{
          executorId?: string;
          totalTasks?: number;
          peakMemoryMetrics?: { metrics?: Record<string, string> };
        }>;
      }>('GET', `/v1/${app}:searchExecutors?parent=${encodeURIComponent(name)}&pageSize=100`);
      const ran = (executors.body.sparkApplicationExecutors ?? []).filter(
        (e) => e.executorId !== 'driver' && (e.totalTasks ?? 0) > 0,
      );
      const top = ran.reduce((a, b) =>
        Number(b.peakMemoryMetrics!.metrics!.JVMHeapMemory) >
        Number(a.peakMemoryMetrics!.metrics!.JVMHeapMemory)
          ? b
          : a,
      );
      expect(cited![2]).toBe(top.executorId);
      expect(Number(cited![3])).toBe(ran.length);
      expect(Number(cited![1])).toBe(
        Math.round(Number(top.peakMemoryMetrics!.metrics!.JVMHeapMemory) / 2 ** 20),
      );
    }).toPass({ timeout: 20_000 });
    // The new value is that peak × 1.5, rounded up to 512 MiB.
    const cited = Number((await panel.innerText()).match(/peak JVM heap (\d+) MiB \(executor/)![1]);
    const newMib = Number((await suggestion.innerText()).match(/→ (\d+)m/)![1]);
    expect(newMib % 512).toBe(0);
    expect(newMib).toBeGreaterThanOrEqual(cited * 1.5 - 1);
    expect(newMib).toBeLessThan(cited * 1.5 + 512);
  },
);

test('the template page suggests right-sizing from its recent sessions, naming the sessions it covers', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  // Executors of 40 GB on 4 vCPU: memory above 8 GB per vCPU counts double, in every session made from it.
  const template = `${api.parent}/sessionTemplates/wide-template`;
  const created = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: template,
    runtimeConfig: { properties: { 'spark.executor.memory': '40g' } },
  });
  expect(created.status).toBe(200);
  await api.createSession('wide-one', { sessionTemplate: template });
  await api.createSession('wide-two', { sessionTemplate: template });
  // A session that sets its own executor memory ran another shape: it is left out, and said so.
  await api.createSession('wide-own', {
    sessionTemplate: template,
    runtimeConfig: { properties: { 'spark.executor.memory': '20g' } },
  });
  for (const id of ['wide-one', 'wide-two', 'wide-own']) await api.waitForState(id, 'ACTIVE');
  // The oldest has ended, with its usage pinned: ended sessions count too.
  await endWithUsage(api, 'wide-one', 12);

  await page.goto(`/${template}`);
  const panel = page.getByRole('region', { name: 'Right-sizing from recent sessions' });
  await expect(panel.getByTestId('template-right-sizing-coverage')).toHaveText(
    'Judged on 2 sessions (wide-two, wide-one): the newest 3 of the 3 found using this template that ran.',
    { timeout: 20_000 },
  );
  await expect(panel).toContainText(/spark\.executor\.cores: 4 → 6, saves \$\d+\.\d{4}\/h/);
  await expect(panel).toContainText('all 2 sessions with the metric suggest it');
  await expect(panel).toContainText('above 8 GB per vCPU count 0.2 DCU each; with 6 vCPU all count 0.1');
  const perSession = panel.getByRole('list', { name: 'spark.executor.cores in each session' });
  await expect(perSession.getByRole('listitem')).toHaveText([
    /^wide-two: 6, \$\d+\.\d{4}\/h$/,
    /^wide-one: 6, \$\d+\.\d{4}\/h$/,
  ]);
  // The saving is whole executors at (8.578 − 8.289) DCU × 0.089 USD each: 46.89 GB per container.
  const saved = Number(
    (await panel.getByText(/spark\.executor\.cores: 4 → 6/).innerText()).match(/saves \$([\d.]+)/)![1],
  );
  const perExecutor = (8.5781 - 8.2891) * 0.089;
  expect(saved / perExecutor).toBeGreaterThanOrEqual(0.99);
  expect(Math.abs(saved / perExecutor - Math.round(saved / perExecutor))).toBeLessThan(0.01);
  await expect(panel).toContainText('Left out, for setting their own sizing:');
  await expect(panel).toContainText('wide-own: spark.executor.memory');
  // The emulator's executors report a peak JVM heap now: the memory rule judges each session, none is left out for want of it.
  await expect(panel).not.toContainText('no peakMemoryMetrics.JVMHeapMemory');

  await expectAccessibleInBothModes(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await expect(panel).toContainText('all 2 sessions with the metric suggest it');
      const where = `template page at ${viewport.width}×${viewport.height} (${colorScheme})`;
      const layout = await measureLayout(page);
      expect(layout.overlaps, where).toEqual([]);
      expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
    }
  }
});

test('accelerators the price table has no price for are named on the session page and in the list', async ({
  page,
  api,
}) => {
  await api.createSession('gpu-session');
  await api.waitForState('gpu-session', 'ACTIVE');
  // Two L4s now and 30 L4-minutes so far: the built-in table has no accelerator prices.
  const { status } = await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/gpu-session`,
    fields: {
      // Active for 30 minutes, as the usage says (a shorter run would be billed at the minimum).
      stateTime: iso(Date.now() - 1_800_000),
      runtimeInfo: {
        currentUsage: { milliDcu: '12000', milliDcuPremium: '12000', milliAcceleratorL4: '2000' },
        approximateUsage: { milliDcuSeconds: String(12 * 1800 * 1000), milliAcceleratorSecondsL4: '1800000' },
      },
    },
  });
  expect(status).toBe(200);
  await page.goto(`/${api.parent}/sessions/gpu-session`);
  const panel = page.getByRole('region', { name: 'Cost' });
  await expect(panel.getByTestId('cost-unpriced')).toContainText(
    'Not in these figures (no price in the table): l4 accelerators.',
  );
  // The money is the DCU part alone: 12 DCU × 0.089.
  await expect(panel.getByTestId('cost-rate-value')).toHaveText('$1.0680/h · 12 DCU');

  await page.goto(listUrl(api));
  await expect(page.getByTestId('cost-cell')).toHaveText('$0.5340 + unpriced');
  await expect(page.getByTestId('total-unpriced')).toHaveText(
    'Not counted: accelerators or other usage without a price in the table, in 1 session.',
  );
});
