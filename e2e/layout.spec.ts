import { expect, expectAccessible, hourJumpTest, listUrl, test, type Api } from './fixtures';
import { VIEWPORTS, expectPagesLaidOut } from './layout';

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
  // Rows as a real list has them: made from a template, several labels, another session type.
  const template = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/data-eng-standard`,
    jupyterSession: { kernel: 'PYTHON' },
  });
  expect(template.status).toBe(200);
  await api.createSession('etl-nightly-from-template', {
    sessionTemplate: `${api.parent}/sessionTemplates/data-eng-standard`,
    labels: { team: 'data-eng', 'cost-center': 'cc-1042', env: 'batch', pipeline: 'nightly-etl' },
  });
  await api.createSession('spark-connect-analytics', {
    sparkConnectSession: {},
    labels: { team: 'analytics', env: 'staging' },
  });
  await api.waitForState('layout-failed', 'FAILED');
  await api.waitForState('layout-active', 'ACTIVE');
  await api.waitForState('etl-nightly-from-template', 'ACTIVE');
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
    // The session list was 6 to 13 px wider than its box at 1280 and 91 px at 1440 (the cost cut off).
    await expectPagesLaidOut(page, pages, colorScheme);
    // One size is enough for axe: colours and roles do not change with the width.
    await page.goto(listUrl(api, '/layout-failed'));
    await expect(page.getByTestId('failure-message')).toBeVisible();
    await expectAccessible(page);
  });
}

test('a long label chip is drawn whole on the session page and cut short, with a title, in the list', async ({
  page,
  api,
}) => {
  await seed(api);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(listUrl(api, '/layout-failed'));
  const name = `Filter by label ${LONG_KEY}=${LONG_VALUE}`;
  const chip = page.getByRole('button', { name });
  await expect(chip).toHaveText(`${LONG_KEY}=${LONG_VALUE}`);
  const size = (el: HTMLElement) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    height: el.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(el).lineHeight),
    right: el.getBoundingClientRect().right,
  });
  // On the session page the labels are the content: the chip wraps onto more lines, all of it
  // readable without a pointer (it was ellipsized at 390 px).
  const onPage = await chip.evaluate(size);
  expect(onPage.scrollWidth).toBeLessThanOrEqual(onPage.clientWidth);
  expect(onPage.height).toBeGreaterThan(1.5 * onPage.lineHeight);
  expect(onPage.right).toBeLessThanOrEqual(390);

  // In the list one label may not widen the table: cut short, the whole text in the DOM and the title.
  await page.goto(listUrl(api));
  const inList = page.getByTestId('session-row').getByRole('button', { name }).first();
  await expect(inList).toHaveAttribute('title', `${LONG_KEY}=${LONG_VALUE}`);
  await expect(inList).toHaveText(`${LONG_KEY}=${LONG_VALUE}`);
  const cut = await inList.evaluate(size);
  expect(cut.scrollWidth).toBeGreaterThan(cut.clientWidth);
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
    await expectPagesLaidOut(page, pages, colorScheme);
    await page.goto(template);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expectAccessible(page);
  });
}

const LONG_TEMPLATE = 'data-engineering-standard-nightly-batch';

async function seedCosts(api: Api) {
  // Longer TTLs than the hour the clock is moved, so the service ends nothing itself.
  const config = { environmentConfig: { executionConfig: { idleTtl: '7200s', ttl: '28800s' } } };
  const inRegion = (region: string) => `projects/${api.project}/locations/${region}`;
  for (const [region, template] of [
    ['us-central1', LONG_TEMPLATE],
    ['europe-west1', 'eu-analytics'],
  ] as const) {
    const made = await api.call('POST', `/v1/${inRegion(region)}/sessionTemplates`, {
      name: `${inRegion(region)}/sessionTemplates/${template}`,
      jupyterSession: { kernel: 'PYTHON' },
    });
    expect(made.status).toBe(200);
  }
  await api.createSession('idle-quiet', { ...config, labels: { team: 'data-eng' } });
  await api.createSession('from-template', {
    ...config,
    sessionTemplate: `${inRegion('us-central1')}/sessionTemplates/${LONG_TEMPLATE}`,
  });
  const eu = await api.call('POST', `/v1/${inRegion('europe-west1')}/sessions?sessionId=eu-session`, {
    ...config,
    sessionTemplate: `${inRegion('europe-west1')}/sessionTemplates/eu-analytics`,
  });
  expect(eu.status).toBe(200);
  await api.waitForState('idle-quiet', 'ACTIVE');
  await api.waitForState('from-template', 'ACTIVE');
  const quiet = await api.call('POST', '/control/sessions:runWorkload', {
    name: `${api.parent}/sessions/idle-quiet`,
    workload: 'quiet',
  });
  expect(quiet.status).toBe(200);
  await api.call('POST', '/control/clock:advance', { seconds: 65 * 60 });
}

for (const colorScheme of ['light', 'dark'] as const) {
  hourJumpTest(
    `the costs pages: nothing overlaps, scrolls sideways or outgrows its box at any size (${colorScheme})`,
    async ({ page, api }) => {
      hourJumpTest.setTimeout(150_000);
      await seedCosts(api);
      await page.emulateMedia({ colorScheme });
      const pages = [
        {
          name: 'fleet',
          url: `/projects/${api.project}/fleet`,
          ready: page.getByRole('region', { name: 'By template' }),
        },
        {
          name: 'idle',
          url: `/projects/${api.project}/idle`,
          ready: page.getByRole('row', { name: /idle-quiet/ }),
        },
      ];
      // "By template" was 104 px wider than its box at 1280 (full resource names on one line).
      await expectPagesLaidOut(page, pages, colorScheme, {
        // The idle note under the figure reads in at most two lines (it stood a word a line at 390).
        afterSize: async (viewport) => {
          const note = page.getByRole('row', { name: /idle-quiet/ }).getByText('since its latest job ended');
          const { height, lineHeight } = await note.evaluate((el) => ({
            height: el.getBoundingClientRect().height,
            lineHeight: parseFloat(getComputedStyle(el).lineHeight),
          }));
          expect(height, `idle note at ${viewport.width}`).toBeLessThanOrEqual(2.5 * lineHeight);
        },
      });
      await expectAccessible(page);

      // A template's name in the fleet is a link to its page, written by the console's routes.
      await page.setViewportSize(VIEWPORTS[0]);
      await page.goto(`/projects/${api.project}/fleet`);
      const byTemplate = page.getByRole('region', { name: 'By template' });
      const link = byTemplate.getByRole('link', { name: LONG_TEMPLATE, exact: true });
      await expect(link).toHaveAttribute(
        'href',
        `/projects/${api.project}/locations/us-central1/sessionTemplates/${LONG_TEMPLATE}`,
      );
      await expect(byTemplate.getByRole('link', { name: 'eu-analytics', exact: true })).toHaveAttribute(
        'href',
        `/projects/${api.project}/locations/europe-west1/sessionTemplates/eu-analytics`,
      );
      await link.click();
      await expect(page.getByRole('heading', { name: `Template ${LONG_TEMPLATE}` })).toBeVisible();
    },
  );
}

test('the create form: the kernel fields fit a phone, and the ID check logs no error', async ({
  page,
  api,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(listUrl(api, '/new'));
  // Side by side, "Kernel display name" was cut to an ellipsis at 390 px.
  const label = page.locator('label', { hasText: 'Kernel display name' });
  await expect(label).toBeVisible();
  const { scrollWidth, clientWidth } = await label.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

  // A free ID (the usual answer) is asked as a filtered list: no 404 for the browser to log.
  const checked = page.waitForResponse(
    (r) => new URL(r.url()).searchParams.get('filter') === 'session_id = "a-free-id"',
  );
  await page.getByLabel('Session ID').fill('a-free-id');
  expect((await checked).status()).toBe(200);
  await expect(page.getByTestId('id-taken')).toHaveCount(0);
  // A taken one still warns.
  await api.createSession('taken-id');
  await page.getByLabel('Session ID').fill('taken-id');
  await expect(page.getByTestId('id-taken')).toContainText('already exists');
  expect(errors).toEqual([]);
});
