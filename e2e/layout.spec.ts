import { expect, expectAccessible, listUrl, test, type Api } from './fixtures';
import { VIEWPORTS, measureLayout } from './layout';

// A 63-character key and a 63-character value: the longest label the API accepts.
const LONG_KEY = `k${'a'.repeat(61)}z`;
const LONG_VALUE = `v${'b'.repeat(62)}`;
const LONG_MESSAGE =
  'Insufficient quota: the project has no room for 4 more DCU in us-central1 (limit 12, in use 10). ' +
  'See https://cloud.google.com/dataproc-serverless/docs/concepts/quotas-and-limits/very/long/path/segment/that/does/not/break ' +
  `token_${'x'.repeat(120)}`;

async function seed(api: Api) {
  await api.createSession('layout-failed', { labels: { [LONG_KEY]: LONG_VALUE, team: 'data' } });
  const failed = await api.call('POST', '/control/sessions:fail', {
    name: `${api.parent}/sessions/layout-failed`,
    message: LONG_MESSAGE,
  });
  expect(failed.status).toBe(200);
  await api.createSession('layout-active', {
    labels: { [LONG_KEY]: LONG_VALUE, env: 'prod' },
    sparkConnectSession: {},
  });
  for (let i = 0; i < 4; i++) await api.createSession(`layout-row-${i}`, { labels: { env: `e${i}` } });
  await api.waitForState('layout-failed', 'FAILED');
  await api.waitForState('layout-active', 'ACTIVE');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`nothing overlaps or scrolls sideways at any size (${colorScheme})`, async ({ page, api }) => {
    test.setTimeout(120_000);
    await seed(api);
    await page.emulateMedia({ colorScheme });
    const pages = [
      { name: 'list', url: listUrl(api), ready: page.getByTestId('session-row').first() },
      {
        name: 'failed session',
        url: listUrl(api, '/layout-failed'),
        ready: page.getByTestId('failure-message'),
      },
      {
        name: 'active session',
        url: listUrl(api, '/layout-active'),
        ready: page.getByRole('heading', { name: 'Connect', exact: true }),
      },
      { name: 'create form', url: listUrl(api, '/new'), ready: page.getByLabel('Session ID') },
    ];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const target of pages) {
        await page.goto(target.url);
        await expect(target.ready).toBeVisible();
        const where = `${target.name} at ${viewport.width}×${viewport.height} (${colorScheme})`;
        const layout = await measureLayout(page);
        expect(layout.textCount, where).toBeGreaterThan(10);
        expect(layout.overlaps, where).toEqual([]);
        expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
      }
    }
    // One size is enough for axe: colours and roles do not change with the width.
    await page.goto(listUrl(api, '/layout-failed'));
    await expect(page.getByTestId('failure-message')).toBeVisible();
    await expectAccessible(page);
  });
}

test('a long label chip is cut short but keeps its full text for hover and copy', async ({ page, api }) => {
  await seed(api);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(listUrl(api, '/layout-failed'));
  const chip = page.getByRole('button', { name: `Filter by label ${LONG_KEY}=${LONG_VALUE}` });
  await expect(chip).toHaveAttribute('title', `${LONG_KEY}=${LONG_VALUE}`);
  // The whole text is still there to select and copy; only its drawing is cut.
  await expect(chip).toHaveText(`${LONG_KEY}=${LONG_VALUE}`);
  const { scrollWidth, clientWidth } = await chip.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(clientWidth).toBeLessThanOrEqual(390);
});

test('on a phone the list filters fold behind a Filters button that counts them', async ({ page, api }) => {
  await seed(api);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(listUrl(api, '?state=ACTIVE&label=env%3Dprod'));
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await expect(toggle).toHaveText('Filters (2)');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Label filter', { exact: true })).toBeHidden();
  // The first row is on screen without scrolling.
  await expect(page.getByTestId('session-row').first()).toBeInViewport();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Label filter', { exact: true })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  await expect(page.getByLabel('Label filter', { exact: true })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the templates pages: nothing overlaps or scrolls sideways at any size (${colorScheme})`, async ({
    page,
    api,
  }) => {
    test.setTimeout(120_000);
    const created = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
      name: `${api.parent}/sessionTemplates/layout-template-with-a-rather-long-identifier`,
      description: `A template whose description runs on: ${'word '.repeat(40)}`,
      labels: { [LONG_KEY]: LONG_VALUE, team: 'data' },
      jupyterSession: { kernel: 'PYTHON' },
      runtimeConfig: { properties: { 'spark.executor.cores': '4', [`spark.${'x'.repeat(80)}`]: 'y' } },
    });
    expect(created.status).toBe(200);
    await page.emulateMedia({ colorScheme });
    const templates = `/${api.parent}/sessionTemplates`;
    const template = `${templates}/layout-template-with-a-rather-long-identifier`;
    const pages = [
      { name: 'templates', url: templates, ready: page.getByTestId('template-row').first() },
      { name: 'template', url: template, ready: page.getByRole('heading', { name: 'Overview' }) },
      { name: 'edit template', url: `${template}/edit`, ready: page.getByLabel('Description') },
      { name: 'new template', url: `${templates}/new`, ready: page.getByLabel('Template ID') },
    ];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const target of pages) {
        await page.goto(target.url);
        await expect(target.ready).toBeVisible();
        const where = `${target.name} at ${viewport.width}×${viewport.height} (${colorScheme})`;
        const layout = await measureLayout(page);
        expect(layout.overlaps, where).toEqual([]);
        expect(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
      }
    }
    await page.goto(template);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expectAccessible(page);
  });
}
