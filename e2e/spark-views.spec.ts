import type { Page } from '@playwright/test';
import { expect, expectAccessible, clockTest as test, type Api } from './fixtures';
import { VIEWPORTS, measureLayout } from './layout';

/**
 * The Spark tab's newer views and controls: the environment (searchable), the stage graph, sorting
 * by column, running SQL durations on the application's clock, and the Overview's job marks as one
 * keyboard control.
 */
async function activeSession(api: Api, id: string, session: Record<string, unknown> = {}) {
  await api.createSession(id, session);
  await api.waitForState(id, 'ACTIVE');
  return `${api.parent}/sessions/${id}`;
}

const details = (page: Page) => page.getByRole('region', { name: 'Spark details' });

test('the environment: effective properties, searchable by name or value, values as text, deep-linked', async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-env', {
    runtimeConfig: { properties: { 'spark:spark.custom.note': '<b>not bold</b>' } },
  });
  await page.goto(`/${name}?tab=spark`);
  await details(page).getByRole('link', { name: 'Environment', exact: true }).click();
  await expect(page).toHaveURL(/tab=spark&view=environment/);
  await expect(page.getByRole('heading', { name: 'Environment', level: 3 })).toBeFocused();
  const rows = page.getByTestId('environment-row');
  await expect(
    page.locator('[data-testid="environment-row"][data-name="spark.sql.shuffle.partitions"]'),
  ).toContainText('200');
  const runtime = page.locator('[data-testid="environment-section"][data-section="Runtime"]');
  await expect(runtime).toContainText('Java version');
  const all = await rows.count();
  expect(all).toBeGreaterThan(15);

  // By name: only what matches is left, and the count says how many.
  const search = page.getByRole('searchbox', { name: 'Search by name or value' });
  await search.fill('dynamicAllocation');
  await expect(page.getByTestId('environment-count')).toContainText(
    /^\d+ of \d+ entries match “dynamicAllocation”/,
  );
  const names = await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-name') ?? ''));
  expect(names.length).toBeGreaterThan(2);
  expect(names.every((n) => n.toLowerCase().includes('dynamicallocation'))).toBe(true);
  // By value, case aside; the session's own property arrives as the text it was given.
  await search.fill('NOT BOLD');
  await expect(rows).toHaveCount(1);
  const note = page.locator('[data-testid="environment-row"][data-name="spark.custom.note"]');
  await expect(note).toContainText('<b>not bold</b>');
  expect(await note.locator('b').count()).toBe(0);
  // The search is in the URL: a reload (or a shared link) shows the same rows.
  await expect(page).toHaveURL(/find=NOT\+BOLD|find=NOT%20BOLD/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search by name or value' })).toHaveValue('NOT BOLD');
  await expect(rows).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search by name or value' }).fill('');
  await expect(rows).toHaveCount(all);

  // The Spark properties sort by name or value from their headers (all of them are on screen).
  const spark = page.locator('[data-testid="environment-section"][data-section="Spark properties"]');
  const nameHeader = spark.getByRole('columnheader', { name: /^Name/ });
  await nameHeader.getByRole('button').click();
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  const sorted = await spark
    .getByTestId('environment-row')
    .evaluateAll((r) => r.map((row) => row.getAttribute('data-name') ?? ''));
  expect(sorted).toEqual([...sorted].sort((a, b) => b.localeCompare(a)));
});

test("a stage's RDD graph: its operators in the order data flows, as a list, linked to the stage it reads", async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-graph');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'skewed-join' });
  await api.call('POST', '/control/clock:advance', { seconds: 60 });
  await page.goto(`/${name}?tab=spark`);
  const join = page
    .getByTestId('job-row')
    .filter({ hasText: 'Orders enriched with the customer segment' })
    .first();
  await join.getByRole('link').first().click();
  // The join's last stage reads the shuffle the two scans wrote.
  await page.getByTestId('stage-row').last().getByRole('link').click();
  const graph = page.getByRole('list', { name: /^RDD operations of stage \d+, in the order data flows$/ });
  await expect(graph).toBeVisible();
  const steps = graph.locator(':scope > li');
  await expect(steps).toHaveCount(3);
  await expect(steps.first()).toContainText('Exchange');
  await expect(steps.first()).toContainText('AQEShuffleRead');
  await expect(steps.first()).toContainText(/ShuffledRowRDD \[\d+\]/);
  await expect(steps.nth(1)).toContainText(/WholeStageCodegen/);
  await expect(page.getByTestId('stage-graph-summary')).toContainText(
    /3 RDDs in 3 steps; reads RDD \d+ from earlier stages/,
  );
  // The stage it reads from is a link away, and its graph starts from the files it scans.
  await page
    .getByTestId('stage-graph-summary')
    .getByRole('link', { name: /^stage \d+$/ })
    .click();
  await expect(page.getByRole('heading', { name: /^Stage \d+:/ })).toBeFocused();
  await expect(page.getByTestId('graph-node').first()).toContainText(/FileScanRDD \[\d+\]/);
});

test('tables sort by column on screen; a paged table says the order holds within what is loaded', async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-sort');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'bench' });
  await api.call('POST', '/control/clock:advance', { seconds: 30 });
  await page.goto(`/${name}?tab=spark`);
  const rows = page.getByTestId('job-row');
  await expect(rows).toHaveCount(50, { timeout: 15_000 });
  const ids = () => rows.evaluateAll((r) => r.map((row) => Number(row.getAttribute('data-job'))));
  // The API's order: newest first.
  const apiOrder = await ids();
  expect(apiOrder).toEqual([...apiOrder].sort((a, b) => b - a));
  const jobHeader = page.getByTestId('jobs-table').getByRole('columnheader', { name: /^Job/ });
  await jobHeader.getByRole('button').click();
  await expect(jobHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await ids();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  // More jobs exist than are loaded: the note says the order is within the loaded ones.
  await expect(page.getByTestId('sort-note')).toContainText('Sorted within the 50 jobs loaded');
  await page.getByTestId('sort-note').getByRole('button', { name: 'Back to the API’s order' }).click();
  await expect(jobHeader).toHaveAttribute('aria-sort', 'none');
  await expect(page.getByTestId('sort-note')).toHaveCount(0);

  // A job's stages are all on screen: every column sorts, no note needed.
  await rows.first().getByRole('link').first().click();
  const stageHeader = page.getByTestId('stages-table').getByRole('columnheader', { name: /^Stage/ });
  await stageHeader.getByRole('button').click();
  await stageHeader.getByRole('button').click();
  await expect(stageHeader).toHaveAttribute('aria-sort', 'descending');
  const stages = await page
    .getByTestId('stage-row')
    .evaluateAll((r) => r.map((row) => Number(row.getAttribute('data-stage'))));
  expect(stages.length).toBe(5);
  expect(stages).toEqual([...stages].sort((a, b) => b - a));
});

test('a running SQL query counts up on the application’s clock, even when it is ahead of the browser’s', async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-sql-clock');
  // The emulator's clock moves two minutes ahead of the browser's; then a long join starts.
  await api.call('POST', '/control/clock:advance', { seconds: 120 });
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'skewed-join' });
  await page.goto(`/${name}?tab=spark&view=sql`);
  const running = page.getByTestId('sql-row').and(page.locator('[data-status="RUNNING"]')).first();
  const duration = running.getByTestId('sql-duration');
  await expect(duration).toBeVisible({ timeout: 15_000 });
  const ms = (text: string) => {
    const [, value, unit] = /^([\d.]+) (ms|s|min|h)$/.exec(text.trim()) ?? [];
    return Number(value) * { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[unit as 'ms'];
  };
  // Never the "0 ms" a browser clock behind the server's gave, and it grows while the query runs.
  await expect.poll(async () => ms(await duration.innerText())).toBeGreaterThan(0);
  const first = ms(await duration.innerText());
  await expect.poll(async () => ms(await duration.innerText()), { timeout: 10_000 }).toBeGreaterThan(first);
  expect(ms(await duration.innerText())).toBeLessThan(120_000);
});

test('the Overview’s job marks are one keyboard control with 24 px targets, named, opened by Enter', async ({
  page,
  api,
}) => {
  const name = await activeSession(api, 'spark-marks');
  await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'failing-udf' });
  await api.call('POST', '/control/clock:advance', { seconds: 200 });
  await page.goto(`/${name}`);
  const strip = page.getByRole('list', { name: 'When Spark jobs ran' });
  const links = strip.getByRole('link');
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(5);
  // One tab stop for all the marks.
  expect(await strip.locator('a[tabindex="0"]').count()).toBe(1);
  expect(await strip.locator('a[tabindex="-1"]').count()).toBe((await links.count()) - 1);
  // Every target is at least 24 × 24 px.
  const sizes = await links.evaluateAll((all) =>
    all.map((a) => {
      const r = a.getBoundingClientRect();
      return Math.min(r.width, r.height);
    }),
  );
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  // Tab reaches the strip on the newest job; the arrows move in time order, the name follows.
  await page.getByRole('link', { name: 'Open the Spark tab' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  const newest = await focused.getAttribute('aria-label');
  expect(newest).toMatch(/^Job \d+: .*, (succeeded|failed|running), /);
  await page.keyboard.press('ArrowLeft');
  const previous = await focused.getAttribute('aria-label');
  expect(previous).not.toBe(newest);
  expect(Number(/^Job (\d+)/.exec(previous!)![1])).toBeLessThan(Number(/^Job (\d+)/.exec(newest!)![1]));
  await expect(page.getByTestId('activity-chosen')).toHaveText(previous!);
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-label', /^Job 0: /);
  // Still one stop: Tab leaves the strip in one step.
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(() => document.activeElement?.closest('ol')?.getAttribute('aria-label')),
  ).not.toBe('When Spark jobs ran');
  // Back in (Shift+Tab), to the failed job by arrows, and Enter opens it.
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAttribute('aria-label', /^Job 0: /);
  for (let i = 0; i < 50; i++) {
    if (/failed/.test((await focused.getAttribute('aria-label')) ?? '')) break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(focused).toHaveAttribute('aria-label', /Count rows with a parseable amount.*failed/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/tab=spark&job=\d+$/);
  await expect(page.getByTestId('job-failure')).toContainText('This job failed in stage');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the environment and the stage graph fit every width, no text over text, accessible (${colorScheme})`, async ({
    page,
    api,
  }) => {
    // Nine pages, each measured and checked by axe: slow on a shared machine.
    test.setTimeout(300_000);
    const name = await activeSession(api, `spark-new-views-${colorScheme}`);
    await api.call('POST', '/control/sessions:runWorkload', { name, workload: 'skewed-join' });
    await api.call('POST', '/control/clock:advance', { seconds: 60 });
    await page.emulateMedia({ colorScheme });
    // The join's last stage: its page holds the graph.
    await page.goto(`/${name}?tab=spark`);
    const join = page
      .getByTestId('job-row')
      .filter({ hasText: 'Orders enriched with the customer segment' })
      .first();
    await join.getByRole('link').first().click();
    await page.getByTestId('stage-row').last().getByRole('link').click();
    await expect(page.getByTestId('stage-graph')).toBeVisible();
    const stageUrl = page.url();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const [view, url, ready] of [
        ['environment', `/${name}?tab=spark&view=environment`, page.getByTestId('environment-row').first()],
        ['stage graph', stageUrl, page.getByTestId('graph-node').first()],
        ['overview', `/${name}`, page.getByTestId('activity-chosen')],
      ] as const) {
        await page.goto(url);
        await expect(ready).toBeVisible({ timeout: 15_000 });
        const where = `${view} at ${viewport.width}×${viewport.height} (${colorScheme})`;
        const layout = await measureLayout(page);
        expect(layout.overlaps, where).toEqual([]);
        expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
        await expectAccessible(page);
      }
    }
  });
}
