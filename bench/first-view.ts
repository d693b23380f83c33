/**
 * First-view figures for `npm run bench` (issue 19): for the session list (2,500 sessions), a
 * session page and its Spark tab (2,000 jobs), navigation → first row painted, against a static
 * HTML page holding the same rows served by the same process, in alternating runs in one browser.
 * The machine is noisy, so the ratio (app ÷ static, medians of the pairs) is the figure to read.
 *
 * The static page is the app's own rendered page, captured after it rendered: its DOM without
 * scripts, and every CSS rule in force inlined in one <style>. It is written into a copy of dist/
 * that the server serves, so both pages come from the same process and origin.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Visit {
  /** navigation start → the paint that first shows a row's text (Element Timing) */
  firstRow: number;
  /** the longest main-thread task that started after the first row, within the settle time */
  longestTaskAfter: number;
  /** cumulative layout shift up to the end of the settle time */
  cls: number;
}

/** How long a visit is watched after its first row, for late long tasks and layout shifts. */
const SETTLE_MS = 1500;

async function visit(context: BrowserContext, url: string, rowSelector: string): Promise<Visit> {
  const page = await context.newPage();
  await page.addInitScript((selector: string) => {
    const w = window as unknown as {
      __firstRow?: number;
      __tasks: { start: number; duration: number }[];
      __cls: number;
    };
    w.__tasks = [];
    w.__cls = 0;
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__tasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        const shift = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
        if (!shift.hadRecentInput) w.__cls += shift.value;
      }),
    ).observe({ type: 'layout-shift', buffered: true });
    // When the row's text is on screen: the Element Timing API reports the time of the paint that
    // first showed an element marked `elementtiming`. The mark is set the moment the row is parsed
    // (a mutation observer runs before any paint), on the row and everything in it, the same way
    // for the app and for the static page. (An animation frame after the row enters the DOM is not
    // the paint: a long task can hold the frame's paint back after the callback ran.)
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        const element = e as PerformanceEntry & { renderTime: number; loadTime: number };
        const painted = element.renderTime || element.loadTime;
        if (w.__firstRow === undefined || painted < w.__firstRow) w.__firstRow = painted;
      }),
    ).observe({ type: 'element', buffered: true });
    // Marked again on every mutation until the first paint is reported: the parser may yield in
    // the middle of the row, and its later cells must be marked too.
    new MutationObserver((_m, observer) => {
      if (w.__firstRow !== undefined) return observer.disconnect();
      const row = document.querySelector(selector);
      if (row)
        for (const element of [row, ...row.querySelectorAll('*')])
          element.setAttribute('elementtiming', 'first-row');
    }).observe(document, { childList: true, subtree: true });
  }, rowSelector);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined);
  await page.waitForTimeout(SETTLE_MS);
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      __firstRow: number;
      __tasks: { start: number; duration: number }[];
      __cls: number;
    };
    const after = w.__tasks.filter((t) => t.start + t.duration > w.__firstRow);
    return {
      firstRow: w.__firstRow,
      longestTaskAfter: Math.max(0, ...after.map((t) => t.duration)),
      cls: w.__cls,
    };
  });
  await page.close();
  return result;
}

/** The app's page at `url` once its rows are shown, as a script-free HTML page with its CSS inlined. */
async function captureStaticPage(browser: Browser, url: string, rowSelector: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(rowSelector);
  await page.waitForTimeout(500);
  const html = await page.evaluate(() => {
    // emotion inserts its rules through the CSSOM (insertRule), so the <style> elements are empty:
    // read the rules themselves.
    const css = [...document.styleSheets]
      .map((sheet) => {
        try {
          return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
        } catch {
          return '';
        }
      })
      .join('\n');
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root
      .querySelectorAll('script, style, link[rel="modulepreload"], link[rel="stylesheet"]')
      .forEach((e) => e.remove());
    const style = document.createElement('style');
    style.textContent = css;
    root.querySelector('head')!.append(style);
    return `<!doctype html>\n${root.outerHTML}`;
  });
  await context.close();
  return html;
}

export interface FirstViewPage {
  label: string;
  url: string;
  rowSelector: string;
  /** the file name of its static twin inside the served directory */
  staticFile: string;
}

interface Figures {
  app: Visit[];
  static: Visit[];
}

/** Alternating pairs (app, static; then static, app) so drift in the machine's load hits both. */
async function pairs(
  browser: Browser,
  page: FirstViewPage,
  staticUrl: string,
  count: number,
  returning: boolean,
): Promise<Figures> {
  const figures: Figures = { app: [], static: [] };
  // Returning visits: one context per kind, warmed once, so scripts come from the HTTP cache.
  const appContext = returning ? await browser.newContext() : undefined;
  const staticContext = returning ? await browser.newContext() : undefined;
  if (appContext) await visit(appContext, page.url, page.rowSelector);
  if (staticContext) await visit(staticContext, staticUrl, page.rowSelector);
  const run = async (kind: 'app' | 'static') => {
    const shared = kind === 'app' ? appContext : staticContext;
    const context = shared ?? (await browser.newContext());
    figures[kind].push(await visit(context, kind === 'app' ? page.url : staticUrl, page.rowSelector));
    if (!shared) await context.close();
  };
  for (let i = 0; i < count; i++) {
    const order: ('app' | 'static')[] = i % 2 ? ['static', 'app'] : ['app', 'static'];
    for (const kind of order) await run(kind);
  }
  await appContext?.close();
  await staticContext?.close();
  return figures;
}

function report(label: string, visitKind: string, figures: Figures) {
  const app = median(figures.app.map((v) => v.firstRow));
  const still = median(figures.static.map((v) => v.firstRow));
  const longest = figures.app.map((v) => v.longestTaskAfter);
  const cls = figures.app.map((v) => v.cls);
  console.log(
    `${label}, ${visitKind}: navigation → first row painted, median of ${figures.app.length} pairs: app ${ms(app)}, static page ${ms(still)}, ratio ${(app / still).toFixed(2)}×; longest task after the first row: median ${ms(median(longest))}, worst ${ms(Math.max(...longest))}; CLS worst ${Math.max(...cls).toFixed(3)}`,
  );
  return { app, static: still, ratio: app / still };
}

/**
 * Measures each page against its static twin. `servedDir` is the directory the server serves (a
 * copy of dist/); `origin` the server's URL.
 */
export async function firstViewFigures(
  browser: Browser,
  origin: string,
  servedDir: string,
  pages: FirstViewPage[],
  count = 7,
) {
  for (const page of pages) {
    const html = await captureStaticPage(browser, page.url, page.rowSelector);
    fs.writeFileSync(path.join(servedDir, page.staticFile), html);
    const staticUrl = `${origin}/${page.staticFile}`;
    report(page.label, 'first visit', await pairs(browser, page, staticUrl, count, false));
    report(page.label, 'returning visit', await pairs(browser, page, staticUrl, count, true));
  }
}
