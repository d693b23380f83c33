/**
 * The fleet view over 40 regions × 500 sessions (the emulator, in-process, serving the built
 * console): list calls the page makes, navigation → totals on screen, and the page's peak
 * JavaScript heap (Chromium's JSHeapUsedSize, sampled every 50 ms).
 */
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { Emulator } from '../server/emulator/emulator';
import { listen } from '../server/testing/test-server';
import { KNOWN_REGIONS } from '../src/schemas/regions';

const PROJECT = 'fleet-bench';
const REGIONS = KNOWN_REGIONS.slice(0, 40);
const PER_REGION = 500;

export async function fleetFigures(root: string) {
  if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) {
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn' });
  }
  const emulator = new Emulator({ db: ':memory:', transitionMs: 1000, seed: false });
  const t0 = performance.now();
  emulator.db.transaction(() => {
    for (const region of REGIONS)
      for (let i = 0; i < PER_REGION; i++)
        emulator.sessions.create({
          parent: `projects/${PROJECT}/locations/${region}`,
          sessionId: `fleet-${i}`,
          requestId: undefined,
          session: { labels: { team: `t${i % 7}`, env: i % 3 ? 'dev' : 'prod' } },
        });
  })();
  // Past CREATING: most sessions ACTIVE, with usage.
  emulator.clock.advance(2000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const seeded = performance.now() - t0;
  const server = await listen(emulator, { staticDir: path.join(root, 'dist') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const runs: { totalsMs: number; requests: number; peakHeapMb: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let requests = 0;
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/v1/')) requests++;
      });
      // Totals: polled in the page every 10 ms. Heap: Chromium's own JSHeapUsedSize, sampled every 50 ms.
      await page.addInitScript(
        (expected: string) => {
          const w = window as unknown as { __totals?: number };
          const timer = setInterval(() => {
            const totals = document.querySelector(
              'section[aria-label="Totals over the regions that answered"]',
            );
            if (totals?.textContent?.includes(expected)) {
              w.__totals = performance.now();
              clearInterval(timer);
            }
          }, 10);
        },
        `Sessions${REGIONS.length * PER_REGION}`,
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      let peakHeap = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          peakHeap = Math.max(peakHeap, used);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await page.goto(`${server.url}/projects/${PROJECT}/fleet?label=team`);
      await page.waitForFunction(
        () => (window as unknown as { __totals?: number }).__totals !== undefined,
        null,
        {
          timeout: 120_000,
        },
      );
      // The tables below the totals render in the same commit; one more sample after them.
      await page.waitForTimeout(300);
      sampling = false;
      await sampler;
      const totalsMs = await page.evaluate(() => (window as unknown as { __totals: number }).__totals);
      const figures = { totalsMs, peakHeapMb: peakHeap / 2 ** 20 };
      runs.push({ ...figures, requests });
      await context.close();
    }
    const median = <T>(values: T[], key: (v: T) => number) => values.map(key).sort((a, b) => a - b)[1]!;
    console.log(
      `fleet view, ${REGIONS.length} regions × ${PER_REGION} sessions (+ ${KNOWN_REGIONS.length - REGIONS.length} empty regions; seeded in ${(seeded / 1000).toFixed(1)} s): ` +
        `${runs[0]!.requests} API requests to the totals (one list call of up to 1,000 per region), ` +
        `navigation → totals on screen median ${median(runs, (r) => r.totalsMs).toFixed(0)} ms (runs: ${runs.map((r) => r.totalsMs.toFixed(0)).join(', ')} ms), ` +
        `peak JavaScript heap ${median(runs, (r) => r.peakHeapMb).toFixed(1)} MB`,
    );
  } finally {
    await browser.close();
    await server.close();
    emulator.close();
  }
}
