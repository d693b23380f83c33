import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { spawnServer, type SpawnedServer } from '../server/testing/spawn-server';

export interface Api {
  /** A project of this test's own, so tests never see each other's sessions. */
  project: string;
  parent: string;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  createSession(id: string, session?: Record<string, unknown>): Promise<void>;
  waitForState(id: string, state: string): Promise<void>;
}

export async function workerServer(use: (server: SpawnedServer) => Promise<void>) {
  const server = await spawnServer(['--db', ':memory:', '--no-seed', '--transition-ms', '1500']);
  await use(server);
  await server.stop();
}

/** One emulator per worker (`npm start` with an in-memory database, on a free port). */
export const test = base.extend<{ api: Api }, { server: SpawnedServer }>({
  // eslint-disable-next-line no-empty-pattern
  server: [async ({}, use) => workerServer(use), { scope: 'worker' }],
  baseURL: async ({ server }, use) => use(server.url),
  // Every page of every test: a server-rendered page must hydrate without a mismatch (React then
  // renders the page again, and says so in the console: src/boot.tsx, React's errors 418-425).
  page: async ({ page }, use) => {
    const hydrationErrors: string[] = [];
    const isHydrationError = (text: string) =>
      /Hydration error|hydrat|Minified React error #4(18|19|2[0-5])\b/i.test(text);
    page.on('console', (message) => {
      if (message.type() === 'error' && isHydrationError(message.text()))
        hydrationErrors.push(message.text());
    });
    page.on('pageerror', (error) => {
      if (isHydrationError(error.message)) hydrationErrors.push(error.message);
    });
    // A server-rendered page is painted before it is hydrated, and a click before that is lost (as
    // for a person clicking in that moment): a navigation the test makes waits for the hydration.
    const untilHydrated = async <T>(navigation: Promise<T>): Promise<T> => {
      const response = await navigation;
      await page.waitForFunction(() => document.documentElement.dataset.hydrated !== 'pending');
      return response;
    };
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = (url, options) => untilHydrated(goto(url, options));
    page.reload = (options) => untilHydrated(reload(options));
    await use(page);
    expect(hydrationErrors, 'hydration errors in the browser console').toEqual([]);
  },
  api: async ({ server }, use) => {
    const project = `p-${randomUUID().slice(0, 8)}`;
    const parent = `projects/${project}/locations/us-central1`;
    const call: Api['call'] = async (method, path, body) => {
      const response = await fetch(server.url + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    };
    const api: Api = {
      project,
      parent,
      call,
      async createSession(id, session = {}) {
        const { status, body } = await call('POST', `/v1/${parent}/sessions?sessionId=${id}`, session);
        if (status !== 200) throw new Error(`create ${id}: ${JSON.stringify(body)}`);
      },
      async waitForState(id, state) {
        await expect
          .poll(
            async () => (await call<{ state?: string }>('GET', `/v1/${parent}/sessions/${id}`)).body.state,
            { timeout: 15_000 },
          )
          .toBe(state);
      },
    };
    await use(api);
  },
});

/**
 * For tests that move the emulator's clock (`/control/clock:advance`): an emulator of their own,
 * so Playwright runs them in a worker of their own and every other test's relative times
 * ("expires in 59 min", "started 2 min ago") stay true against the browser's clock.
 */
export const clockTest = test.extend<object, { server: SpawnedServer }>({
  // eslint-disable-next-line no-empty-pattern
  server: [async ({}, use) => workerServer(use), { scope: 'worker' }],
});

/**
 * For tests that move the clock by an hour or more (an idle session): an emulator (and worker) of
 * their own even among the clock-moving tests, whose Spark views compare times with the browser's
 * clock. Each test has its own project and sets TTLs longer than its jumps.
 */
export const hourJumpTest = test.extend<object, { server: SpawnedServer }>({
  // eslint-disable-next-line no-empty-pattern
  server: [async ({}, use) => workerServer(use), { scope: 'worker' }],
});

export { expect };

/** axe: no serious or critical accessibility violations on the page as it is. */
export async function expectAccessible(page: Page) {
  // MUI fades colours (250 ms): a colour sampled mid-transition (a theme switch, a hover fading
  // out) is neither theme's, so transitions are switched off before axe looks.
  await page.evaluate(() => {
    if (document.getElementById('axe-no-transitions')) return;
    const style = document.createElement('style');
    style.id = 'axe-no-transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.append(style);
  });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''} ${n.html}`).join('; ')})`,
    ),
  ).toEqual([]);
}

/** axe in the light and the dark theme (the console follows the system's colour scheme), then light again. */
export async function expectAccessibleInBothModes(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Counts the create requests the page sends (to show that bad input never leaves the page). */
export function countCreates(page: Page, parent: string): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes(`/v1/${parent}/sessions?`))
      sent.push(request.url());
  });
  return sent;
}

export const listUrl = (api: Api, query = '') =>
  `/projects/${api.project}/locations/us-central1/sessions${query}`;
