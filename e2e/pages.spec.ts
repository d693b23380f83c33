import { expect, expectAccessibleInBothModes, listUrl, test, type Api } from './fixtures';

const templatesUrl = (api: Api) => `/${api.parent}/sessionTemplates`;

async function createTemplate(api: Api, id: string) {
  const { status } = await api.call('POST', `/v1/${api.parent}/sessionTemplates`, {
    name: `${api.parent}/sessionTemplates/${id}`,
    jupyterSession: { kernel: 'PYTHON' },
  });
  expect(status).toBe(200);
}

test('every page names itself and its resource in the browser tab', async ({ page, api }) => {
  await api.createSession('titled');
  await createTemplate(api, 'titled-template');
  const place = `${api.project} · us-central1`;
  await page.goto(listUrl(api));
  await expect(page).toHaveTitle(`Sessions · ${place} · Dataproc Sessions Console`);
  await page.goto(`/${api.parent}/sessions/titled`);
  await expect(page).toHaveTitle(`Session titled · ${place} · Dataproc Sessions Console`);
  await page.goto(`/${api.parent}/sessions/titled?tab=spark`);
  await expect(page).toHaveTitle(/^Session titled · Spark · /);
  await page.goto(templatesUrl(api));
  await expect(page).toHaveTitle(/^Session templates · /);
  await page.goto(`${templatesUrl(api)}/titled-template`);
  await expect(page).toHaveTitle(/^Template titled-template · /);
  await page.goto(`/${api.parent}/sessions/new`);
  await expect(page).toHaveTitle(/^Create session · /);
});

test('deleting a session says "Deleting…" meanwhile, then confirms it on the list, read out', async ({
  page,
  api,
}) => {
  await api.createSession('doomed');
  await api.waitForState('doomed', 'ACTIVE');
  await page.goto(`/${api.parent}/sessions/doomed`);
  await page
    .getByRole('toolbar', { name: 'Session actions' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  // The emulator terminates it first (1.5 s): meanwhile the page never says Active.
  await expect(page.locator('h1 + [data-state]')).toHaveText('Deleting…');
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessions$`), { timeout: 20_000 });
  await expect(page.getByTestId('flash')).toHaveText('Session doomed deleted.');
  await expect(page.getByTestId('announcer')).toHaveText('Session doomed deleted.');
  // Moving on clears it.
  await page.goto(templatesUrl(api));
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(page.getByTestId('flash')).toHaveCount(0);
});

test('deleting a template confirms it on the templates list', async ({ page, api }) => {
  await createTemplate(api, 'gone-template');
  await page.goto(`${templatesUrl(api)}/gone-template`);
  await page
    .getByRole('toolbar', { name: 'Template actions' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/${api.parent}/sessionTemplates$`));
  await expect(page.getByTestId('flash')).toHaveText('Template gone-template deleted.');
  await expect(page.getByTestId('announcer')).toHaveText('Template gone-template deleted.');
});

test('links out: the session logs in Cloud Logging, its Spark UI, JupyterLab for a Jupyter session', async ({
  page,
  api,
}) => {
  await api.createSession('linked', { jupyterSession: { kernel: 'PYTHON' } });
  await api.waitForState('linked', 'ACTIVE');
  const session = (
    await api.call<{ createTime: string; runtimeInfo: { endpoints: Record<string, string> } }>(
      'GET',
      `/v1/${api.parent}/sessions/linked`,
    )
  ).body;
  await page.goto(`/${api.parent}/sessions/linked`);
  const panel = page.getByRole('region', { name: 'Open elsewhere' });
  const logs = panel.getByRole('link', { name: /Logs in Cloud Logging/ });
  const href = new URL((await logs.getAttribute('href'))!);
  expect(href.origin + href.pathname.split(';')[0]).toBe('https://console.cloud.google.com/logs/query');
  expect(href.searchParams.get('project')).toBe(api.project);
  const query = decodeURIComponent(/;query=([^;]*)/.exec(href.pathname)![1]!);
  expect(query).toContain('resource.type="cloud_dataproc_session"');
  expect(query).toContain('resource.labels.session_id="linked"');
  expect(query).toContain(`timestamp>="${session.createTime}"`);
  await expect(logs).toHaveAttribute('target', '_blank');
  await expect(panel.getByRole('link', { name: /Spark UI/ })).toHaveAttribute(
    'href',
    session.runtimeInfo.endpoints['Spark History Server']!,
  );
  await expect(panel.getByRole('link', { name: /Open in JupyterLab/ })).toHaveAttribute(
    'href',
    session.runtimeInfo.endpoints['Jupyter Kernel Gateway']!,
  );
  await expectAccessibleInBothModes(page);

  // A Spark Connect session has no JupyterLab link; an ended one has no Spark UI endpoint.
  await api.createSession('linked-connect', { sparkConnectSession: {} });
  await api.waitForState('linked-connect', 'ACTIVE');
  await api.call('POST', `/v1/${api.parent}/sessions/linked-connect:terminate`, {});
  await api.waitForState('linked-connect', 'TERMINATED');
  await page.goto(`/${api.parent}/sessions/linked-connect`);
  await expect(panel.getByRole('link', { name: /Logs in Cloud Logging/ })).toBeVisible();
  await expect(panel.getByRole('link')).toHaveCount(1);
});
