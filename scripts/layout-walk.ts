/**
 * The console walked at each width and colour mode, against a running server (`npm start`, demo data):
 * prints, per page, text drawn over text, how much wider the document is than the window, and each
 * table's width against its box. A check by eye before the e2e layout specs pin it down.
 *
 *   npx tsx scripts/layout-walk.ts http://127.0.0.1:8080 [page-name-filter]
 *
 * (The e2e spec e2e/layout-demo.spec.ts asserts the same on the same data.)
 */
import { chromium } from '@playwright/test';
import { VIEWPORTS, measureLayout } from '../e2e/layout';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const only = process.argv[3];
const place = '/projects/demo-project/locations/us-central1';
const session = `${place}/sessions/etl-nightly-2411`;

async function sparkPlaces() {
  const apps = (await (await fetch(`${base}/v1${session}/sparkApplications:search`)).json()) as {
    sparkApplications: { name: string }[];
  };
  const app = apps.sparkApplications[0]!.name;
  const jobs = (await (await fetch(`${base}/v1/${app}:searchJobs?parent=${session.slice(1)}`)).json()) as {
    sparkApplicationJobs: { jobId: string; stageIds?: string[] }[];
  };
  const job = jobs.sparkApplicationJobs.find((j) => (j.stageIds?.length ?? 0) > 1)!;
  return { job: job.jobId, stage: job.stageIds![0]! };
}

const { job, stage } = await sparkPlaces();
const pages = [
  ['list', `${place}/sessions`],
  ['session', session],
  ['spark', `${session}?tab=spark`],
  ['spark environment', `${session}?tab=spark&view=environment`],
  ['spark executors', `${session}?tab=spark&view=executors`],
  ['spark sql', `${session}?tab=spark&view=sql`],
  ['job', `${session}?tab=spark&job=${job}`],
  ['stage', `${session}?tab=spark&job=${job}&stage=${stage}`],
  ['fleet', '/projects/demo-project/fleet'],
  ['idle', '/projects/demo-project/idle'],
  ['create', `${place}/sessions/new`],
  ['templates', `${place}/sessionTemplates`],
].filter(([name]) => !only || name!.includes(only));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const colorScheme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ colorScheme });
  // tsx compiles with esbuild's keepNames, whose helper the function sent to the page calls.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`  console error on ${page.url()}: ${m.text()}`);
  });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const [name, url] of pages) {
      await page.goto(base + url!, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const layout = await measureLayout(page);
      // LAYOUT_WALK_ALL=1 prints every table's width against its box, not only those that overflow.
      const wide = layout.tables.filter((t) => t.overflow > 1 || process.env.LAYOUT_WALK_ALL);
      const bad = layout.overlaps.length || layout.scrollWidth > layout.innerWidth || wide.length;
      console.log(
        `${bad ? '✗' : '✓'} ${name} ${viewport.width} ${colorScheme}: doc ${layout.scrollWidth}/${layout.innerWidth}` +
          wide
            .map((t) => ` | table "${t.name}" ${t.width}/${t.box}${t.scrollsOnPurpose ? ' (scrolls)' : ''}`)
            .join('') +
          layout.overlaps
            .slice(0, 4)
            .map((o) => ` | overlap "${o.a}" × "${o.b}" ${Math.round(o.area)}px²`)
            .join(''),
      );
    }
  }
  await context.close();
}
await browser.close();
