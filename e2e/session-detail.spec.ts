import { expect, expectAccessible, test } from './fixtures';

test('watches a session go CREATING → ACTIVE → TERMINATING → TERMINATED on its page', async ({
  page,
  api,
}) => {
  await api.createSession('watch-me', { labels: { env: 'dev' } });
  await page.goto(`/${api.parent}/sessions/watch-me`);
  const timeline = page.getByRole('list', { name: 'State history' });
  await expect(page.getByRole('heading', { name: 'watch-me' })).toBeVisible();
  await expect(timeline.getByTestId('timeline-entry')).toHaveCount(2, { timeout: 15_000 });
  await expect(timeline.getByTestId('timeline-entry').last()).toHaveAttribute('data-state', 'ACTIVE');

  await page
    .getByRole('toolbar', { name: 'Session actions' })
    .getByRole('button', { name: 'Terminate' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
  await expect(timeline.getByTestId('timeline-entry')).toHaveCount(4, { timeout: 20_000 });
  const states = await timeline
    .getByTestId('timeline-entry')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-state')));
  expect(states).toEqual(['CREATING', 'ACTIVE', 'TERMINATING', 'TERMINATED']);
  const durations = await timeline.getByTestId('timeline-duration').allTextContents();
  expect(durations.slice(0, 3).every((d) => /^lasted \d/.test(d))).toBe(true);
  await expect(page.getByRole('button', { name: 'Terminate' })).toBeDisabled();
  await expect(page.getByText('Terminate is unavailable: this session has already ended')).toBeVisible();
  await expect(page.getByText('Compute used')).toBeVisible();
});

test('a session failed through the control API shows its message prominently', async ({ page, api }) => {
  await api.createSession('will-fail');
  await api.call('POST', '/control/sessions:fail', {
    name: `${api.parent}/sessions/will-fail`,
    message: "Insufficient 'CPUS' quota.",
  });
  await page.goto(`/${api.parent}/sessions/will-fail`);
  await expect(page.getByTestId('failure-message')).toContainText("Insufficient 'CPUS' quota.", {
    timeout: 15_000,
  });
});

test('API values render as text: HTML in messages and labels, javascript: endpoints', async ({
  page,
  api,
}) => {
  await api.createSession('hostile');
  await api.waitForState('hostile', 'ACTIVE');
  const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await api.call('POST', '/control/sessions:overwrite', {
    name: `${api.parent}/sessions/hostile`,
    fields: {
      stateMessage: html,
      labels: { evil: html },
      runtimeInfo: {
        endpoints: { Evil: 'javascript:window.__pwned=3', Good: 'https://example.com/ui' },
        outputUri: 'javascript:alert(1)',
      },
    },
  });
  await page.goto(`/${api.parent}/sessions/hostile`);
  await expect(page.getByText(html).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const endpoints = page.getByRole('table', { name: 'Endpoints' });
  await expect(endpoints.getByText('javascript:window.__pwned=3')).toBeVisible();
  await expect(endpoints.getByRole('link', { name: 'javascript:window.__pwned=3' })).toHaveCount(0);
  await expect(endpoints.getByRole('link', { name: 'https://example.com/ui' })).toHaveAttribute(
    'href',
    'https://example.com/ui',
  );
  await expect(page.getByRole('link', { name: 'javascript:alert(1)' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a missing session gets a not-found page with a way back', async ({ page, api }) => {
  await page.goto(`/${api.parent}/sessions/no-such-session`);
  await expect(page.getByRole('heading', { name: 'Session not found' })).toBeVisible();
  await expect(page.getByText(`Not found: Session ${api.parent}/sessions/no-such-session`)).toBeVisible();
  await page.getByRole('link', { name: 'Back to sessions' }).click();
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessions$`));
});

test('clone opens the create form filled in; delete returns to the list; a label opens the filtered list', async ({
  page,
  api,
}) => {
  await api.createSession('source-one', {
    labels: { team: 'ml' },
    runtimeConfig: { properties: { 'spark.executor.cores': '8' } },
    environmentConfig: { executionConfig: { ttl: '7200s' } },
  });
  await page.goto(`/${api.parent}/sessions/source-one`);
  await page.getByRole('button', { name: 'Clone' }).click();
  await expect(page.getByRole('heading', { name: 'Create session' })).toBeVisible();
  await expect(page.getByLabel('Session ID')).toHaveValue('source-one-copy');
  await expect(page.getByLabel('label key 1')).toHaveValue('team');
  await expect(page.getByLabel('property value 1')).toHaveValue('8');
  await expect(page.getByRole('textbox', { name: 'TTL', exact: true })).toHaveValue('2');

  await page.goto(`/${api.parent}/sessions/source-one`);
  await page.getByRole('button', { name: 'Filter by label team=ml' }).click();
  await expect(page).toHaveURL(/label=team%3Dml/);
  await expect(page.getByTestId('session-row')).toHaveCount(1);

  await page.goto(`/${api.parent}/sessions/source-one`);
  await page
    .getByRole('toolbar', { name: 'Session actions' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('dialog')).toContainText('terminated first');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessions$`), { timeout: 20_000 });
  expect((await api.call('GET', `/v1/${api.parent}/sessions/source-one`)).status).toBe(404);
});

test('View JSON shows the raw resource', async ({ page, api }) => {
  await api.createSession('json-one', { labels: { a: 'b' } });
  await page.goto(`/${api.parent}/sessions/json-one`);
  await page.getByRole('button', { name: 'View JSON' }).click();
  await expect(page.getByLabel('Session JSON')).toContainText(`"name": "${api.parent}/sessions/json-one"`);
});

test('the detail page has no serious accessibility violations', async ({ page, api }) => {
  await api.createSession('axe-detail', {
    labels: { env: 'dev' },
    runtimeConfig: { properties: { 'spark.a': '1' } },
  });
  await api.waitForState('axe-detail', 'ACTIVE');
  await page.goto(`/${api.parent}/sessions/axe-detail`);
  await expect(page.getByRole('list', { name: 'State history' })).toBeVisible();
  await expectAccessible(page);
});
