import type { Page } from '@playwright/test';
import { expect, listUrl, test, type Api } from './fixtures';

/**
 * Pages rendered by the server (issue 19): rows in the HTML, painted and styled before any script
 * runs, then hydrated from the handed-over cache with no second request for the same data. The
 * fixture's `page` fails any test whose page logs a hydration error.
 */

const HOSTILE = '</script><img src=x onerror="window.__pwned=1">';

/** The URLs of the list requests the page makes, from now on. */
function listRequests(page: Page, api: Api): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(`/v1/${api.parent}/sessions?`) && request.method() === 'GET')
      seen.push(request.url());
  });
  return seen;
}

const hydrated = (page: Page) => expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);

test('the list is painted, styled, from the HTML alone: no script needed', async ({
  browser,
  api,
  baseURL,
}) => {
  await api.createSession('painted-one', { labels: { team: 'ml' } });
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await context.newPage();
    await page.goto(listUrl(api));
    const row = page.getByTestId('session-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('painted-one');
    await expect(row).toContainText('team=ml');
    // The table's own styles are in force (the server's critical CSS), not the browser's defaults.
    const table = page.getByRole('table', { name: 'Sessions' });
    await expect(table).toHaveCSS('border-collapse', 'collapse');
  } finally {
    await context.close();
  }
});

test('a list URL hydrates its rows without asking for them again', async ({ page, api }) => {
  await api.createSession('embedded-one', { labels: { team: 'ml' } });
  await api.createSession('embedded-two');
  await api.waitForState('embedded-two', 'ACTIVE');
  await api.waitForState('embedded-one', 'ACTIVE');
  const calls = listRequests(page, api);
  await page.goto(listUrl(api));
  await hydrated(page);
  await expect(page.getByTestId('session-row')).toHaveCount(2);
  // The page answers: selecting a row works on the hydrated markup.
  await page.getByRole('checkbox', { name: /embedded-one/ }).check();
  await expect(page.getByRole('checkbox', { name: /embedded-one/ })).toBeChecked();
  expect(calls).toEqual([]);
  // The handed-over state is read once and removed.
  await expect(page.locator('#ssr-state')).toHaveCount(0);
  // Live refresh still asks the API as usual.
  await expect.poll(() => calls.length, { timeout: 15_000 }).toBeGreaterThan(0);
});

test('hostile API values are shown as text, in the server’s markup and after hydration', async ({
  page,
  api,
}) => {
  await api.createSession('hostile-one');
  const overwrite = await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/hostile-one`,
    fields: { labels: { note: HOSTILE }, stateMessage: HOSTILE },
  });
  expect(overwrite.status).toBe(200);
  await page.goto(listUrl(api));
  await hydrated(page);
  const row = page.getByTestId('session-row');
  await expect(row).toContainText(HOSTILE);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.goto(`/${api.parent}/sessions/hostile-one`);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'hostile-one' })).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a session’s Spark tab arrives with its first jobs in the HTML, and hydrates them', async ({
  page,
  api,
}) => {
  await api.createSession('spark-first');
  await api.waitForState('spark-first', 'ACTIVE');
  const name = `${api.parent}/sessions/spark-first`;
  // Wait until the application has a job to show.
  await expect
    .poll(
      async () => {
        const apps = await api.call<{ sparkApplications?: { name: string }[] }>(
          'GET',
          `/v1/${name}/sparkApplications:search`,
        );
        const app = apps.body.sparkApplications?.[0]?.name;
        if (!app) return 0;
        const jobs = await api.call<{ sparkApplicationJobs?: unknown[] }>(
          'GET',
          `/v1/${app}:searchJobs?parent=${encodeURIComponent(name)}`,
        );
        return jobs.body.sparkApplicationJobs?.length ?? 0;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  const html = await (await page.request.get(`/${name}?tab=spark`)).text();
  expect(html).toContain('data-testid="job-row"');
  const jobCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(':searchJobs')) jobCalls.push(request.url());
  });
  await page.goto(`/${name}?tab=spark`);
  await hydrated(page);
  await expect(page.getByTestId('job-row').first()).toBeVisible();
  await expect(page.getByTestId('spark-tab')).toBeVisible();
  // The jobs came with the page: hydrating them asked for none (polling comes later).
  expect(jobCalls).toEqual([]);
});

test('a slow backend gets the shell, and the page asks for its rows itself', async ({ page, api }) => {
  await api.createSession('slow-one');
  await api.call('POST', '/control/faults', {
    path: `/${api.parent}/sessions`,
    method: 'GET',
    delayMs: 1500,
    count: 1,
  });
  const calls = listRequests(page, api);
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  expect(calls.length).toBeGreaterThan(0);
});

test('when the console’s code cannot load, the painted page says so and offers a reload', async ({
  page,
  api,
}) => {
  await api.createSession('no-code');
  // The console's code is fetched after the first paint; here it never arrives.
  await page.route(/\/assets\/boot-[^/]+\.js$/, (route) => route.abort());
  await page.goto(listUrl(api));
  await expect(page.getByTestId('session-row')).toContainText('no-code');
  const notice = page.getByRole('alert').filter({ hasText: 'could not load its code' });
  await expect(notice).toBeVisible();
  // Not left looking as if it would answer in a moment.
  await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
  await page.unroute(/\/assets\/boot-[^/]+\.js$/);
  await notice.getByRole('button', { name: 'Reload' }).click();
  await hydrated(page);
  await expect(page.getByRole('alert').filter({ hasText: 'could not load its code' })).toHaveCount(0);
});
