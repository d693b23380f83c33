import { expect, listUrl, test } from './fixtures';

test('a list URL paints its first page from the HTML, with no API round trip', async ({ page, api }) => {
  await api.createSession('embedded-one', { labels: { team: 'ml' } });
  await api.createSession('embedded-two');
  await api.waitForState('embedded-two', 'ACTIVE');
  const listCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(`/v1/${api.parent}/sessions`)) listCalls.push(request.url());
  });
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  expect(listCalls).toEqual([]);
  // The block is read once and removed, so it cannot be mistaken for a later page's data.
  await expect(page.locator('#first-page')).toHaveCount(0);
  // Live refresh still asks the API as usual.
  await expect.poll(() => listCalls.length, { timeout: 15_000 }).toBeGreaterThan(0);
});
