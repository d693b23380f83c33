import { countCreates, expect, test } from './fixtures';

test('the form refuses what the session would not survive, at the field, in its own words', async ({
  page,
  api,
}) => {
  const sent = countCreates(page, api.parent);
  await page.goto(`/${api.parent}/sessions/new`);
  await page.getByLabel('Session ID').fill('checked-form');

  await page.getByRole('radio', { name: 'From the template' }).check();
  await expect(page.getByText('Choose a template, or pick Jupyter or Spark Connect')).toBeVisible();
  await page.getByRole('radio', { name: 'Jupyter notebook' }).check();

  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('goog-dataproc-mine');
  await expect(
    page.getByText('Label keys starting with "goog-" are reserved for Google Cloud.'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Add property' }).click();
  await page.getByRole('combobox', { name: 'property key 1' }).fill('spark.executor.memory');
  await page.getByLabel('property value 1').fill('lots');
  await expect(page.getByText('spark.executor.memory is a size such as 512m, 4g or 2gb')).toBeVisible();

  await page.getByRole('radio', { name: 'Subnetwork' }).check();
  await page.getByLabel('Subnetwork URI').fill('projects/p/regions/europe-west1/subnetworks/s1');
  await expect(
    page.getByText('The subnetwork is in europe-west1, but the session runs in us-central1'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  expect(sent).toEqual([]);
});

test('a clone copies what was set on the session, not its template’s values or the defaults, and says so', async ({
  page,
  api,
}) => {
  const template = `${api.parent}/sessionTemplates/base-shape`;
  await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: template,
    jupyterSession: { kernel: 'PYTHON' },
    labels: { team: 'data' },
    runtimeConfig: { properties: { 'spark.from.template': 'yes' } },
  });
  await api.createSession('from-shape', {
    sessionTemplate: template,
    labels: { env: 'prod' },
    runtimeConfig: { properties: { 'spark.executor.cores': '8' } },
  });
  await page.goto(`/${api.parent}/sessions/from-shape`);
  await page.getByRole('button', { name: 'Clone' }).click();
  await expect(page.getByLabel('Session ID')).toHaveValue('from-shape-copy');
  await expect(page.getByText(/Not copied: the values that come from template base-shape/)).toBeVisible();
  await expect(page.getByLabel('label key 1')).toHaveValue('env');
  await expect(page.getByLabel('label key 2')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'property key 1' })).toHaveValue('spark.executor.cores');
  await expect(page.getByRole('combobox', { name: 'property key 2' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'From the template' })).toBeChecked();
  await expect(page.getByTestId('equivalent-rest')).not.toContainText(
    'compute@developer.gserviceaccount.com',
  );
});
