/**
 * `npm run bench`: prints speed and size figures; it asserts nothing (tests do not assert timings).
 *  1. Emulator: create throughput over HTTP; list latency p50/p99 with 10,000 stored sessions,
 *     with and without a filter.
 *  2. Limits: time to refuse an oversized body (by Content-Length, and chunked), and the server
 *     process's peak memory and health-check latency during a burst of them.
 *  3. Console: gzip size of the JavaScript the list route loads; for the list, a session page and
 *     its Spark tab, navigation → first row painted against a static page with the same rows
 *     (bench/first-view.ts, the ratio is the figure); the longest main-thread task while scrolling
 *     a 1,000-row page.
 *  3. Spark (bench/spark.ts): searchJobs with 2,000 jobs and 10,000 stages; the Spark tab's first render.
 *  4. Spark age (bench/spark-age.ts): every Spark read on a 13-day-old session, the health check's
 *     worst latency meanwhile, and the server's RSS.
 *  5. Fleet (bench/fleet.ts): the fleet view over 40 regions × 500 sessions: requests, time to totals, peak heap.
 *  6. List costs (bench/list-costs.ts): the session list's cost column and totals on a 1,000-row page.
 */
import { chromium, type Browser } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Emulator } from '../server/emulator/emulator';
import { LIMITS } from '../server/emulator/limits';
import { oversizedPost } from '../server/testing/oversized-post';
import { spawnServer } from '../server/testing/spawn-server';
import { listen } from '../server/testing/test-server';
import { fleetFigures } from './fleet';
import { listCostFigures } from './list-costs';
import { firstViewFigures } from './first-view';
import { sparkFigures } from './spark';
import { sparkAgeFigures } from './spark-age';

const ROOT = path.resolve(import.meta.dirname, '..');
const PARENT = 'projects/bench/locations/us-central1';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

const start = (emulator: Emulator, staticDir?: string) => listen(emulator, { staticDir });

async function timeRequests(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return times;
}

async function emulatorFigures() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dataproc-bench-'));
  const emulator = new Emulator({ db: path.join(dir, 'bench.sqlite'), transitionMs: 1000, seed: false });
  const server = await start(emulator);
  try {
    // 9,000 sessions made in-process (one transaction) and made ACTIVE; then 1,000 more over HTTP.
    emulator.db.transaction(() => {
      for (let i = 0; i < 9_000; i++)
        emulator.sessions.create({
          parent: PARENT,
          sessionId: `bulk-${i}`,
          requestId: undefined,
          session: { labels: { env: i % 3 === 0 ? 'prod' : 'dev', team: `t${i % 7}` } },
        });
    })();
    emulator.clock.advance(2000);
    emulator.sessions.advance(emulator.clock.now());
    // Create throughput over HTTP, 8 clients at once, each create durably committed.
    const creates = 1000;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < creates) {
          const i = next++;
          const labels = { env: i % 3 === 0 ? 'prod' : 'dev', team: `t${i % 7}` };
          const r = await fetch(`${server.url}/v1/${PARENT}/sessions?sessionId=http-${i}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ labels, jupyterSession: { kernel: 'PYTHON' } }),
          });
          await r.arrayBuffer();
        }
      }),
    );
    const createSeconds = (performance.now() - t0) / 1000;
    console.log(
      `create throughput (HTTP, 8 clients, synchronous=FULL): ${(creates / createSeconds).toFixed(0)} sessions/s`,
    );

    const count = (emulator.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    console.log(`stored sessions: ${count}; emulator process RSS ${rssMb.toFixed(0)} MB`);

    const cases: [string, string][] = [
      ['list, no filter, pageSize 50', `pageSize=50`],
      ['list, no filter, pageSize 1000', `pageSize=1000`],
      [
        'list, filter state = ACTIVE AND labels.env = "prod", pageSize 50',
        `pageSize=50&filter=${encodeURIComponent('state = ACTIVE AND labels.env = "prod"')}`,
      ],
      [
        'list, filter session_id = "bulk-99*"',
        `pageSize=50&filter=${encodeURIComponent('session_id = "bulk-99*"')}`,
      ],
    ];
    for (const [name, query] of cases) {
      const url = `${server.url}/v1/${PARENT}/sessions?${query}`;
      await timeRequests(url, 20);
      const times = await timeRequests(url, 200);
      console.log(`${name}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`);
    }
  } finally {
    await server.close();
    emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The JavaScript a cold visit to the (server-rendered) list loads before it is usable: every
 * script file the browser fetched until the page marked itself hydrated and the network went
 * quiet, whatever asked for it (the HTML's own scripts and preloads, or a dynamic import at start),
 * gzipped at level 9 as a server would send it. What loads later, on a user's action (a dialog,
 * the bulk actions, an error panel) or with the first refresh (the wire schemas), is not counted.
 * Also says which of those files the HTML itself names, so a chunk loaded only at run time shows.
 */
async function listRouteJsGzip(
  browser: Browser,
  url: string,
  served: string,
): Promise<{ bytes: number; files: string[]; notInHtml: string[] }> {
  const page = await browser.newPage();
  const files = new Set<string>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.js')) files.add(pathname);
  });
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-hydrated="true"]');
    await page.waitForLoadState('networkidle');
  } finally {
    await page.close();
  }
  const html = fs.readFileSync(path.join(served, 'index.html'), 'utf8');
  const named = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const list = [...files];
  const bytes = list.reduce(
    (sum, f) => sum + gzipSync(fs.readFileSync(path.join(served, f)), { level: 9 }).length,
    0,
  );
  return { bytes, files: list, notInHtml: list.filter((f) => !named.has(f)) };
}

const SPARK_SESSION = `${PARENT}/sessions/spark-bench`;

/** A session whose Spark application holds 2,000 jobs and 10,000 stages, all done. */
async function runSparkWorkload(emulator: Emulator, url: string) {
  emulator.sessions.create({ parent: PARENT, sessionId: 'spark-bench', requestId: undefined, session: {} });
  emulator.clock.advance(2000);
  emulator.sessions.advance(emulator.clock.now());
  const run = await fetch(`${url}/control/sessions:runWorkload`, {
    method: 'POST',
    body: JSON.stringify({ name: SPARK_SESSION, workload: 'bench' }),
  });
  if (!run.ok) throw new Error(`runWorkload: ${await run.text()}`);
  // 2,000 jobs, one every 100 ms: all done after 201 s.
  emulator.clock.advance(205_000);
  emulator.sessions.advance(emulator.clock.now());
}

async function consoleFigures() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'entry-server.js'))) {
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn' });
    // The server-side renderer, as `npm run build` makes it (server/static.ts loads it).
    await build({
      root: ROOT,
      logLevel: 'warn',
      build: { ssr: 'src/entry-server.tsx', outDir: 'dist/server' },
    });
  }
  const emulator = new Emulator({ db: ':memory:', transitionMs: 1000, seed: true });
  emulator.db.transaction(() => {
    for (let i = 0; i < 1000; i++)
      emulator.sessions.create({
        parent: PARENT,
        sessionId: `row-${i}`,
        requestId: undefined,
        session: { labels: { env: 'dev', n: String(i) } },
      });
    // The first-row figures read a list of 2,500 sessions (the demo seed's 20 plus these).
    for (let i = 0; i < 2480; i++)
      emulator.sessions.create({
        parent: 'projects/demo-project/locations/us-central1',
        sessionId: `demo-${i}`,
        requestId: undefined,
        session: { labels: { env: i % 2 ? 'dev' : 'prod', team: `t${i % 7}` } },
      });
  })();
  // A copy of dist/, so the static twins of the pages are served by the same process.
  const served = fs.mkdtempSync(path.join(os.tmpdir(), 'dataproc-bench-dist-'));
  fs.cpSync(path.join(ROOT, 'dist'), served, { recursive: true });
  const server = await start(emulator, served);
  await runSparkWorkload(emulator, server.url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const listUrl = `${server.url}/projects/demo-project/locations/us-central1/sessions`;
    const js = await listRouteJsGzip(browser, listUrl, served);
    console.log(
      `list route JavaScript: ${(js.bytes / 1024).toFixed(1)} KB gzip in ${js.files.length} files, loaded by a cold visit until hydrated (target ≤ 140 KB)${js.notInHtml.length ? `; not named by the HTML: ${js.notInHtml.join(', ')}` : ''}`,
    );
    const firstViewPages = [
      {
        label: 'session list (2,500 sessions)',
        url: listUrl,
        rowSelector: '[data-testid="session-row"]',
        staticFile: 'bench-static-list.html',
      },
      {
        label: 'session page',
        url: `${server.url}/${SPARK_SESSION}`,
        rowSelector: '[data-testid="timeline-entry"]',
        staticFile: 'bench-static-session.html',
      },
      {
        label: 'Spark tab (2,000 jobs)',
        url: `${server.url}/${SPARK_SESSION}?tab=spark`,
        rowSelector: '[data-testid="job-row"]',
        staticFile: 'bench-static-spark.html',
      },
    ];
    // `npm run bench -- console list` (or `session`, `spark`) measures the pages whose label starts so.
    const pick = process.argv[3];
    await firstViewFigures(
      browser,
      server.url,
      served,
      firstViewPages.filter((p) => !pick || p.label.toLowerCase().includes(pick)),
    );
    if (pick) return;

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.__longTasks.push(e.duration)),
      ).observe({ type: 'longtask', buffered: true });
    });
    const t0 = Date.now();
    await page.goto(`${server.url}/${PARENT}/sessions?pageSize=1000`);
    await page.waitForSelector('[data-session="row-999"]');
    const renderMs = Date.now() - t0;
    const rendered = await page.locator('[data-testid="session-row"]').count();
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    for (let y = 0; y < 40; y++) {
      await page.mouse.wheel(0, 800);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const heapMb = await page.evaluate(
      () =>
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) /
        2 ** 20,
    );
    console.log(`1,000-row page: JavaScript heap in use ${heapMb.toFixed(1)} MB`);
    console.log(
      `1,000-row page: first rows shown in ${renderMs} ms (${rendered} rows in the DOM, virtualized); while scrolling, longest main-thread task ${tasks.length ? ms(Math.max(...tasks)) : 'none over 50 ms'} (${tasks.length} long tasks) (target: none over 100 ms)`,
    );
  } finally {
    await browser.close();
    await server.close();
    emulator.close();
    fs.rmSync(served, { recursive: true, force: true });
  }
}

/** A process's resident memory now and at its peak (Linux /proc), in MB. */
function memoryMb(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** "413 × 38, connection reset × 2": how the answers came out. */
function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s === 0 ? 'reset before the answer was read' : s} × ${n}`).join(', ');
}

async function limitFigures() {
  const server = await spawnServer(['--api-only', '--no-seed', '--db', ':memory:']);
  const pid = server.child.pid!;
  try {
    const claimed = 50 * 2 ** 20;
    // A 50 MB body, declared or chunked, sent in full unless the answer comes first.
    const refuse = async (chunked: boolean) => {
      const outcome = await oversizedPost(`${server.url}/v1/${PARENT}/sessions?sessionId=too-big`, {
        send: claimed,
        declared: chunked ? undefined : claimed,
        end: true,
      });
      return { ...outcome, sentMb: outcome.sent / 2 ** 20 };
    };
    const byLength: number[] = [];
    const byChunks: number[] = [];
    let statuses: number[] = [];
    let chunkedSent = 0;
    for (let i = 0; i < 20; i++) {
      const a = await refuse(false);
      const b = await refuse(true);
      byLength.push(a.ms);
      byChunks.push(b.ms);
      statuses.push(a.status, b.status);
      chunkedSent = Math.max(chunkedSent, b.sentMb);
    }
    console.log(
      `oversized body (50 MB, limit ${LIMITS.bodyBytes / 2 ** 20} MiB): refused by Content-Length in p50 ${ms(percentile(byLength, 50))}, p99 ${ms(percentile(byLength, 99))}; chunked in p50 ${ms(percentile(byChunks, 50))} after at most ${chunkedSent.toFixed(1)} MB sent; ${tally(statuses)}`,
    );

    const before = memoryMb(pid);
    statuses = [];
    const health: number[] = [];
    let bursting = true;
    const probe = (async () => {
      while (bursting) {
        const t0 = performance.now();
        await (await fetch(`${server.url}/control/health`)).arrayBuffer();
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // 400 oversized bodies from 40 clients at once, half of them chunked.
    let next = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < 400) {
          const i = next++;
          statuses.push((await refuse(i % 2 === 1)).status);
        }
      }),
    );
    bursting = false;
    await probe;
    const after = memoryMb(pid);
    console.log(
      `burst of 400 oversized bodies (40 clients, half chunked): server RSS ${before?.rss.toFixed(0) ?? '?'} MB before (peak so far ${before?.peak.toFixed(0) ?? '?'} MB), peak during the burst ${after?.peak.toFixed(0) ?? '?'} MB; health check during it p50 ${ms(percentile(health, 50))}, max ${ms(Math.max(...health))}; ${tally(statuses)}`,
    );
  } finally {
    await server.stop();
  }
}

// `npm run bench -- emulator` (or `-- limits`, `-- console`, `-- spark`, `-- spark-age`, `-- fleet`) runs one part.
const only = process.argv[2];
if (!only || only === 'emulator') await emulatorFigures();
if (!only || only === 'limits') await limitFigures();
if (!only || only === 'console') await consoleFigures();
if (!only || only === 'spark') await sparkFigures(ROOT);
if (!only || only === 'spark-age') await sparkAgeFigures();
if (!only || only === 'fleet') await fleetFigures(ROOT);
if (!only || only === 'list-costs') await listCostFigures();
