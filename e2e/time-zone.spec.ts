import { expect, test } from './fixtures';

/**
 * Times follow the UTC/local switch on pages that do not re-render on their own: the app re-renders
 * from its root when the zone changes, with no subscription in each view.
 */
// A local zone that is not UTC, so the two settings read differently.
test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

test('a template page and the Spark tab follow the UTC/local switch at once', async ({ page, api }) => {
  const { status } = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/zoned-template`,
  });
  expect(status).toBe(200);
  await page.goto(`/${api.parent}/sessionTemplates/zoned-template`);
  const created = page.locator('dt:text-is("Created") + dd');
  await expect(created).toContainText(/EST|EDT|GMT-[45]/);
  await page.getByTestId('time-zone-toggle').click();
  await expect(created).toContainText('UTC');
  await page.getByTestId('time-zone-toggle').click();
  await expect(created).not.toContainText('UTC');

  await api.createSession('zoned-spark');
  await api.waitForState('zoned-spark', 'ACTIVE');
  await page.goto(`/${api.parent}/sessions/zoned-spark?tab=spark`);
  const submitted = page.getByTestId('job-row').first().locator('time');
  await expect(submitted).toContainText(/EST|EDT|GMT-[45]/, { timeout: 15_000 });
  await page.getByTestId('time-zone-toggle').click();
  await expect(submitted).toContainText('UTC');
});
