import { countCreates, expect, expectAccessible, test } from './fixtures';

const newUrl = (parent: string) => `/${parent}/sessions/new`;

test('creates a session with labels, properties, TTLs and a template; every value is on its page', async ({
  page,
  api,
}) => {
  const template = `${api.parent}/sessionTemplates/base-template`;
  await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: template,
    labels: { team: 'data' },
    runtimeConfig: { properties: { 'spark.from.template': 'yes' } },
  });
  await page.goto(newUrl(api.parent));
  await page.getByLabel('Session ID').fill('made-by-form');
  await page.getByRole('combobox', { name: 'Template' }).fill(template);
  await expect(page.getByTestId('template-preview')).toContainText('spark.from.template');

  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('env');
  await page.getByLabel('label value 1').fill('prod');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 1' }).fill('spark.executor.cores');
  await page.getByLabel('property value 1').fill('8');
  await page.getByRole('textbox', { name: 'TTL', exact: true }).fill('2');
  await expect(page.getByTestId('ttl-words')).toHaveText('= 2 h (7200s)');
  await page.getByRole('textbox', { name: 'Idle TTL' }).fill('45');
  await page.getByLabel('Unit').nth(1).click();
  await page.getByRole('option', { name: 'minutes' }).click();
  await page.getByLabel('Network tags').fill('ml-egress, spark');
  await page.getByLabel('Staging bucket').fill('gs://my-staging');
  await page.getByLabel('Service account').click();
  await expect(page.getByLabel('Staging bucket')).toHaveValue('my-staging');
  await expect(page.getByText('Removed "gs://"')).toBeVisible();
  await expect(page.getByTestId('equivalent-rest')).toContainText('"spark.executor.cores": "8"');

  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessions/made-by-form$`));
  await expect(page.getByRole('heading', { name: 'made-by-form' })).toBeVisible();
  for (const text of [
    'env=prod',
    'team=data',
    'spark.executor.cores',
    'spark.from.template',
    'ml-egress, spark',
    'my-staging',
    '45 min',
    '2 h',
    template,
  ])
    await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
});

test('each kind of bad input shows its message at the field and sends nothing', async ({ page, api }) => {
  const sent = countCreates(page, api.parent);
  await page.goto(newUrl(api.parent));
  const problems: [string, () => Promise<void>, string][] = [
    ['Session ID', () => page.getByLabel('Session ID').fill('Bad_ID'), 'lowercase letters'],
    ['Session ID', () => page.getByLabel('Session ID').fill('abc'), '4 to 63 characters'],
    [
      'label key 1',
      async () => {
        await page.getByRole('button', { name: 'Add label' }).click();
        await page.getByLabel('label key 1').fill('Team');
      },
      'must start with a lowercase letter',
    ],
    ['label value 1', () => page.getByLabel('label value 1').fill('Prod Value'), 'A label value'],
    [
      'TTL',
      () => page.getByRole('textbox', { name: 'TTL', exact: true }).fill('20'),
      'between 10 minutes (600s) and 14 days',
    ],
    ['KMS key', () => page.getByLabel('KMS key').fill('my-key'), 'keyRings'],
    [
      'Template',
      () =>
        page
          .getByRole('combobox', { name: 'Template' })
          .fill('projects/other/locations/us-central1/sessionTemplates/t'),
      'same project and region',
    ],
    [
      'Metastore service',
      () => page.getByLabel('Metastore service').fill('thrift://host'),
      'services/SERVICE',
    ],
  ];
  // The TTL unit is hours by default: 20 h is fine, so switch to days for 20 d (over 14).
  for (const [, act, message] of problems) {
    await act();
    if (message.startsWith('between')) {
      await page.getByLabel('Unit').first().click();
      await page.getByRole('option', { name: 'days' }).click();
    }
    await expect(page.getByText(message).first()).toBeVisible();
  }
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  expect(sent).toEqual([]);
});

test('a duplicate label key and an existing session ID are caught before sending', async ({ page, api }) => {
  await api.createSession('already-here');
  await page.goto(newUrl(api.parent));
  await page.getByLabel('Session ID').fill('already-here');
  await expect(page.getByTestId('id-taken')).toContainText('already exists');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('env');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 2').fill('env');
  await expect(page.getByText('Duplicate label key "env".')).toBeVisible();
});

test('pasting team=data,env=dev into a label key fills rows', async ({ page, api }) => {
  await page.goto(newUrl(api.parent));
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text', 'team=data,env=dev');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByLabel('label key 2')).toHaveValue('env');
  await expect(page.getByLabel('label value 1')).toHaveValue('data');
});

test('a 503 on create, then Retry, yields exactly one session', async ({ page, api }) => {
  // The server creates the session but the answer is lost, four times over (the request and its
  // three automatic retries, all with the same requestId); then the user presses Retry.
  await api.call('POST', '/control/faults', {
    path: `/${api.parent}/sessions`,
    method: 'POST',
    status: 503,
    count: 4,
    phase: 'after',
    message: 'Backend unavailable, try again.',
  });
  const sent = countCreates(page, api.parent);
  await page.goto(newUrl(api.parent));
  await page.getByLabel('Session ID').fill('exactly-once');
  await page.getByRole('button', { name: 'Create session' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Backend unavailable, try again.' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Session ID')).toHaveValue('exactly-once');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/exactly-once$`));
  const { body } = await api.call<{ sessions: unknown[] }>('GET', `/v1/${api.parent}/sessions`);
  expect(body.sessions).toHaveLength(1);
  expect(new Set(sent.map((u) => new URL(u).searchParams.get('requestId'))).size).toBe(1);
  expect(sent.length).toBe(5);
});

test('server field violations land on the field', async ({ page, api }) => {
  await page.goto(newUrl(api.parent));
  await page.getByLabel('Session ID').fill('needs-template');
  // Well-formed, same project and region, but missing: only the server can know.
  await page.getByRole('combobox', { name: 'Template' }).fill(`${api.parent}/sessionTemplates/ghost`);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('combobox', { name: 'Template' })).toHaveAccessibleDescription(
    `Session template ${api.parent}/sessionTemplates/ghost does not exist.`,
  );
});

test('the draft survives a reload and is cleared after success', async ({ page, api }) => {
  await page.goto(newUrl(api.parent));
  await page.getByLabel('Session ID').fill('draft-kept');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('owner');
  await page.getByLabel('label value 1').fill('sam');
  await page.reload();
  await expect(page.getByText('Restored the draft')).toBeVisible();
  await expect(page.getByLabel('Session ID')).toHaveValue('draft-kept');
  await expect(page.getByLabel('label value 1')).toHaveValue('sam');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(/sessions\/draft-kept$/);
  await page.goto(newUrl(api.parent));
  await expect(page.getByLabel('Session ID')).not.toHaveValue('draft-kept');
});

test('importing JSON fills the form and lists the fields it did not take', async ({ page, api }) => {
  await page.goto(newUrl(api.parent));
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await page.getByLabel('Session JSON').fill(
    JSON.stringify({
      name: `${api.parent}/sessions/orig`,
      state: 'ACTIVE',
      labels: { env: 'dev' },
      sparkConnectSession: {},
      colour: 'blue',
    }),
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('state (set by the service)')).toBeVisible();
  await expect(page.getByText(/colour \(unknown field\)/)).toBeVisible();
  await expect(page.getByLabel('Session ID')).toHaveValue('orig-copy');
  await expect(page.getByLabel('label value 1')).toHaveValue('dev');
  await expect(page.getByRole('radio', { name: 'Spark Connect' })).toBeChecked();
});

test('the create form has no serious accessibility violations', async ({ page, api }) => {
  await page.goto(newUrl(api.parent));
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('Bad');
  await expect(page.getByText('must start with a lowercase letter')).toBeVisible();
  await expectAccessible(page);
});
