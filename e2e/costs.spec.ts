import { expect, expectAccessibleInBothModes, test, type Api } from './fixtures';
import { measureLayout } from './layout';
import { spawnServer, type SpawnedServer } from '../server/testing/spawn-server';

/**
 * The idle test moves the emulator's clock by an hour: it gets an emulator (and so a worker) of its
 * own, so no other test's relative times move with it.
 */
const ownEmulatorTest = test.extend<object, { server: SpawnedServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await spawnServer(['--db', ':memory:', '--no-seed', '--transition-ms', '1500']);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

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
  // The emulator reports 4 DCU for each ACTIVE session.
  await expect(totals).toContainText('Sessions4');
  await expect(totals).toContainText('Active4');
  await expect(totals).toContainText('DCU now16');
  // 16 DCU × 0.089 USD (premium) + 4 × 25 GB shuffle storage × 0.040 USD a GB-month / 730 h.
  await expect(totals).toContainText('Rate now1.4295 USD/h');

  const byRegion = page.getByRole('region', { name: 'By region' });
  await expect(byRegion.getByRole('row')).toHaveCount(4); // header + 3 regions
  await expect(byRegion.getByRole('row', { name: /^us-central1 2 2 8/ })).toBeVisible();
  await expect(byRegion.getByRole('row', { name: /^europe-west1 1 1 4/ })).toBeVisible();
  await expect(byRegion.getByRole('row', { name: /^asia-east1 1 1 4/ })).toBeVisible();

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

ownEmulatorTest(
  'the idle view finds the session that has run nothing for an hour and terminates it',
  async ({ page, api }) => {
    ownEmulatorTest.setTimeout(90_000);
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
    await expect(row).toContainText('0.3574 USD/h');
    await expect(row.getByRole('cell', { name: /^0\.3[5-9]\d\d USD$/ })).toBeVisible();

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
  await expect(panel).toContainText(/spark\.executor\.cores: 4 → 6, saves \d+\.\d{4} USD\/h/, {
    timeout: 20_000,
  });
  await expect(panel).toContainText('above 8 GB per vCPU count 0.2 DCU each; with 6 vCPU all count 0.1');
  // The executors API of the emulator reports no peak JVM heap: no memory suggestion is made up.
  await expect(panel).toContainText('Not judged, for want of a metric');
  await expect(panel).toContainText('spark.driver.memory: no peakMemoryMetrics.JVMHeapMemory for the driver');
  await expect(panel).not.toContainText(/spark\.(driver|executor)\.memory: \S+ → /);
});
