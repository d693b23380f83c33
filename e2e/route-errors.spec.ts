import { expect, listUrl, test } from './fixtures';

test('a page whose code cannot be downloaded shows a recoverable message, and the header keeps working', async ({
  page,
  api,
}) => {
  await page.goto(listUrl(api));
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  // The create form is a lazy chunk: make its download fail, as after a redeploy or a dropped network.
  await page.route(/session-create-(?:page|route)-.*\.js$/, (route) => route.abort());
  await page.getByRole('link', { name: 'Create session' }).first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reload page' })).toBeVisible();
  // The rest of the console still works: the breadcrumb back to the list.
  await page.unroute(/session-create-(?:page|route)-.*\.js$/);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sessions' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
