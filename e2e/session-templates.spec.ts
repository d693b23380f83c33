import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { clockTest, expect, expectAccessible, test, type Api } from './fixtures';

const templatesUrl = (api: Api) => `/${api.parent}/sessionTemplates`;

async function createTemplate(api: Api, id: string, body: Record<string, unknown> = {}) {
  const { status, body: created } = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/${id}`,
    ...body,
  });
  expect(status, JSON.stringify(created)).toBe(200);
  return created as { name: string; updateTime: string };
}

const getTemplate = async (api: Api, id: string) =>
  (await api.call<Record<string, unknown>>('GET', `/v1/${api.parent}/sessionTemplates/${id}`)).body;

/** A template as gcloud exports it: no name and no output-only fields. */
function exported(template: Record<string, unknown>) {
  const outputOnly = ['name', 'uuid', 'createTime', 'updateTime', 'creator'];
  return Object.fromEntries(Object.entries(template).filter(([k]) => !outputOnly.includes(k)));
}

async function openEdit(page: Page, api: Api, id: string) {
  await page.goto(`${templatesUrl(api)}/${id}`);
  await page.getByRole('toolbar', { name: 'Template actions' }).getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit template ${id}` })).toBeVisible();
}

test('create a template in the UI, start a session from it, and follow the links both ways', async ({
  page,
  api,
}) => {
  await page.goto(`/${api.parent}/sessions`);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'Session templates' })).toBeVisible();
  await expect(page.getByText(`No templates in ${api.project} / us-central1 yet`)).toBeVisible();
  await page.getByRole('link', { name: 'Create template' }).first().click();

  await page.getByLabel('Template ID').fill('Bad_ID');
  await expect(page.getByText('The template ID may contain only lowercase letters')).toBeVisible();
  await page.getByLabel('Template ID').fill('connect-small');
  await page.getByLabel('Description').fill('Spark Connect, small executors');
  await page.getByRole('radio', { name: 'Spark Connect' }).check();
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('team');
  await page.getByLabel('label value 1').fill('data');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 1' }).fill('spark.executor.cores');
  await page.getByLabel('property value 1').fill('4');
  await page.getByRole('textbox', { name: 'TTL', exact: true }).fill('3');
  await expect(page.getByTestId('equivalent-rest')).toContainText(`POST`);
  await expect(page.getByTestId('equivalent-rest')).toContainText('"sparkConnectSession": {}');
  await page.getByRole('button', { name: 'Create template' }).click();

  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessionTemplates/connect-small$`));
  await expect(page.getByRole('heading', { name: 'Template connect-small' })).toBeVisible();
  for (const text of [
    'Spark Connect, small executors',
    'Spark Connect',
    'team=data',
    'spark.executor.cores',
    '3 h',
  ])
    await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('using-summary')).toHaveText(/No session of the 0 in this region/);

  // The list shows it, with its type and runtime version.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Templates' }).click();
  const row = page.getByTestId('template-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('connect-small');
  await expect(row).toContainText('Spark Connect');
  await expect(row).toContainText('team=data');
  await expect(row.locator('time')).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}.*\S/);
  await row.getByRole('link', { name: 'connect-small' }).click();

  await page.getByRole('button', { name: 'Create session from this template' }).click();
  await expect(page.getByRole('heading', { name: 'Create session' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Template' })).toHaveValue(
    `${api.parent}/sessionTemplates/connect-small`,
  );
  await expect(page.getByRole('radio', { name: 'From the template' })).toBeChecked();
  await page.getByLabel('Session ID').fill('from-template');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { name: 'from-template' })).toBeVisible();
  await expect(page.getByText('Spark Connect', { exact: true })).toBeVisible();

  // Session → template → session.
  await page.getByRole('link', { name: `${api.parent}/sessionTemplates/connect-small` }).click();
  await expect(page.getByRole('heading', { name: 'Template connect-small' })).toBeVisible();
  await expect(page.getByTestId('using-summary')).toHaveText(/1 session of the 1 in this region/);
  await page
    .getByRole('list', { name: 'Sessions using this template' })
    .getByRole('link', { name: 'from-template' })
    .click();
  await expect(page.getByRole('heading', { name: 'from-template' })).toBeVisible();
});

test('edit shows the changes before saving and sends the whole template', async ({ page, api }) => {
  await createTemplate(api, 'edit-me', {
    description: 'before',
    jupyterSession: { kernel: 'PYTHON' },
    labels: { keep: 'yes' },
    runtimeConfig: { version: '2.2', properties: { 'spark.a': '1' } },
  });
  await openEdit(page, api, 'edit-me');
  await expect(page.getByLabel('Template ID')).not.toBeEditable();
  await page.getByLabel('Description').fill('after');
  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 2' }).fill('spark.b');
  await page.getByLabel('property value 2').fill('2');
  await expect(page.getByTestId('equivalent-rest')).toContainText(`PATCH`);
  await page.getByRole('button', { name: 'Review and save' }).click();

  const dialog = page.getByRole('dialog', { name: 'Save changes to edit-me?' });
  const rows = dialog.getByTestId('diff-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText(/descriptionbeforeafter/);
  await expect(rows.nth(1)).toHaveText(/runtimeConfig\.properties\.spark\.b\(not set\)2/);
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { name: 'Template edit-me' })).toBeVisible();
  const saved = await getTemplate(api, 'edit-me');
  expect(exported(saved)).toEqual({
    description: 'after',
    jupyterSession: { kernel: 'PYTHON' },
    labels: { keep: 'yes' },
    runtimeConfig: { version: '2.2', properties: { 'spark.a': '1', 'spark.b': '2' } },
  });
});

clockTest(
  'a change made by someone else while editing is detected; re-apply or reload',
  async ({ page, api }) => {
    await createTemplate(api, 'shared', { description: 'original', labels: { a: '1' } });
    await openEdit(page, api, 'shared');
    // Someone else saves first (the emulator's clock needs to move for a new updateTime).
    await api.call('POST', '/control/clock:advance', { seconds: 5 });
    const other = await api.call('PATCH', `/v1/${api.parent}/sessionTemplates/shared`, {
      description: 'theirs',
      labels: { a: '1' },
    });
    expect(other.status).toBe(200);

    await page.getByLabel('Description').fill('mine');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page
      .getByRole('dialog', { name: 'Save changes to shared?' })
      .getByRole('button', { name: 'Save' })
      .click();
    const conflict = page.getByRole('dialog', { name: 'Someone else changed shared' });
    await expect(conflict).toContainText('Nothing was sent');
    await expect(conflict.getByTestId('diff-row')).toHaveText([/descriptionoriginaltheirs/]);
    expect((await getTemplate(api, 'shared')).description).toBe('theirs');

    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    const review = page.getByRole('dialog', { name: 'Save changes to shared?' });
    await expect(review.getByTestId('diff-row')).toHaveText([/descriptiontheirsmine/]);
    await review.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Template shared' })).toBeVisible();
    expect((await getTemplate(api, 'shared')).description).toBe('mine');

    // Reload instead: the form takes their version and drops the edit.
    await openEdit(page, api, 'shared');
    await api.call('POST', '/control/clock:advance', { seconds: 5 });
    await api.call('PATCH', `/v1/${api.parent}/sessionTemplates/shared`, { description: 'theirs again' });
    await page.getByLabel('Description').fill('lost');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page
      .getByRole('dialog', { name: 'Save changes to shared?' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByRole('button', { name: 'Reload theirs' }).click();
    await expect(page.getByLabel('Description')).toHaveValue('theirs again');
    await expect(page.getByText('Reloaded the latest version')).toBeVisible();
  },
);

test('delete names the sessions that still use the template', async ({ page, api }) => {
  await createTemplate(api, 'in-use', { jupyterSession: { kernel: 'PYTHON' } });
  await createTemplate(api, 'other-template');
  await api.createSession('user-one', { sessionTemplate: `${api.parent}/sessionTemplates/in-use` });
  await api.createSession('user-two', { sessionTemplate: `${api.parent}/sessionTemplates/in-use` });
  await api.createSession('unrelated', { sessionTemplate: `${api.parent}/sessionTemplates/other-template` });
  await page.goto(`${templatesUrl(api)}/in-use`);
  await expect(page.getByTestId('using-summary')).toHaveText(/2 sessions of the 3 in this region/);
  await page
    .getByRole('toolbar', { name: 'Template actions' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete template in-use?' });
  const named = dialog.getByRole('list', { name: 'Sessions that still use it' }).getByRole('listitem');
  await expect(named).toHaveCount(2);
  await expect(named.filter({ hasText: 'user-one' })).toHaveCount(1);
  await expect(named.filter({ hasText: 'user-two' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessionTemplates$`));
  await expect(page.getByTestId('template-row')).toHaveText([/other-template/]);
  expect((await api.call('GET', `/v1/${api.parent}/sessionTemplates/in-use`)).status).toBe(404);
});

test('export as YAML and JSON, then import: the copy equals the original; dropped fields are listed', async ({
  page,
  api,
}) => {
  await createTemplate(api, 'full-one', {
    description: 'Every field: commas, "quotes", ünïcode',
    jupyterSession: { kernel: 'SCALA', displayName: 'Scala 2.13' },
    labels: { team: 'data', env: '' },
    runtimeConfig: {
      version: '2.3',
      containerImage: 'us-docker.pkg.dev/p/r/img:1',
      properties: { 'spark.jars.packages': 'a:b:1,c:d:2', 'spark.executor.memory': '4g' },
      repositoryConfig: { pypiRepositoryConfig: { pypiRepository: 'https://pypi.example.com/simple' } },
      autotuningConfig: { scenarios: ['AUTO', 'MEMORY'] },
      cohort: 'nightly',
    },
    environmentConfig: {
      executionConfig: {
        serviceAccount: 'sa@p.iam.gserviceaccount.com',
        subnetworkUri: 'projects/p/regions/us-central1/subnetworks/s',
        networkTags: ['a', 'b'],
        ttl: '7200s',
        idleTtl: '900s',
        stagingBucket: 'bucket-1',
        authenticationConfig: { userWorkloadAuthenticationType: 'END_USER_CREDENTIALS' },
        resourceManagerTags: { 'tagKeys/1': 'tagValues/2' },
      },
      peripheralsConfig: { metastoreService: 'projects/p/locations/us-central1/services/m' },
    },
  });
  const original = exported(await getTemplate(api, 'full-one'));

  for (const format of ['YAML', 'JSON'] as const) {
    await page.goto(`${templatesUrl(api)}/full-one`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${format}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`full-one.${format.toLowerCase()}`);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).not.toContain('uuid');
    expect(text).not.toContain(api.parent);

    const copyId = `copy-${format.toLowerCase()}`;
    await page.goto(`${templatesUrl(api)}/new`);
    await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
    await page.getByLabel('Template JSON or YAML').fill(text);
    await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
    await expect(page.getByText('Imported.')).toBeVisible();
    await page.getByLabel('Template ID').fill(copyId);
    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(page.getByRole('heading', { name: `Template ${copyId}` })).toBeVisible();
    expect(exported(await getTemplate(api, copyId))).toEqual(original);
  }

  // What the form cannot take is listed, not dropped silently.
  await page.goto(`${templatesUrl(api)}/new`);
  await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
  await page
    .getByLabel('Template JSON or YAML')
    .fill('uuid: 1234\ncreateTime: "2026-01-01T00:00:00Z"\nbogusField: 1\ndescription: imported\n');
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  const notTaken = page.getByText('These fields were not taken');
  for (const field of [
    'uuid (set by the service)',
    'createTime (set by the service)',
    'bogusField (unknown field)',
  ])
    await expect(notTaken).toContainText(field);
  await expect(page.getByLabel('Description')).toHaveValue('imported');

  await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
  await page.getByLabel('Template JSON or YAML').fill('description: [unclosed');
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog')).toContainText('Not valid YAML');
});

test('the list filters with the API: a typed expression, or a click on a label', async ({ page, api }) => {
  await createTemplate(api, 'team-data', { labels: { team: 'data' } });
  await createTemplate(api, 'team-ml', { labels: { team: 'ml' }, sparkConnectSession: {} });
  await page.goto(templatesUrl(api));
  await expect(page.getByTestId('template-row')).toHaveCount(2);
  await page
    .getByTestId('template-row')
    .filter({ hasText: 'team-ml' })
    .getByRole('button', { name: 'team=ml' })
    .click();
  await expect(page).toHaveURL(/filter=labels\.team/);
  await expect(page.getByTestId('template-row')).toHaveText([/team-ml.*Spark Connect/]);
  await page.getByLabel("Filter (the API's syntax)").fill('name = "*data*"');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('template-row')).toHaveText([/team-data/]);
  await page.getByLabel("Filter (the API's syntax)").fill('nonsense ===');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not load templates');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByTestId('template-row')).toHaveCount(2);
});

test('template pages have no serious accessibility violations, light and dark', async ({ page, api }) => {
  await createTemplate(api, 'axe-template', {
    description: 'for axe',
    labels: { team: 'data' },
    sparkConnectSession: {},
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(templatesUrl(api));
    await expect(page.getByTestId('template-row')).toHaveCount(1);
    await expectAccessible(page);
    await page.goto(`${templatesUrl(api)}/axe-template`);
    await expect(page.getByTestId('using-summary')).toHaveText(/No session/);
    // A section with nothing in it is not shown (this template sets no environment config).
    await expect(page.getByRole('heading', { name: 'Environment config' })).toHaveCount(0);
    await expectAccessible(page);
    await page.goto(`${templatesUrl(api)}/axe-template/edit`);
    await expect(page.getByLabel('Description')).toHaveValue('for axe');
    await expectAccessible(page);
  }
});

test('the session form imports YAML, as gcloud describes a session', async ({ page, api }) => {
  await page.goto(`/${api.parent}/sessions/new`);
  await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
  await page
    .getByLabel('Session JSON or YAML')
    .fill(
      [
        `name: ${api.parent}/sessions/described`,
        'state: ACTIVE',
        'sparkConnectSession: {}',
        'labels:',
        '  team: data',
        'runtimeConfig:',
        '  properties:',
        '    spark.executor.cores: "4"',
      ].join('\n'),
    );
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('These fields were not taken')).toContainText('state (set by the service)');
  await expect(page.getByLabel('Session ID')).toHaveValue('described-copy');
  await expect(page.getByRole('radio', { name: 'Spark Connect' })).toBeChecked();
  await expect(page.getByTestId('equivalent-rest')).toContainText('"spark.executor.cores": "4"');
});
