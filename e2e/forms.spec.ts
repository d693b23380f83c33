import { countCreates, expect, expectAccessibleInBothModes, test } from './fixtures';

const newSession = (parent: string) => `/${parent}/sessions/new`;
const newTemplate = (parent: string) => `/${parent}/sessionTemplates/new`;

test('a refused create takes the keyboard to a summary whose links reach each bad field', async ({
  page,
  api,
}) => {
  const sent = countCreates(page, api.parent);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(newSession(api.parent));
  await page.getByLabel('Session ID').fill('ab');
  await page.getByLabel('Staging bucket').fill('Not A Bucket');
  await page.getByRole('button', { name: 'Create session' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(
    page.getByRole('status').filter({ hasText: 'There are 2 problems; nothing was sent.' }),
  ).toHaveCount(1);
  const links = summary.getByRole('link');
  // In the order of the page: the ID first, the bucket (far below) second.
  await expect(links).toHaveText([/^Session ID: The session ID must be 4 to 63/, /^Staging bucket: /]);

  // Keyboard: the first Tab from the summary is its first link; Enter lands in the field.
  await page.keyboard.press('Tab');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Staging bucket')).toBeFocused();
  await expect(page.getByLabel('Staging bucket')).toBeInViewport();

  // Fixing a field takes it off the list; fixing all removes the list.
  await page.getByLabel('Staging bucket').fill('good-bucket');
  await expect(links).toHaveCount(1);
  await links.first().click();
  await expect(page.getByLabel('Session ID')).toBeFocused();
  await page.getByLabel('Session ID').fill('fixed-now');
  await expect(summary).toHaveCount(0);
  expect(sent).toEqual([]);
});

test('a refusal from the server lands in the summary too, linked to its field', async ({ page, api }) => {
  await page.goto(newSession(api.parent));
  await page.getByLabel('Session ID').fill('ghost-template');
  await page.getByRole('combobox', { name: 'Template' }).fill(`${api.parent}/sessionTemplates/ghost`);
  await page.getByRole('button', { name: 'Create session' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /^Template: / }).click();
  await expect(page.getByRole('combobox', { name: 'Template' })).toBeFocused();
});

test('the template form has the same summary, and its sections are headings in order', async ({
  page,
  api,
}) => {
  await page.goto(newTemplate(api.parent));
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByLabel('label key 1').fill('Bad');
  await page.getByRole('button', { name: 'Create template' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([/^Template ID: /, /^Label key 1: /]);
  await summary.getByRole('link', { name: /^Label key 1/ }).click();
  await expect(page.getByLabel('label key 1')).toBeFocused();

  const levels = await page
    .locator('main h1, main h2, main h3, main h4')
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  // Never a jump of more than one level down.
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  for (const name of ['Template', 'Labels', 'Runtime config', 'Environment config'])
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Spark properties' })).toBeVisible();
  await expectAccessibleInBothModes(page);
});

test('the create form with its summary showing passes axe in light and dark', async ({ page, api }) => {
  await page.goto(newSession(api.parent));
  await page.getByLabel('Session ID').fill('-x');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectAccessibleInBothModes(page);
});

test('the equivalent request never slides under the sticky header', async ({ page, api }) => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(newSession(api.parent));
    for (const y of [600, 1500, 100_000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const header = await page.locator('header').first().boundingBox();
      const title = await page.getByRole('heading', { name: 'Equivalent request' }).boundingBox();
      expect(title!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
    }
  }
});

test('an import fills what it can, converts durations and names every value it could not use', async ({
  page,
  api,
}) => {
  await page.goto(newSession(api.parent));
  await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
  await page
    .getByLabel('Session JSON or YAML')
    .fill(
      [
        'jupyterSession:',
        '  kernel: RUBY',
        'runtimeConfig:',
        '  version: 2.2',
        '  properties:',
        '    spark.executor.cores: 4',
        'environmentConfig:',
        '  executionConfig:',
        '    idleTtl: 45m',
        '    ttl: 1.5h',
        '    stagingBucket: [a, b]',
      ].join('\n'),
    );
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Kernel: "RUBY" is not one of PYTHON, SCALA');
  await expect(report).toContainText('Staging bucket: expected a single value, got a list');
  await expect(report.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByLabel('Idle TTL')).toHaveValue('45');
  await expect(page.getByTestId('idleTtl-words')).toContainText('2700s');
  await expect(page.getByLabel('TTL', { exact: true })).toHaveValue('90');
  await expect(page.getByLabel('property value 1')).toHaveValue('4');
  await expect(page.getByRole('combobox', { name: 'Runtime version' })).toHaveValue('2.2');
  await expect(page.getByTestId('equivalent-rest')).toContainText('"spark.executor.cores": "4"');
});

test('importing into the new-template form keeps the ID the user typed', async ({ page, api }) => {
  await page.goto(newTemplate(api.parent));
  await page.getByLabel('Template ID').fill('my-own-id');
  await page.getByRole('button', { name: 'Import JSON or YAML' }).click();
  await page
    .getByLabel('Template JSON or YAML')
    .fill(`name: ${api.parent}/sessionTemplates/other-id\ndescription: shared shape\n`);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-report')).toContainText('Imported.');
  await expect(page.getByLabel('Template ID')).toHaveValue('my-own-id');
  await expect(page.getByLabel('Description')).toHaveValue('shared shape');
});

test('the create form checks version, image, template, TTLs, ID and owner in plain words', async ({
  page,
  api,
}) => {
  const sent = countCreates(page, api.parent);
  await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/real-one`,
    jupyterSession: {},
  });
  await page.goto(newSession(api.parent));
  const field = (name: string) => page.getByLabel(name, { exact: true });

  await page.getByLabel('Session ID').fill('-abc-');
  await expect(page.getByLabel('Session ID')).toHaveAccessibleDescription(
    'The session ID must start with a lowercase letter or a digit, not a hyphen.',
  );
  const gcloud = page.getByLabel('gcloud command', { exact: true });
  await expect(gcloud).toContainText(`create spark projects/${api.parent.split('/')[1]}/locations/`);
  await expect(gcloud).not.toContainText('spark -abc-');
  await page.getByLabel('Session ID').fill('checks-1');

  const version = page.getByRole('combobox', { name: 'Runtime version' });
  await version.fill('9.9');
  await expect(version).toHaveAccessibleDescription(
    /^Runtime version 9\.9 is not supported\. Choose 3\.0, 2\.3/,
  );
  await version.fill('abc');
  await expect(version).toHaveAccessibleDescription(/^"abc" is not a runtime version/);
  await version.fill('2.2.41');
  await expect(version).toHaveAccessibleDescription(/Empty: the service default/);

  await field('Custom container image').fill('https://gcr.io/Me/Image');
  await expect(field('Custom container image')).toHaveAccessibleDescription(/must be an image reference/);
  await field('Custom container image').fill('gcr.io/me/image:1');
  await expect(field('Custom container image')).not.toHaveAccessibleDescription(/must be/);

  const template = page.getByRole('combobox', { name: 'Template' });
  await template.fill(`${api.parent}/sessionTemplates/ghost`);
  await expect(page.getByTestId('template-missing')).toContainText('There is no template ghost');
  await template.fill(`${api.parent}/sessionTemplates/real-one`);
  await expect(page.getByTestId('template-preview')).toBeVisible();
  await expect(page.getByTestId('template-missing')).toHaveCount(0);

  // TTL 2 h, idle 3 h: legal, but the idle TTL could never apply.
  await field('TTL').fill('2');
  await field('Idle TTL').fill('3');
  await expect(page.getByTestId('idleTtl-warning')).toContainText('Longer than the TTL (2 h)');
  await field('Idle TTL').fill('1');
  await expect(page.getByTestId('idleTtl-warning')).toHaveCount(0);

  await field('Owner email (optional)').fill('not-an-email');
  await expect(field('Owner email (optional)')).toHaveAccessibleDescription(
    'The owner must be an email address, such as name@example.com.',
  );
  await field('Owner email (optional)').fill('');

  // The gs:// note goes with the value it explains.
  await field('Staging bucket').fill('gs://my-bucket/path');
  await field('Staging bucket').blur();
  await expect(field('Staging bucket')).toHaveValue('my-bucket');
  await expect(field('Staging bucket')).toHaveAccessibleDescription(/Removed "gs:\/\/"/);
  await field('Staging bucket').fill('');
  await expect(field('Staging bucket')).toHaveAccessibleDescription(
    'A Cloud Storage bucket name, without gs://.',
  );

  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(/\/sessions\/checks-1$/);
  expect(sent).toHaveLength(1);
});
