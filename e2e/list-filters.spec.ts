import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectAccessibleInBothModes, listUrl, test, type Api } from './fixtures';
import { VIEWPORTS, measureLayout } from './layout';

const rows = (page: Page) => page.getByTestId('session-row');
const ids = (page: Page) =>
  rows(page).evaluateAll((all) => all.map((r) => (r as HTMLElement).dataset.session));

/** Sessions that differ in what the API cannot filter by: template and runtime version. */
async function seed(api: Api) {
  const template = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/nightly`,
    jupyterSession: { kernel: 'PYTHON' },
    runtimeConfig: { version: '2.3' },
  });
  expect(template.status).toBe(200);
  await api.createSession('f-plain-30', { runtimeConfig: { version: '3.0' } });
  await api.createSession('f-plain-23', { runtimeConfig: { version: '2.3' } });
  await api.createSession('f-nightly-23', {
    sessionTemplate: `${api.parent}/sessionTemplates/nightly`,
    runtimeConfig: { version: '2.3' },
  });
}

/** On a phone the filters are folded behind one button first. */
async function openMoreFilters(page: Page) {
  const phoneFold = page.getByRole('button', { name: /^Filters( \(\d+\))?$/ });
  if (await phoneFold.isVisible()) await phoneFold.click();
  await page.getByRole('button', { name: /^More filters/ }).click();
  await expect(page.getByRole('group', { name: 'Filters applied on screen' })).toBeVisible();
}

test('filters the API cannot do apply on screen to the loaded rows, say so, and live in the URL', async ({
  page,
  api,
}) => {
  await seed(api);
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(3);
  const more = page.getByRole('button', { name: 'More filters' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await openMoreFilters(page);
  const panel = page.getByRole('group', { name: 'Filters applied on screen' });
  // The choices are the loaded rows' values.
  await expect(panel.getByLabel('Runtime version').locator('option')).toHaveText(['Any', '2.3', '3.0']);
  await expect(panel.getByLabel('Template').locator('option')).toHaveText(['Any', 'nightly']);
  await expect(panel.getByLabel('Creator').locator('option')).toHaveText([
    'Any',
    'emulator-user@example.com',
  ]);

  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(`/v1/${api.parent}/sessions?`)) listCalls.push(r.url());
  });
  await panel.getByLabel('Runtime version').selectOption('2.3');
  await expect(page).toHaveURL(/[?&]runtime=2\.3/);
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23', 'f-plain-23']);
  await panel.getByLabel('Template').selectOption('nightly');
  await expect(page).toHaveURL(/[?&]template=nightly/);
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23']);
  await expect(page.getByTestId('on-screen-note')).toHaveText(
    'On screen: 1 of 3 loaded rows (the API cannot filter by these)',
  );
  await expect(page.getByRole('button', { name: 'More filters (2)' })).toBeVisible();
  // The cost totals under the table count the rows shown, and say they are filtered.
  await expect(page.getByTestId('total-scope')).toContainText('All 1 session matching the filter');
  // No filter the API was sent carried them (it cannot read them).
  expect(listCalls.filter((url) => /runtime|template|creator/i.test(decodeURIComponent(url)))).toEqual([]);
  await expectAccessibleInBothModes(page);

  // The URL is the source of truth: a reload shows the same, folded, with the filters as chips.
  await page.reload();
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23']);
  await expect(page.getByRole('group', { name: 'Filters applied on screen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove filter Template: nightly' }).click();
  await expect(page).not.toHaveURL(/template=/);
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23', 'f-plain-23']);
  // Clear filters clears these too.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/runtime=/);
  await expect(rows(page)).toHaveCount(3);
});

test('a saved view keeps filters and sort under a name, applies through the URL, is a shareable link, and can be deleted', async ({
  page,
  api,
  browser,
}) => {
  await seed(api);
  await page.goto(listUrl(api, '?runtime=2.3&sort=id'));
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23', 'f-plain-23']);
  await page.getByRole('button', { name: 'Saved views' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved views' });
  await dialog.getByLabel('Name for the current view').fill('Runtime 2.3 by ID');
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved view Runtime 2.3 by ID.');
  await expect(dialog.getByRole('link', { name: 'Runtime 2.3 by ID' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectAccessibleInBothModes(page);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Back to the whole list, then apply the view: the URL changes to the view's.
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Saved views' }).click();
  const link = dialog.getByRole('link', { name: 'Runtime 2.3 by ID' });
  const href = await link.getAttribute('href');
  await link.click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]runtime=2\.3/);
  await expect(page).toHaveURL(/[?&]sort=id/);
  await expect.poll(() => ids(page)).toEqual(['f-nightly-23', 'f-plain-23']);

  // Shareable: the link alone, in a browser that has no saved views, shows the same rows.
  const elsewhere = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await elsewhere.newPage();
  await other.goto(href!);
  await expect.poll(() => ids(other)).toEqual(['f-nightly-23', 'f-plain-23']);
  await other.getByRole('button', { name: 'Saved views' }).click();
  await expect(other.getByRole('dialog').getByText('No saved views yet.')).toBeVisible();
  await elsewhere.close();

  // Deleted, it is gone after a reload too.
  await page.getByRole('button', { name: 'Saved views' }).click();
  await dialog.getByRole('button', { name: 'Delete view Runtime 2.3 by ID' }).click();
  await expect(dialog.getByText('No saved views yet.')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(dialog.getByText('No saved views yet.')).toBeVisible();
});

test('a session created in another tab is noticed by the list within 2 s', async ({ page, api, context }) => {
  await api.createSession('already-here');
  await api.waitForState('already-here', 'ACTIVE');
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(1);
  // Nothing is changing state now: the list's own schedule is one refresh every 10 s.
  const form = await context.newPage();
  await form.goto(listUrl(api, '/new'));
  await form.getByLabel('Session ID').fill('made-in-other-tab');
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(form).toHaveURL(/\/sessions\/made-in-other-tab$/);
  // Waiting, not timing: the expectation's own timeout is 2.5 s (the 2 s asked for, plus the
  // form's request and a render). Without the refresh after a create it would take up to 10 s.
  await expect(page.getByTestId('show-new')).toHaveText(/^1 new session/, { timeout: 2_500 });
  await page.getByTestId('show-new').click();
  await expect(page.locator('[data-session="made-in-other-tab"]')).toBeVisible();

  // The same tab: create through the form, come back to the list; the row is there.
  await form.getByRole('link', { name: 'Sessions', exact: true }).first().click();
  await expect(form.locator('[data-session="made-in-other-tab"]')).toBeVisible({ timeout: 2_500 });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the list with More filters open: nothing overlaps or scrolls sideways, axe passes (${colorScheme})`, async ({
    page,
    api,
  }) => {
    test.setTimeout(90_000);
    await seed(api);
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.goto(listUrl(api, '?runtime=2.3'));
      await expect(rows(page)).toHaveCount(2);
      await openMoreFilters(page);
      const where = `list with more filters at ${viewport.width}×${viewport.height} (${colorScheme})`;
      const layout = await measureLayout(page);
      expect(layout.textCount, where).toBeGreaterThan(10);
      expect(layout.overlaps, where).toEqual([]);
      expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
      await expectAccessible(page);
    }
  });
}
