import type { Page } from '@playwright/test';
import { spawnServer, type SpawnedServer } from '../server/testing/spawn-server';
import { expect, expectAccessible, test as consoleTest } from './fixtures';
import { expectPagesLaidOut } from './layout';

/**
 * The console as `npm start` shows it: the demo data (sessions of every state and age, templates in
 * two regions, Spark workloads, an idle session), walked page by page at each width in both colour
 * schemes. Text drawn over text, a page wider than the window, or a table wider than its box where
 * it should fit (from 1280 px; on a phone only inside a scroll region) fails it. Its own server per
 * worker: the demo project is shared by every test that uses it, and this one only reads.
 */
const test = consoleTest.extend<object, { server: SpawnedServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await spawnServer(['--db', ':memory:', '--seed']);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

const PLACE = '/projects/demo-project/locations/us-central1';
const SESSION = `${PLACE}/sessions/etl-nightly-2411`;

/**
 * From the demo's ETL session: a job whose stages all finished without a failed task (and one of
 * them), and a failed stage with its job (its tasks' errors fill the Error column).
 */
async function sparkPlaces(baseURL: string) {
  const get = async <T>(path: string) => (await (await fetch(baseURL + path)).json()) as T;
  const apps = await get<{ sparkApplications: { name: string }[] }>(`/v1${SESSION}/sparkApplications:search`);
  const app = apps.sparkApplications[0]!.name;
  const { sparkApplicationStages: stages } = await get<{
    sparkApplicationStages: { stageId: string; status: string; numFailedTasks?: number; jobIds?: string[] }[];
  }>(`/v1/${app}:searchStages?parent=${SESSION.slice(1)}&pageSize=100`);
  const byJob = new Map<string, typeof stages>();
  for (const s of stages) byJob.set(s.jobIds?.[0] ?? '', [...(byJob.get(s.jobIds?.[0] ?? '') ?? []), s]);
  const clean = [...byJob].find(
    ([, of]) => of.length > 1 && of.every((s) => s.status === 'STAGE_STATUS_COMPLETE' && !s.numFailedTasks),
  );
  const failed = stages.find((s) => s.status === 'STAGE_STATUS_FAILED');
  expect(clean, 'a job of several clean stages in the demo').toBeDefined();
  expect(failed, 'a failed stage in the demo').toBeDefined();
  return {
    job: clean![0],
    stage: clean![1][0]!.stageId,
    failedJob: failed!.jobIds![0]!,
    failedStage: failed!.stageId,
  };
}

/** Tables of many metrics that scroll in their own box by design, even on a desktop screen. */
const SCROLL_BY_DESIGN = ['Executors'];

const pagesOf = (
  page: Page,
  { job, stage, failedJob, failedStage }: Awaited<ReturnType<typeof sparkPlaces>>,
) => [
  { name: 'list', url: `${PLACE}/sessions`, ready: page.getByTestId('session-row').first() },
  { name: 'session', url: SESSION, ready: page.getByRole('heading', { name: 'Labels' }) },
  { name: 'spark jobs', url: `${SESSION}?tab=spark`, ready: page.getByTestId('job-row').first() },
  {
    name: 'spark environment',
    url: `${SESSION}?tab=spark&view=environment`,
    ready: page.getByRole('heading', { name: 'Environment', level: 3 }),
  },
  {
    name: 'spark executors',
    url: `${SESSION}?tab=spark&view=executors`,
    ready: page.getByTestId('executor-row').first(),
  },
  { name: 'job', url: `${SESSION}?tab=spark&job=${job}`, ready: page.getByTestId('stages-table') },
  {
    name: 'stage',
    url: `${SESSION}?tab=spark&job=${job}&stage=${stage}`,
    ready: page.getByTestId('task-row').first(),
  },
  {
    name: 'failed stage',
    url: `${SESSION}?tab=spark&job=${failedJob}&stage=${failedStage}`,
    ready: page.getByTestId('stage-failure'),
  },
  {
    name: 'fleet',
    url: '/projects/demo-project/fleet',
    ready: page.getByRole('region', { name: 'By template' }),
  },
  {
    name: 'idle',
    url: '/projects/demo-project/idle',
    ready: page.getByRole('region', { name: 'Idle sessions' }),
  },
  { name: 'create', url: `${PLACE}/sessions/new`, ready: page.getByLabel('Session ID') },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the demo console at every size: no text over text, no sideways page, tables in their box (${colorScheme})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const places = await sparkPlaces(baseURL!);
    await page.emulateMedia({ colorScheme });
    // Before: the list 6–13 px over its box at 1280 and 91 at 1440, "By template" 104 px, the
    // job's stages 148 px (its last header cut), the stage's tasks 35–65 px at 1280.
    await expectPagesLaidOut(page, pagesOf(page, places), colorScheme, {
      readyTimeout: 15_000,
      scrollsAtDesktop: SCROLL_BY_DESIGN,
    });
    await expectAccessible(page);
  });
}

test('on a phone the Spark breadcrumb stays in one piece; the tasks have no empty Error column', async ({
  page,
  baseURL,
}) => {
  const { job, stage } = await sparkPlaces(baseURL!);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${SESSION}?tab=spark&job=${job}&stage=${stage}`);
  await expect(page.getByTestId('task-row').first()).toBeVisible({ timeout: 15_000 });
  const nav = page.getByRole('navigation', { name: 'Spark views' });
  // "› Job N › Stage M" wrapped beside the Environment link; now it moves to a line as a whole.
  const crumb = nav.getByRole('link', { name: `Job ${job}` }).locator('..');
  const lines = await crumb.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  // No Error column when no task on the page has an error (it took the room "Launched" needed).
  const tasks = page.getByTestId('tasks-table');
  await expect(tasks.getByRole('columnheader', { name: 'Error' })).toHaveCount(0);
  await expect(tasks.getByRole('columnheader', { name: 'Launched' })).toBeVisible();
});
