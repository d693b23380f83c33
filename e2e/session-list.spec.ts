import { expect, expectAccessible, listUrl, test } from './fixtures';

const rowIds = (page: import('@playwright/test').Page) =>
  page.getByTestId('session-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-session')));

test('filters by state and label through the UI, in the URL, and survives a reload', async ({
  page,
  api,
}) => {
  await api.createSession('alpha-prod', { labels: { env: 'prod' } });
  await api.createSession('beta-dev', { labels: { env: 'dev' } });
  await api.createSession('gamma-broken', { labels: { env: 'prod' }, runtimeConfig: { version: '0.1' } });
  await api.waitForState('gamma-broken', 'FAILED');
  await api.waitForState('alpha-prod', 'ACTIVE');

  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(3);

  const active = page.getByRole('group', { name: 'State' }).getByRole('checkbox', { name: 'Active' });
  await active.click();
  await expect(active).toBeChecked();
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await expect(page).toHaveURL(/state=ACTIVE/);

  await page.getByLabel('Label filter').fill('env=prod');
  await page.getByLabel('Label filter').press('Enter');
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  expect(await rowIds(page)).toEqual(['alpha-prod']);
  await expect(page).toHaveURL(/label=env%3Dprod/);
  await expect(page.getByTestId('filter-expression')).toHaveValue('state = ACTIVE AND labels.env = "prod"');

  await page.reload();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  expect(await rowIds(page)).toEqual(['alpha-prod']);

  await page.goBack();
  await expect(page.getByTestId('session-row')).toHaveCount(2);
});

test('clicking a label chip filters by it; a hand-written expression is sent as is', async ({
  page,
  api,
}) => {
  await api.createSession('chip-one', { labels: { team: 'ml' } });
  await api.createSession('chip-two', { labels: { team: 'bi' } });
  await page.goto(listUrl(api));
  await page.getByRole('button', { name: 'Filter by label team=ml' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(page).toHaveURL(/label=team%3Dml/);

  await page.getByTestId('filter-expression').fill('labels.team = bi OR session_id = "chip-one"');
  await page.getByTestId('filter-expression').press('Enter');
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await page.getByTestId('filter-expression').fill('state = SLEEPING');
  await page.getByTestId('filter-expression').press('Enter');
  // The field carries the server's message; the rows of the last accepted filter stay.
  await expect(page.getByTestId('filter-expression')).toHaveAccessibleDescription(
    /state has no value 'SLEEPING'/,
  );
  await expect(page.getByTestId('session-row')).toHaveCount(2);
});

test('pages through 120 sessions, showing each exactly once', async ({ page, api }) => {
  for (let i = 0; i < 120; i += 20)
    await Promise.all(
      Array.from({ length: 20 }, (_, j) => api.createSession(`page-${String(i + j).padStart(3, '0')}`)),
    );
  await page.goto(listUrl(api));
  const seen: string[] = [];
  for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
    await expect(page.getByText(`Page ${pageNumber}`)).toBeVisible();
    await expect(page.getByTestId('session-row')).toHaveCount(pageNumber < 3 ? 50 : 20);
    seen.push(...((await rowIds(page)) as string[]));
    if (pageNumber < 3) await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  expect(seen).toHaveLength(120);
  expect(new Set(seen).size).toBe(120);

  // Reload keeps the page; Previous goes back one.
  await page.reload();
  await expect(page.getByText('Page 3')).toBeVisible();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
});

test('a session created through the API appears and changes state without a reload', async ({
  page,
  api,
}) => {
  await page.goto(listUrl(api));
  await expect(page.getByText(/No sessions in/)).toBeVisible();
  await api.createSession('live-one');
  const row = page.locator('[data-session="live-one"]');
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByText('Active')).toBeVisible({ timeout: 15_000 });
  await api.call('POST', `/v1/${api.parent}/sessions/live-one:terminate`, {});
  await expect(row.getByText('Terminated')).toBeVisible({ timeout: 20_000 });
});

test('an API failure shows the server message and recovers on Retry', async ({ page, api }) => {
  await api.createSession('fault-one');
  // Four failures: the first request and its three automatic retries.
  await api.call('POST', '/control/faults', {
    path: `/${api.parent}/sessions`,
    method: 'GET',
    status: 503,
    count: 4,
    message: 'The service is currently unavailable.',
  });
  await page.goto(listUrl(api));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The service is currently unavailable.', { timeout: 20_000 });
  await expect(alert).toContainText('503');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
});

test('permission denied has its own screen', async ({ page, api }) => {
  await api.call('POST', '/control/faults', {
    path: `/${api.parent}/sessions`,
    method: 'GET',
    status: 403,
    count: 1,
    message: "Permission 'dataproc.sessions.list' denied.",
  });
  await page.goto(listUrl(api));
  await expect(page.getByText('Permission denied')).toBeVisible();
  await expect(page.getByText("Permission 'dataproc.sessions.list' denied.")).toBeVisible();
});

test('selects sessions and terminates them together after a confirmation', async ({ page, api }) => {
  await api.createSession('bulk-a');
  await api.createSession('bulk-b');
  await api.waitForState('bulk-a', 'ACTIVE');
  await api.waitForState('bulk-b', 'ACTIVE');
  await page.goto(listUrl(api));
  await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
  await page
    .getByRole('toolbar', { name: 'Selected sessions' })
    .getByRole('button', { name: 'Terminate' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('unsaved notebook state is lost');
  await dialog.getByRole('button', { name: 'Terminate' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 terminated.' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[data-session="bulk-a"]').getByText('Terminated')).toBeVisible();
});

test('keyboard: / focuses the search, which filters by session ID', async ({ page, api }) => {
  await api.createSession('keyboard-one');
  await api.createSession('other-two');
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  await page.locator('body').press('/');
  await expect(page.getByLabel('Search session ID')).toBeFocused();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(page).toHaveURL(/q=keyboard/);
});

test('the list has no serious accessibility violations, in light and dark', async ({ page, api }) => {
  await api.createSession('axe-one', { labels: { env: 'dev' } });
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.goto(listUrl(api, '?state=FAILED'));
  await expect(page.getByText('No sessions match these filters')).toBeVisible();
  await expectAccessible(page);
});
