import type { Page } from '@playwright/test';
import { expect, listUrl, test } from './fixtures';

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
});
