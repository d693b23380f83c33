import type { Page } from '@playwright/test';
import { expect, expectAccessibleInBothModes, listUrl, test } from './fixtures';

const rows = (page: Page) => page.getByTestId('session-row');
const expression = (page: Page) => page.getByTestId('filter-expression');

test('Enter on an unchanged expression changes nothing; a refused one marks the field and keeps the rows', async ({
  page,
  api,
}) => {
  await api.createSession('expr-one', { labels: { env: 'prod' } });
  await api.createSession('expr-two', { labels: { env: 'dev' } });
  await page.goto(listUrl(api, '?label=env%3Dprod'));
  await expect(rows(page)).toHaveCount(1);
  const url = page.url();

  await expression(page).press('Enter');
  await expect(page).toHaveURL(url);
  // Still the simple filters, not "your own expression".
  await expect(page.getByLabel('Label filter', { exact: true })).toBeVisible();
  await expect(page.getByText('Using your expression')).toHaveCount(0);

  await expression(page).fill('state = SLEEPING');
  await expression(page).press('Enter');
  await expect(expression(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(expression(page)).toHaveAccessibleDescription(/The API refused this filter: .*SLEEPING/);
  // The server's position, drawn under the expression.
  await expect(page.getByTestId('filter-error-position').locator('mark')).toBeVisible();
  // The last good rows stay.
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByText('Showing the rows of the last filter the API accepted.')).toBeVisible();
  await expectAccessibleInBothModes(page);

  await expression(page).fill('labels.env = dev');
  await expression(page).press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('[data-session="expr-two"]')).toBeVisible();
  await expect(expression(page)).not.toHaveAttribute('aria-invalid', 'true');
});

test('a new filter clears the selection and says so; bulk terminate counts what really changed', async ({
  page,
  api,
}) => {
  await api.createSession('sel-a', { labels: { team: 'x' } });
  await api.createSession('sel-b', { labels: { team: 'x' } });
  await api.createSession('sel-ended', { labels: { team: 'x' } });
  await api.waitForState('sel-ended', 'ACTIVE');
  await api.call('POST', `/v1/${api.parent}/sessions/sel-ended:terminate`, {});
  await api.waitForState('sel-ended', 'TERMINATED');
  await api.waitForState('sel-a', 'ACTIVE');
  await api.waitForState('sel-b', 'ACTIVE');

  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Select sel-a' }).check();
  await expect(page.getByRole('toolbar', { name: 'Selected sessions' })).toContainText('1 selected');
  await page.getByRole('button', { name: 'Filter by label team=x' }).first().click();
  await expect(page).toHaveURL(/label=team%3Dx/);
  await expect(
    page.locator('#main').getByText('Selection cleared (1 session): the filter changed.'),
  ).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Selected sessions' })).toHaveCount(0);
  await expect(page.getByTestId('announcer')).toHaveText(
    'Selection cleared (1 session): the filter changed.',
  );

  await page.getByRole('checkbox', { name: 'Select all sessions on this page' }).check();
  await page
    .getByRole('toolbar', { name: 'Selected sessions' })
    .getByRole('button', { name: 'Terminate' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '2 terminated, 1 had already ended.' }),
  ).toBeVisible({
    timeout: 20_000,
  });
});

test('live updates: the row under the pointer stays put; a new session waits behind a button', async ({
  page,
  api,
}) => {
  await api.createSession('calm-old-1');
  await api.createSession('calm-old-2');
  await api.waitForState('calm-old-1', 'ACTIVE');
  await api.waitForState('calm-old-2', 'ACTIVE');
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(2);
  const target = page.locator('[data-session="calm-old-1"]');
  await target.hover();
  const before = await target.boundingBox();

  await api.createSession('calm-new');
  const show = page.getByTestId('show-new');
  await expect(show).toHaveText('1 new session — show', { timeout: 25_000 });
  await expect(page.getByTestId('announcer')).toHaveText('1 new session.');
  expect(await target.boundingBox()).toEqual(before);
  await expect(rows(page)).toHaveCount(2);
  await expectAccessibleInBothModes(page);

  // Rows already shown keep updating in place, and their state changes are read out.
  await api.call('POST', `/v1/${api.parent}/sessions/calm-old-2:terminate`, {});
  await expect(page.locator('[data-session="calm-old-2"]').getByText(/Terminat/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('announcer')).toHaveText(/^calm-old-2 is now (terminating|terminated)\.$/);
  expect(await target.boundingBox()).toEqual(before);

  await show.click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).first()).toHaveAttribute('data-session', 'calm-new');
  await expect(show).toHaveCount(0);
});

test('coming back to the list shows sessions created meanwhile at once, not behind "show"', async ({
  page,
  api,
}) => {
  await api.createSession('back-old');
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('link', { name: 'back-old' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'back-old' })).toBeVisible();
  await api.createSession('back-new');
  // Long enough away for the cached list to be stale (staleTime 1 s): it is refetched on return.
  await api.waitForState('back-new', 'ACTIVE');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toHaveAttribute('data-session', 'back-new');
  await expect(page.getByTestId('show-new')).toHaveCount(0);
});

test.describe('created filter', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('presets and a compact custom range in the shown zone; the expression holds the same instant', async ({
    page,
    api,
  }) => {
    await api.createSession('dated-one');
    await page.goto(listUrl(api));
    await expect(rows(page)).toHaveCount(1);
    const created = page.getByLabel('Created', { exact: true });

    await created.selectOption({ label: 'Last hour' });
    await expect(page).toHaveURL(/created=1h/);
    await expect(expression(page)).toHaveValue(/^create_time >= "\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z"$/);
    await expect(rows(page)).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel('Created', { exact: true })).toHaveValue('1h');

    await page.getByLabel('Created', { exact: true }).selectOption({ label: 'Custom range…' });
    const from = page.getByLabel(/^From \(local, (EST|EDT|GMT-[45])\)$/);
    await from.fill('2026-01-15 10:00');
    await from.press('Enter');
    // 10:00 in New York in January is 15:00 UTC.
    await expect(expression(page)).toHaveValue('create_time >= "2026-01-15T15:00:00.000Z"');
    await expect(from).toHaveAccessibleDescription('2026-01-15T15:00:00Z in the filter (UTC)');

    // One tab stop per box: Created → From → Before.
    await created.focus();
    await page.keyboard.press('Tab');
    await expect(from).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/^Before \(local/)).toBeFocused();

    await page.getByTestId('time-zone-toggle').click();
    await expect(page.getByLabel('From (UTC)')).toHaveValue('2026-01-15 15:00');
    await expect(expression(page)).toHaveValue('create_time >= "2026-01-15T15:00:00.000Z"');

    await page.getByLabel('From (UTC)').fill('2026-02-31 10:00');
    await expect(page.getByLabel('From (UTC)')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessibleInBothModes(page);
  });
});

test('keyboard: a skip link to the table, few tab stops to it, focus on the heading after navigation', async ({
  page,
  api,
}) => {
  await api.createSession('kb-one');
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(1);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the sessions table' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#sessions-table')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Select all sessions on this page' })).toBeFocused();

  // Between the search box and the table: five states, label, Created, the expression, More
  // filters (folded: its three filters take no stop). The two native datetime boxes alone used to take 14.
  await page.goto(listUrl(api));
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Search session ID').focus();
  let stops = 0;
  for (; stops < 40; stops++) {
    await page.keyboard.press('Tab');
    const inTable = await page.evaluate(
      () => document.activeElement?.closest('#sessions-table table') !== null,
    );
    if (inTable) break;
  }
  expect(stops).toBe(9);

  await page.getByRole('link', { name: 'kb-one' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'kb-one' })).toBeFocused();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expectAccessibleInBothModes(page);
});
