import { test as base } from '@playwright/test';
import { spawnServer, type SpawnedServer } from '../server/testing/spawn-server';
import { expect, expectAccessible } from './fixtures';

/**
 * `npm start -- --upstream URL` in front of a second emulator that wants a token, as Google does:
 * the console works through the proxy, and the page never holds a token or talks elsewhere.
 */
const TOKEN = 'server-held-token-7f3a';
const PROJECT = 'up-proj';
const PARENT = `projects/${PROJECT}/locations/us-central1`;

const test = base.extend<
  object,
  { upstream: SpawnedServer; consoleServer: SpawnedServer; badConsole: SpawnedServer }
>({
  upstream: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await spawnServer([
        '--api-only',
        '--db',
        ':memory:',
        '--no-seed',
        '--transition-ms',
        '1000',
        '--require-auth',
        TOKEN,
      ]);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  consoleServer: [
    async ({ upstream }, use) => {
      const server = await spawnServer(['--upstream', upstream.url, '--project', PROJECT], {
        ...process.env,
        GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN,
      });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  badConsole: [
    async ({ upstream }, use) => {
      const server = await spawnServer(['--upstream', upstream.url, '--project', PROJECT], {
        ...process.env,
        GOOGLE_OAUTH_ACCESS_TOKEN: 'a-token-google-no-longer-takes',
      });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

/** Straight to the upstream, with its token: how the test sets the scene. */
async function atUpstream(upstream: SpawnedServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${upstream.url}/v1/${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('the whole console works through the proxy, and no request the page makes carries a token or leaves the server', async ({
  page,
  upstream,
  consoleServer,
}) => {
  const origin = new URL(consoleServer.url).origin;
  const requests: { url: string; authorization?: string }[] = [];
  page.on('request', (request) => {
    requests.push({ url: request.url(), authorization: request.headers().authorization });
  });
  for (let i = 0; i < 25; i++)
    await atUpstream(upstream, 'POST', `${PARENT}/sessions?sessionId=up-${String(i).padStart(2, '0')}`, {
      labels: { team: i % 5 === 0 ? 'ml' : 'bi' },
    });

  // "/" opens the project the server was given, and the header names the upstream and credential.
  await page.goto(`${consoleServer.url}/`);
  await expect(page).toHaveURL(new RegExp(`/${PARENT}/sessions$`));
  const indicator = page.getByTestId('backend-indicator');
  await expect(indicator).toContainText(new URL(upstream.url).host);
  await expect(indicator).toContainText('GOOGLE_OAUTH_ACCESS_TOKEN');

  // List: pages and a label filter, answered by the upstream.
  await page.goto(`${consoleServer.url}/${PARENT}/sessions?pageSize=20`);
  await expect(page.getByTestId('session-row')).toHaveCount(20);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Page 2')).toBeVisible();
  await expect(page.getByTestId('session-row')).toHaveCount(5);
  await page.getByLabel('Label filter').fill('team=ml');
  await page.getByLabel('Label filter').press('Enter');
  await expect(page.getByTestId('session-row')).toHaveCount(5);
  await expectAccessible(page);

  // Create through the form.
  await page.goto(`${consoleServer.url}/${PARENT}/sessions/new`);
  await page.getByLabel('Session ID').fill('made-through-proxy');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(new RegExp(`/${PARENT}/sessions/made-through-proxy$`));
  await expect(page.getByRole('heading', { name: 'made-through-proxy' })).toBeVisible();
  expect((await atUpstream(upstream, 'GET', `${PARENT}/sessions/made-through-proxy`)).status).toBe(200);

  // Terminate, then delete.
  const timeline = page.getByRole('list', { name: 'State history' });
  await expect(timeline.getByTestId('timeline-entry').last()).toHaveAttribute('data-state', 'ACTIVE', {
    timeout: 15_000,
  });
  const actions = page.getByRole('toolbar', { name: 'Session actions' });
  await actions.getByRole('button', { name: 'Terminate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terminate' }).click();
  await expect(timeline.getByTestId('timeline-entry').last()).toHaveAttribute('data-state', 'TERMINATED', {
    timeout: 15_000,
  });
  await actions.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(new RegExp(`/${PARENT}/sessions$`), { timeout: 15_000 });
  expect((await atUpstream(upstream, 'GET', `${PARENT}/sessions/made-through-proxy`)).status).toBe(404);

  expect(requests.length).toBeGreaterThan(5);
  expect(requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith('data:'))).toEqual([]);
  expect(requests.filter((r) => r.authorization)).toEqual([]);
  const html = await page.content();
  expect(html).not.toContain(TOKEN);
});

test('a token Google refuses reaches the page as a 401 with what to do', async ({ page, badConsole }) => {
  await page.goto(`${badConsole.url}/${PARENT}/sessions`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Google refused the console server’s credentials');
  await expect(alert).toContainText('gcloud auth application-default login');
  await expect(alert).toContainText('HTTP 401 UNAUTHENTICATED');
});
