import type { Page } from '@playwright/test';
import { expect, expectAccessibleInBothModes, listUrl, test } from './fixtures';

/** Rows whose whole box is inside the window, without scrolling. */
async function rowsFullyVisible(page: Page): Promise<number> {
  return page.getByTestId('session-row').evaluateAll((rows) => {
    const height = window.innerHeight;
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= height;
    }).length;
  });
}

/** Label chips whose text is cut or hidden with no title to read it in full. */
async function labelsHidden(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="session-row"] button[aria-label^="Filter by label"]')
    .evaluateAll((chips) =>
      chips.flatMap((chip) => {
        const box = chip.getBoundingClientRect();
        const scroller = chip.closest('[data-testid="sessions-scroll"]') ?? document.documentElement;
        const visible = scroller.getBoundingClientRect();
        const inside = box.left >= visible.left - 0.5 && box.right <= visible.right + 0.5;
        const cut = chip.scrollWidth > chip.clientWidth;
        const text = chip.textContent ?? '';
        return inside && (!cut || chip.getAttribute('title') === text) ? [] : [text];
      }),
    );
}

test('at 1280×720 with the filters open, eight or more rows are fully visible, with their labels', async ({
  page,
  api,
}) => {
  const template = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/nightly-etl-template`,
    jupyterSession: { kernel: 'PYTHON' },
  });
  expect(template.status).toBe(200);
  for (let i = 0; i < 12; i++)
    await api.createSession(`dense-${String(i).padStart(2, '0')}`, {
      labels: { team: 'data-platform', env: 'production', owner: 'analytics' },
      sessionTemplate: i % 2 ? `${api.parent}/sessionTemplates/nightly-etl-template` : undefined,
    });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(12);
  await expect(page.getByRole('region', { name: 'Filters' })).toBeVisible();
  expect(await rowsFullyVisible(page)).toBeGreaterThanOrEqual(8);
  expect(await labelsHidden(page)).toEqual([]);
  // Every label of every row is on screen in full.
  await expect(
    page
      .getByTestId('session-row')
      .first()
      .getByRole('button', { name: /Filter by label/ }),
  ).toHaveText(['team=data-platform', 'env=production', 'owner=analytics']);

  // An on-screen filter in force (its chip line) and the More filters panel open: still eight.
  await page.goto(listUrl(api, '?creator=emulator-user%40example.com'));
  await expect(page.getByTestId('session-row')).toHaveCount(12);
  await expect(page.getByTestId('on-screen-filters')).toBeVisible();
  expect(await rowsFullyVisible(page)).toBeGreaterThanOrEqual(8);
  await page.getByRole('button', { name: 'More filters (1)' }).click();
  await expect(page.getByRole('group', { name: 'Filters applied on screen' })).toBeVisible();
  expect(await rowsFullyVisible(page)).toBeGreaterThanOrEqual(8);
});

test('the list does not shift while it loads and refreshes (cumulative layout shift ≤ 0.1)', async ({
  page,
  api,
}) => {
  for (let i = 0; i < 10; i++) await api.createSession(`shift-${i}`, { labels: { env: `e${i}` } });
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(10);
  // Sessions move on to Active while the page refreshes itself.
  await api.waitForState('shift-9', 'ACTIVE');
  await expect(page.locator('[data-session="shift-9"] [data-state="ACTIVE"]')).toBeVisible({
    timeout: 20_000,
  });
  const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
  expect(shift).toBeLessThanOrEqual(0.1);
});

test('sorting by a column sorts this page, keeps it in the URL and says it is within the page', async ({
  page,
  api,
}) => {
  for (const id of ['sort-b', 'sort-c', 'sort-a']) await api.createSession(id);
  await page.goto(listUrl(api));
  const order = () =>
    page.getByTestId('session-row').evaluateAll((rows) => rows.map((r) => r.dataset.session));
  await expect(page.getByTestId('session-row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Sort by Session ID within this page' }).click();
  await expect(page).toHaveURL(/sort=id/);
  await expect.poll(order).toEqual(['sort-a', 'sort-b', 'sort-c']);
  await expect(page.getByTestId('sort-note')).toContainText('Sorted within this page');
  await page.getByRole('button', { name: /Session ID: sorted A to Z/ }).click();
  await expect.poll(order).toEqual(['sort-c', 'sort-b', 'sort-a']);
  await page.getByRole('button', { name: 'Sort by Created within this page' }).click();
  await expect(page).toHaveURL(/sort=-created/);
  await expect.poll(order).toEqual(['sort-a', 'sort-c', 'sort-b']);
  // The URL restores it.
  await page.reload();
  await expect.poll(order).toEqual(['sort-a', 'sort-c', 'sort-b']);
  await page.getByRole('button', { name: 'API order' }).click();
  await expect(page.getByTestId('sort-note')).toHaveCount(0);
  await expectAccessibleInBothModes(page);
});
