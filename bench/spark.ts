/**
 * Spark figures for `npm run bench`: one application holding about 2,000 jobs and 10,000 stages
 * (the `bench` workload), searchJobs latency in the emulator, and the Spark tab's first render
 * (navigation → first job row in the DOM) in Chromium.
 */
import { chromium } from 'playwright-core';
import path from 'node:path';
import { Emulator } from '../server/emulator/emulator';
import { listen } from '../server/testing/test-server';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function sparkFigures(root: string) {
  const emulator = new Emulator({ db: ':memory:', transitionMs: 1000, seed: false });
  const server = await listen(emulator, { staticDir: path.join(root, 'dist') });
  const parent = 'projects/bench/locations/us-central1';
  const name = `${parent}/sessions/spark-bench`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    emulator.sessions.create({ parent, sessionId: 'spark-bench', requestId: undefined, session: {} });
    emulator.clock.advance(2000);
    emulator.sessions.advance(emulator.clock.now());
    const run = await fetch(`${server.url}/control/sessions:runWorkload`, {
      method: 'POST',
      body: JSON.stringify({ name, workload: 'bench' }),
    });
    if (!run.ok) throw new Error(`runWorkload: ${await run.text()}`);
    // 2,000 jobs, one every 100 ms: all done after 201 s.
    emulator.clock.advance(205_000);
    emulator.sessions.advance(emulator.clock.now());

    const search = (await (await fetch(`${server.url}/v1/${name}/sparkApplications:search`)).json()) as {
      sparkApplications: { name: string }[];
    };
    const app = search.sparkApplications[0]!.name;
    const jobsUrl = (query: string) => `${server.url}/v1/${app}:searchJobs?parent=${name}&${query}`;
    const t0 = performance.now();
    const first = (await (await fetch(jobsUrl('pageSize=1'))).json()) as {
      sparkApplicationJobs: { jobId: string }[];
    };
    const coldMs = performance.now() - t0;
    const jobs = Number(first.sparkApplicationJobs[0]!.jobId) + 1;
    const stages = (await (await fetch(`${server.url}/v1/${app}:summarizeStages?parent=${name}`)).json()) as {
      stagesSummary: Record<string, number>;
    };
    const stageCount = Object.entries(stages.stagesSummary)
      .filter(([k]) => k.startsWith('num'))
      .reduce((n, [, v]) => n + v, 0);
    console.log(
      `Spark application: ${jobs} jobs, ${stageCount} stages; first searchJobs (cold) ${ms(coldMs)}`,
    );
    for (const [label, query] of [
      ['searchJobs, default page (10)', ''],
      ['searchJobs, pageSize 50 (the console)', 'pageSize=50'],
      [
        'searchJobs, jobStatus=FAILED filter, pageSize 50',
        'pageSize=50&jobStatus=JOB_EXECUTION_STATUS_FAILED',
      ],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 120; i++) {
        const s = performance.now();
        await (await fetch(jobsUrl(query))).arrayBuffer();
        if (i >= 20) times.push(performance.now() - s);
      }
      console.log(`${label}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`);
    }

    const firstRender: number[] = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_m, observer) => {
          if (document.querySelector('[data-testid="job-row"]')) {
            (window as unknown as { __firstJob: number }).__firstJob = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.url}/${name}?tab=spark`);
      await page.waitForSelector('[data-testid="job-row"]');
      firstRender.push(await page.evaluate(() => (window as unknown as { __firstJob: number }).__firstJob));
      await context.close();
    }
    console.log(
      `Spark tab, navigation → first job row (first visit, ${jobs} jobs): median ${ms(percentile(firstRender, 50))} (min ${ms(Math.min(...firstRender))})`,
    );
  } finally {
    await browser.close();
    await server.close();
    emulator.close();
  }
}
