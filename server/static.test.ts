import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRequestFor } from '../src/schemas/first-page';
import { Emulator } from './emulator/emulator';
import { FaultSpec } from './emulator/faults';
import { SERVER_ENTRY } from './static';
import { listen } from './testing/test-server';

/**
 * The server renders the list and session pages (issue 19) with the built renderer: these tests
 * serve the real `dist/` (`npm run build` makes it, `npm test` builds before testing).
 */
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const PARENT = 'projects/p1/locations/us-central1';
const LIST = `/${PARENT}/sessions`;
const HOSTILE = '</script><img src=x onerror="window.__pwned=1"><!--$&';

interface HandedOver {
  environment: { now: number };
  queries: { queries: { queryKey: unknown[]; state: { data: unknown; status: string } }[] };
}

/** The page's parts: the markup inside #root, the handed-over state, the <head>. */
function parts(html: string) {
  const state = /<script type="application\/json" id="ssr-state">(.*?)<\/script>/s.exec(html);
  // The state block follows the markup (the rows are parsed, and painted, first).
  const root =
    /<div id="root">(.*)<\/div>(?:<script type="application\/json" id="ssr-state">.*?<\/script>)?\s*<\/body>/s.exec(
      html,
    );
  return {
    root: root?.[1] ?? '',
    state: state ? (JSON.parse(state[1]!) as HandedOver) : null,
    head: html.slice(0, html.indexOf('</head>')),
  };
}

const rowCount = (markup: string) => markup.match(/data-testid="session-row"/g)?.length ?? 0;

describe('pages rendered by the server', () => {
  let emulator: Emulator;
  let server: { url: string; close: () => Promise<void> };
  const page = async (pathAndQuery: string) => {
    const response = await fetch(server.url + pathAndQuery);
    return { response, html: await response.text() };
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, SERVER_ENTRY)))
      throw new Error(`No ${SERVER_ENTRY} in dist/: run \`npm run build\` first.`);
    emulator = new Emulator({ db: ':memory:', transitionMs: 60_000, seed: false });
    server = await listen(emulator, { staticDir: DIST });
    for (const id of ['first-one', 'second-one']) {
      const created = await fetch(`${server.url}/v1/${PARENT}/sessions?sessionId=${id}`, {
        method: 'POST',
        body: JSON.stringify({ labels: { team: 'ml' } }),
      });
      expect(created.status).toBe(200);
    }
    // Values the API would refuse, planted in the store as a hostile upstream could send them.
    emulator.sessions.overwrite(`${PARENT}/sessions/first-one`, {
      stateMessage: HOSTILE,
      labels: { note: HOSTILE },
    });
  });
  afterAll(async () => {
    await server?.close();
    emulator?.close();
  });

  it('a list URL holds its rows, styled, in the HTML, with the data the page would have fetched', async () => {
    const search = '?pageSize=20';
    const { response, html } = await page(`${LIST}${search}`);
    const { root, state, head } = parts(html);
    // The rows are in the markup the browser paints before any script has run.
    expect(rowCount(root)).toBe(2);
    expect(root).toContain('second-one');
    // …and come before the handed-over state, which only the code reads.
    expect(html.indexOf('id="ssr-state"')).toBeGreaterThan(html.indexOf('data-testid="session-row"'));
    // Their styles are in <head>: the class names the markup uses are defined there.
    // (`css-0` is emotion's name for an empty style: no rule to define.)
    const classes = new Set(root.match(/css-[a-z0-9]+/g)?.filter((name) => name !== 'css-0'));
    expect(classes.size).toBeGreaterThan(5);
    const missing = [...classes].filter((name) => !new RegExp(`\\.${name}(?![a-z0-9])`).test(head));
    expect(missing).toEqual([]);
    // The browser's cache is handed over: the very answer the page's own request gets.
    const expected = listRequestFor(LIST, search)!;
    const direct = await (await fetch(server.url + expected.url)).json();
    const list = state!.queries.queries.find((q) => JSON.stringify(q.queryKey).includes('"list"'));
    expect(list?.queryKey).toEqual(['sessions', 'list', expected.parent, expected.params]);
    expect(list?.state.data).toEqual(direct);
    // A page that carries data is not kept in the browser's disk cache.
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('API values cannot break out of the markup or of the handed-over JSON', async () => {
    const { html } = await page(LIST);
    const { root, state } = parts(html);
    expect(rowCount(root)).toBe(2);
    // Only the document's own script elements close: the module script and the state block.
    expect(html.match(/<\/script>/g)).toHaveLength(html.match(/<script\b/g)!.length);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    // The value is text in the row (escaped) and intact in the data (`$&` not read as a pattern).
    expect(root).toContain('&lt;/script&gt;&lt;img src=x onerror=');
    expect(JSON.stringify(state)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('a session page and its Spark tab are rendered with their data', async () => {
    const detail = parts((await page(`${LIST}/first-one`)).html);
    expect(detail.root).toContain('first-one');
    expect(detail.root).toContain('&lt;/script&gt;&lt;img');
    expect(detail.state!.queries.queries.map((q) => q.queryKey[1])).toContain('detail');
    // The Spark tab of a session not yet active says so (its rows: e2e/first-page.spec.ts).
    const spark = parts((await page(`${LIST}/first-one?tab=spark`)).html);
    expect(spark.root).toMatch(/aria-current="page" data-testid="spark-tab-link"/);
    expect(spark.root).toContain('data-testid="no-spark-app"');
  });

  it('sends the shell when the backend is slower than the budget, and the page asks for itself', async () => {
    emulator.faults.add(FaultSpec.parse({ path: '/sessions', delayMs: 1500 }));
    try {
      const { html, response } = await page(LIST);
      expect(parts(html).state).toBeNull();
      expect(html).toContain('<div id="root"></div>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    } finally {
      // Let the slow request end before the next test.
      await new Promise((resolve) => setTimeout(resolve, 600));
      emulator.faults.clear();
    }
  });

  it('sends the shell with the failed answer, which the page shows as if it had asked', async () => {
    const search = `?filter=${encodeURIComponent('state = SLEEPING')}`;
    const { html } = await page(`${LIST}${search}`);
    expect(parts(html).state).toBeNull();
    expect(html).toContain('<div id="root"></div>');
    const block =
      /<script type="application\/json" id="first-page" data-request="([^"]*)" data-status="(\d+)">(.*?)<\/script>/s.exec(
        html,
      );
    expect(block?.[1]?.replace(/&amp;/g, '&')).toBe(listRequestFor(LIST, search)!.url);
    expect(block?.[2]).toBe('400');
    expect(JSON.parse(block![3]!)).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
  });

  it('renders only the list and session pages, and only names that cannot turn into another request', async () => {
    for (const other of [`/${PARENT}/sessionTemplates`, `/${PARENT}/sessions/new`, '/nowhere']) {
      const { html } = await page(other);
      expect(parts(html).state, other).toBeNull();
      expect(html, other).toContain('<div id="root"></div>');
    }
    const tricky = `/projects/x%2F..%2F..%2Fv1%2Fprojects%2Fp%2Fregions%2Fr%2Fclusters%3Fa%3D/locations/l/sessions`;
    expect(parts((await page(tricky)).html).state).toBeNull();
    expect(parts((await page(`${LIST}/x%2F..%2Fsecond-one`)).html).state).toBeNull();
  });

  it('embeds nothing when the server wants sign-in (--require-auth: the HTML comes before it)', async () => {
    const guarded = await listen(emulator, { staticDir: DIST, requireAuth: 't' });
    try {
      const html = await (await fetch(`${guarded.url}${LIST}`)).text();
      expect(parts(html).state).toBeNull();
      expect(rowCount(html)).toBe(0);
      expect(html).not.toContain('first-one');
    } finally {
      await guarded.close();
    }
  });
});
