import { expect, expectAccessible, clockTest as test, type Api } from './fixtures';

async function activeSession(api: Api, id: string) {
  await api.createSession(id);
  await api.waitForState(id, 'ACTIVE');
  return `${api.parent}/sessions/${id}`;
}

test('a running session shows its Spark jobs appearing live', async ({ page, api }) => {
  const name = await activeSession(api, 'spark-live');
  await page.goto(`/${name}?tab=spark`);
  await expect(page.getByTestId('spark-tab')).toBeVisible();
  const rows = page.getByTestId('job-row');
  // The notebook workload lists files 2 s after the session is ACTIVE, then aggregates at 8 s:
  // both appear without a reload, and the aggregation's progress fills up as it runs.
  await expect(rows.first()).toBeVisible({ timeout: 15_000 });
  const aggregation = rows.filter({ hasText: 'Revenue per customer, last day' });
  await expect(aggregation).toHaveCount(1, { timeout: 15_000 });
  await expect(aggregation.getByRole('progressbar')).toBeVisible();
  await expect(aggregation).toHaveAttribute('data-status', 'JOB_EXECUTION_STATUS_SUCCEEDED', {
    timeout: 20_000,
  });
  await expect(aggregation.getByRole('progressbar')).toHaveAttribute('aria-label', '264 of 264 tasks done');
  await expect(rows.filter({ hasText: 'Listing leaf files' })).toHaveCount(1);
});

test('the skewed stage is flagged with its numbers, in the summary and on the stage', async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-skew');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'skewed-join' });
  // Let the join finish: its two hot tasks take about 45 × 300 ms.
  await api.call('POST', '/control/clock:advance', { seconds: 40 });
  await page.goto(`/${name}?tab=spark`);
  const skew = page.getByTestId('finding').and(page.locator('[data-kind="skew"]')).first();
  await expect(skew).toBeVisible({ timeout: 15_000 });
  await expect(skew.getByTestId('finding-evidence')).toContainText(
    /max task duration .* vs median .* \(\d+×\)/,
  );
  await expect(skew).toContainText('spark.sql.adaptive.skewJoin.enabled');
  const spill = page.getByTestId('finding').and(page.locator('[data-kind="spill"]')).first();
  await expect(spill).toContainText(/GiB spilled to disk/);

  // The summary's link leads to the stage, where the quantiles show the same numbers.
  await skew.getByRole('link').click();
  await expect(page).toHaveURL(/tab=spark&job=\d+&stage=\d+/);
  await expect(page.getByRole('heading', { name: /^Stage \d+:/ })).toBeVisible();
  const durationRow = page.getByRole('row', { name: /^Duration/ });
  await expect(durationRow).toBeVisible();
  const [median, max] = await durationRow
    .locator('td')
    .evaluateAll((cells) => [cells[2], cells[4]].map((c) => c?.textContent ?? ''));
  const details = page.getByRole('region', { name: 'Spark details' });
  const stageSkew = details.getByTestId('finding').and(page.locator('[data-kind="skew"]'));
  await expect(stageSkew.getByTestId('finding-evidence')).toContainText(`${max} vs median ${median}`);
  // Where the stage's work ran: the two static executors and the one dynamic allocation added.
  await expect(page.getByTestId('stage-executors-table').locator('tbody tr')).toHaveCount(3);
  // The job page flags the stage too.
  await page.getByRole('link', { name: /^Job \d+$/ }).click();
  await expect(page.getByTestId('stage-row').last().getByTestId('stage-flag').first()).toContainText('Skew');
});

test("a failed job leads to its failed stage and the task's error, shown as text", async ({ page, api }) => {
  const name = await activeSession(api, 'spark-fail');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'failing-udf' });
  await api.call('POST', '/control/clock:advance', { seconds: 20 });
  // The state history marks when jobs ran; the failed one is a link to it.
  await page.goto(`/${name}`);
  const marks = page.getByRole('list', { name: 'When Spark jobs ran' });
  const failed = marks
    .getByTestId('activity-mark')
    .and(page.locator('[data-status="JOB_EXECUTION_STATUS_FAILED"]'));
  await expect(failed).toHaveCount(1, { timeout: 15_000 });
  await failed.getByRole('link', { name: /Count rows with a parseable amount.*failed/ }).click();
  await expect(page).toHaveURL(/tab=spark&job=\d+$/);
  await expect(page.getByTestId('job-failure')).toContainText('This job failed in stage');
  await page.getByTestId('job-failure').getByRole('link').click();
  await expect(page.getByTestId('stage-failure')).toContainText('failed 4 times');
  // The Python traceback names "<stdin>": as HTML it would be an unknown element and vanish.
  const errors = page.getByTestId('task-error');
  await expect(errors).toHaveCount(4);
  await page.locator('summary').first().click();
  await expect(errors.first()).toBeVisible();
  await expect(errors.first()).toContainText('File "<stdin>", line 4, in parse_amount');
  await expect(errors.first()).toContainText("ValueError: invalid literal for int() with base 10: 'N/A'");
  expect(await page.locator('stdin').count()).toBe(0);
  const finding = page
    .getByRole('region', { name: 'Spark details' })
    .getByTestId('finding')
    .and(page.locator('[data-kind="failures"]'));
  await expect(finding).toContainText('4 failed and');
  await expect(finding).toContainText('spark.task.maxFailures');
  // The jobs list filtered to failures, from its own link.
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.getByRole('navigation', { name: 'Which jobs' }).getByRole('link', { name: 'Failed' }).click();
  await expect(page).toHaveURL(/jobs=failed/);
  await expect(page.getByTestId('job-row')).toHaveCount(1);
  await expect(page.getByTestId('job-row')).toHaveAttribute('data-status', 'JOB_EXECUTION_STATUS_FAILED');
});

test('executors and SQL queries, deep-linked', async ({ page, api }) => {
  const name = await activeSession(api, 'spark-views');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'etl' });
  await api.call('POST', '/control/clock:advance', { seconds: 170 });
  await page.goto(`/${name}?tab=spark&view=executors`);
  const removed = page.getByTestId('executor-row').and(page.locator('[data-executor="3"]'));
  await expect(removed).toContainText('Removed', { timeout: 15_000 });
  await expect(removed).toContainText('idle for 60 s');
  await page.getByRole('link', { name: 'SQL queries' }).click();
  await expect(page).toHaveURL(/view=sql/);
  const join = page.getByTestId('sql-row').filter({ hasText: 'JOIN sales.customers' }).first();
  await join.locator('summary', { hasText: 'Physical plan' }).click();
  await expect(join.locator('pre')).toContainText('SortMergeJoin');
});

test('a long job list pages on demand and renders only the rows on screen', async ({ page, api }) => {
  const name = await activeSession(api, 'spark-long');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'bench' });
  await api.call('POST', '/control/clock:advance', { seconds: 205 });
  await page.goto(`/${name}?tab=spark`);
  const rows = page.getByTestId('job-row');
  await expect(rows).toHaveCount(50, { timeout: 15_000 });
  const newest = Number(await rows.first().getAttribute('data-job'));
  expect(newest).toBeGreaterThan(2000);
  const more = page.getByRole('button', { name: /Load older jobs|Loading/ });
  for (const shown of ['100', '150']) {
    await more.click();
    await expect(page.getByTestId('jobs-shown')).toContainText(`Showing the newest ${shown} jobs`);
  }
  // 150 jobs loaded; above 100 only those near the viewport are in the DOM.
  await expect(page.locator(`[data-testid="job-row"][data-index="149"]`)).toHaveCount(0);
  expect(await rows.count()).toBeLessThan(100);
  // Scrolled down as a person would (the rows are virtualized against the window's scroll, and
  // the page grows as rows are measured), until the oldest loaded job is on screen.
  const last = page.locator(`[data-testid="job-row"][data-index="149"]`);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 1500);
      return last.count();
    })
    .toBe(1);
  // The notebook workload may add a job meanwhile, which shifts the list by one.
  await expect(page.locator(`[data-testid="job-row"][data-index="149"]`)).toHaveAttribute(
    'data-job',
    new RegExp(`^(${newest - 149}|${newest - 148})$`),
  );
});

test('the Spark tab has no serious accessibility violations, in light and dark', async ({ page, api }) => {
  const name = await activeSession(api, 'spark-axe');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'failing-udf' });
  await api.call('POST', '/control/clock:advance', { seconds: 20 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/${name}?tab=spark`);
    await expect(page.getByTestId('job-row').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('finding').first()).toBeVisible();
    await expectAccessible(page);
    await page
      .getByTestId('job-row')
      .and(page.locator('[data-status="JOB_EXECUTION_STATUS_FAILED"]'))
      .getByRole('link')
      .first()
      .click();
    await page.getByTestId('job-failure').getByRole('link').click();
    await expect(page.getByTestId('tasks-table')).toBeVisible();
    await expectAccessible(page);
  }
});
