import { expect, expectAccessibleInBothModes, listUrl, test } from './fixtures';

test.describe('connect panel and lifetime', () => {
  test.use({ permissions: ['clipboard-write'] });
  // The server's Permissions-Policy forbids reading the clipboard, so the test records what is written.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      (window as unknown as { copied: string[] }).copied = [];
      clipboard.writeText = async (text: string) => {
        await write(text);
        (window as unknown as { copied: string[] }).copied.push(text);
      };
    });
  });
  const lastCopied = (page: import('@playwright/test').Page) =>
    page.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1));

  test('an ACTIVE Spark Connect session offers every endpoint to copy and a Python snippet; it goes away when terminating', async ({
    page,
    api,
  }) => {
    await api.createSession('connect-me', {
      sparkConnectSession: {},
      environmentConfig: { executionConfig: { ttl: '7200s', idleTtl: '1800s' } },
    });
    await api.waitForState('connect-me', 'ACTIVE');
    const session = (
      await api.call<{ runtimeInfo: { endpoints: Record<string, string> } }>(
        'GET',
        `/v1/${api.parent}/sessions/connect-me`,
      )
    ).body;
    const sc = session.runtimeInfo.endpoints['Spark Connect Server']!;
    expect(sc).toMatch(/^sc:\/\//);

    await page.goto(listUrl(api, '/connect-me'));
    const panel = page.getByTestId('connect-panel');
    await expect(panel.getByRole('heading', { name: 'Connect', exact: true })).toBeVisible();
    for (const [name, uri] of Object.entries(session.runtimeInfo.endpoints)) {
      await expect(panel.getByText(uri, { exact: true })).toBeVisible();
      await panel.getByRole('button', { name: `Copy ${name} endpoint` }).click();
      await expect.poll(() => lastCopied(page)).toBe(uri);
    }
    // sc:// is not a web link: plain text.
    await expect(panel.getByRole('link', { name: sc })).toHaveCount(0);

    const snippet = panel.getByLabel('Python snippet', { exact: true });
    await expect(snippet).toContainText('pip install -U dataproc-spark-connect');
    await expect(snippet).toContainText(
      'from google.cloud.dataproc_spark_connect import DataprocSparkSession',
    );
    await expect(snippet).toContainText(`.projectId("${api.project}")`);
    await expect(snippet).toContainText('.location("us-central1")');
    await expect(snippet).toContainText('.dataprocSessionId("connect-me")');
    await panel.getByRole('button', { name: 'Copy python snippet' }).click();
    await expect.poll(() => lastCopied(page)).toContain('.dataprocSessionId("connect-me")');
    await expect(panel).toContainText('JupyterLab');
    await expect(panel).toContainText('VS Code');

    // One sentence for ACTIVE: the end time with its zone and the idle rule; "Expires" in the overview.
    const lifetime = page.getByTestId('lifetime');
    await expect(lifetime).toHaveText(
      /^It ends at .+ \(in (1 h 59 min|2 h)\) at the latest \(TTL 2 h\), or sooner after 30 min without activity \(idle TTL\)\.$/,
    );
    await expect(lifetime).not.toContainText('also');
    const overview = page.getByRole('region', { name: 'Overview' });
    await expect(overview.getByText(/^in (1 h 59 min|2 h) \(.+\) at the latest$/)).toBeVisible();
    await expectAccessibleInBothModes(page);

    await page
      .getByRole('toolbar', { name: 'Session actions' })
      .getByRole('button', { name: 'Terminate' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
    await expect(page.getByTestId('connect-panel')).toHaveCount(0);
    // Nothing about expiry once it is terminating or ended.
    await expect(page.getByTestId('lifetime')).toHaveCount(0);
    await expect(overview.getByText('Expires')).toHaveCount(0);
    // The change was announced in the polite live region.
    await expect(page.getByTestId('announcer')).toHaveText(
      /Session connect-me is now (terminating|terminated)\./,
    );
  });

  test('the list has an Expires column for ACTIVE sessions with a TTL', async ({ page, api }) => {
    await api.createSession('expiring', { environmentConfig: { executionConfig: { ttl: '3600s' } } });
    await api.waitForState('expiring', 'ACTIVE');
    await page.goto(listUrl(api));
    const headers = await page.getByRole('columnheader').allTextContents();
    const column = headers.indexOf('Expires');
    expect(column).toBeGreaterThan(0);
    await expect(page.getByTestId('session-row').first().locator('td, th').nth(column)).toHaveText(
      /^in (59 min|1 h)$/,
    );
  });
});

test.describe('time zones', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

  test('absolute times show their zone; the UTC/local setting is kept across reloads', async ({
    page,
    api,
  }) => {
    await api.createSession('zoned');
    await api.waitForState('zoned', 'ACTIVE');
    const created = (await api.call<{ createTime: string }>('GET', `/v1/${api.parent}/sessions/zoned`)).body
      .createTime;
    await page.goto(listUrl(api, '/zoned'));
    // Formatted by the same browser, so spaces and separators agree.
    const [local, utc] = await page.evaluate(
      (iso) =>
        [undefined, 'UTC'].map((timeZone) =>
          new Date(iso).toLocaleTimeString('en-US', {
            timeZone,
            hour: 'numeric',
            minute: '2-digit',
            second: '2-digit',
          }),
        ),
      created,
    );
    const overview = page.getByRole('region', { name: 'Overview' });
    const createdValue = overview.locator('dt:text-is("Created") + dd');
    await expect(createdValue).toContainText(local!);
    await expect(createdValue).toContainText(/EST|EDT|GMT-[45]/);

    await page.getByTestId('time-zone-toggle').click();
    await expect(page.getByTestId('time-zone-toggle')).toHaveAccessibleName(/^Times shown in UTC/);
    await expect(createdValue).toContainText(utc!);
    await expect(createdValue).toContainText('UTC');
    await page.reload();
    await expect(createdValue).toContainText(`${utc}`);
    await expect(page.getByTestId('time-zone-toggle')).toHaveAccessibleName(/^Times shown in UTC/);
    await expectAccessibleInBothModes(page);
  });
});

test('copy says so when the clipboard is unavailable', async ({ page, api }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await api.createSession('no-clipboard');
  await page.goto(listUrl(api, '/no-clipboard'));
  await page.getByRole('button', { name: 'Copy UUID' }).click();
  await expect(page.getByTestId('copy-failed')).toHaveText('Copy failed');
  await expect(page.getByTestId('announcer')).toContainText('Could not copy');
  await expectAccessibleInBothModes(page);
});
