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
