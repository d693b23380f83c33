import type { Page } from '@playwright/test';
import { expect, expectAccessible, clockTest as test, type Api } from './fixtures';
import { VIEWPORTS, measureLayout } from './layout';

/**
 * The Spark tab at every width, by keyboard and as it loads. One session runs the ETL workload (it
 * removes executor 3 for idleness, with a long reason) and the failing UDF (a failed stage with long
 * errors); each test loads the page once per width and walks the views by their own links, as a
 * person would, so the suite stays fast.
 */
async function sparkSession(api: Api, id: string) {
  await api.createSession(id);
  await api.waitForState(id, 'ACTIVE');
  const name = `${api.parent}/sessions/${id}`;
  for (const workload of ['etl', 'failing-udf'])
    expect((await api.call('POST', '/control/sessions:runWorkload', { name, workload })).status).toBe(200);
  await api.call('POST', '/control/clock:advance', { seconds: 170 });
  return name;
}

/** The deepest elements that reach past the window's right edge, to name what widens the page. */
const widest = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter(
        (el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1,
      )
      .slice(0, 4)
      .flatMap((el) => {
        const chain: string[] = [];
        for (let e: Element | null = el; e; e = e.parentElement)
          chain.push(
            `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 30)}(${Math.round(e.getBoundingClientRect().width)})`,
          );
        return chain.slice(0, 3).join(' < ');
      })
      .join(' ;; '),
  );

const details = (page: Page) => page.getByRole('region', { name: 'Spark details' });

/** Each Spark view, reached through the tab's own links; returns when the view is drawn. */
const VIEWS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'jobs',
    open: async (page) => {
      await details(page).getByRole('link', { name: 'Jobs', exact: true }).click();
      await expect(page.getByTestId('job-row').first()).toBeVisible({ timeout: 15_000 });
    },
  },
  {
    name: 'executors',
    open: async (page) => {
      await details(page).getByRole('link', { name: 'Executors', exact: true }).click();
      await expect(page.locator('[data-testid="executor-row"][data-executor="3"]')).toContainText('Removed');
    },
  },
  {
    name: 'SQL',
    open: async (page) => {
      await details(page).getByRole('link', { name: 'SQL queries', exact: true }).click();
      await expect(page.getByTestId('sql-row').first()).toBeVisible();
    },
  },
  {
    name: 'failed stage',
    open: async (page) => {
      await details(page).getByRole('link', { name: 'Jobs', exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Which jobs' })
        .getByRole('link', { name: 'Failed' })
        .click();
      const failed = page.getByTestId('job-row');
      await expect(failed.first()).toHaveAttribute('data-status', 'JOB_EXECUTION_STATUS_FAILED');
      await failed.last().getByRole('link').first().click();
      await page.getByTestId('job-failure').getByRole('link').click();
      await expect(page.getByTestId('stage-failure')).toBeVisible();
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every Spark view fits every width without text over text (${colorScheme})`, async ({ page, api }) => {
    test.setTimeout(180_000);
    const name = await sparkSession(api, `spark-width-${colorScheme}`);
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.goto(`/${name}?tab=spark`);
      await expect(page.getByTestId('finding').first()).toBeVisible({ timeout: 15_000 });
      for (const view of VIEWS) {
        await view.open(page);
        const where = `${view.name} at ${viewport.width}×${viewport.height} (${colorScheme})`;
        const layout = await measureLayout(page);
        expect(layout.textCount, where).toBeGreaterThan(10);
        expect(layout.overlaps, where).toEqual([]);
        expect(layout.scrollWidth, `${where}: ${await widest(page)}`).toBeLessThanOrEqual(layout.innerWidth);
        // Colours and roles do not change with the width: axe once per view and scheme.
        if (viewport.width === 1280) await expectAccessible(page);
      }
    }
  });
}

test('the summary and jobs are not pushed down as the diagnosis arrives (layout shift ≤ 0.1)', async ({
  page,
  api,
}) => {
  const name = await sparkSession(api, 'spark-cls');
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const viewport of [VIEWPORTS[0], VIEWPORTS[2]]) {
    await page.setViewportSize(viewport);
    await page.goto(`/${name}?tab=spark`);
    await expect(page.getByTestId('job-row').first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('finding').first()).toBeVisible({ timeout: 15_000 });
    // Two frames for the last shift to be reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    expect(cls, `layout shift at ${viewport.width} px`).toBeLessThanOrEqual(0.1);
  }
});

test('each Spark navigation moves focus to the new view’s heading and says where it went', async ({
  page,
  api,
}) => {
  const name = await sparkSession(api, 'spark-focus');
  await page.goto(`/${name}?tab=spark`);
  await expect(page.getByTestId('job-row').first()).toBeVisible({ timeout: 15_000 });
  // The diagnosis is one list with one polite summary, not a row of urgent alerts.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('diagnosis-summary')).toHaveAttribute('aria-live', 'polite');
  const announcer = page.getByTestId('announcer');

  await details(page).getByRole('link', { name: 'Executors', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Executors', level: 3 })).toBeFocused();
  await expect(announcer).toHaveText('Executors');

  // The executors table sorts by any column from a real button in its header, said by aria-sort.
  const table = page.getByTestId('executors-table');
  const idHeader = table.getByRole('columnheader', { name: /^Executor/ });
  await expect(idHeader).toHaveAttribute('aria-sort', 'none');
  const order = (e: string) => (e === 'driver' ? -1 : Number(e));
  const ids = () =>
    table
      .getByTestId('executor-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-executor') ?? ''));
  await idHeader.getByRole('button').click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await ids();
  expect(ascending.length).toBeGreaterThan(2);
  expect(ascending).toEqual([...ascending].sort((a, b) => order(a) - order(b)));
  await idHeader.getByRole('button').press('Enter');
  await expect(idHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await ids()).toEqual([...ascending].reverse());

  await details(page).getByRole('link', { name: 'Jobs', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Jobs', level: 3 })).toBeFocused();
  const failed = page.getByTestId('job-row').and(page.locator('[data-status="JOB_EXECUTION_STATUS_FAILED"]'));
  await failed.getByRole('link').first().focus();
  await page.keyboard.press('Enter');
  const jobHeading = page.getByRole('heading', { name: /^Job \d+:/ });
  await expect(jobHeading).toBeFocused();
  await expect(announcer).toContainText(/^Job \d+/);
});
