import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRequestFor } from '../src/schemas/first-page';
import { Emulator } from './emulator/emulator';
import { FaultSpec } from './emulator/faults';
import { listen } from './testing/test-server';

const PARENT = 'projects/p1/locations/us-central1';
const LIST = `/${PARENT}/sessions`;

/** The embedded first page in a served HTML document, if any. */
function embedded(html: string) {
  const match =
    /<script type="application\/json" id="first-page" data-request="([^"]*)" data-status="(\d+)">(.*?)<\/script>/s.exec(
      html,
    );
  return (
    match && {
      request: match[1]!.replace(/&amp;/g, '&'),
      status: Number(match[2]),
      body: JSON.parse(match[3]!),
    }
  );
}

describe('the first page embedded in a list URL’s HTML', () => {
  let emulator: Emulator;
  let server: { url: string; close: () => Promise<void> };
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>c</title><div id="root"></div>');
    emulator = new Emulator({ db: ':memory:', transitionMs: 60_000, seed: false });
    server = await listen(emulator, { staticDir: dir });
    const hostile = '</script><script>window.__pwned=1</script><!--';
    const created = await fetch(`${server.url}/v1/${PARENT}/sessions?sessionId=first-one`, {
      method: 'POST',
      body: JSON.stringify({ labels: { note: 'x' } }),
    });
    expect(created.status).toBe(200);
    emulator.sessions.overwrite(`${PARENT}/sessions/first-one`, { stateMessage: hostile });
  });
  afterAll(async () => {
    await server.close();
    emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is exactly what the page would have fetched, for the URL the page computes', async () => {
    const search = '?state=CREATING&pageSize=20';
    const html = await (await fetch(`${server.url}${LIST}${search}`)).text();
    const block = embedded(html)!;
    const expected = listRequestFor(LIST, search)!.url;
    expect(block.request).toBe(expected);
    expect(block.status).toBe(200);
    const direct = await (await fetch(server.url + expected)).json();
    expect(block.body).toEqual(direct);
    expect((block.body as { sessions: unknown[] }).sessions).toHaveLength(1);
  });

  it('is kept out of the disk cache, and only for names that cannot turn into another request', async () => {
    const listed = await fetch(`${server.url}${LIST}`);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const tricky = `/projects/x%2F..%2F..%2Fv1%2Fprojects%2Fp%2Fregions%2Fr%2Fclusters%3Fa%3D/locations/l/sessions`;
    expect(embedded(await (await fetch(server.url + tricky)).text())).toBeNull();
    expect(listRequestFor('/projects/x%2Fy/locations/l/sessions', '')).toBeUndefined();
    expect(listRequestFor('/projects/example.com:my-proj/locations/us-central1/sessions', '')?.url).toBe(
      '/v1/projects/example.com:my-proj/locations/us-central1/sessions?pageSize=50',
    );
  });

  it('is left out when the backend is slower than the budget (the page asks for itself)', async () => {
    emulator.faults.add(FaultSpec.parse({ path: '/sessions', delayMs: 1500 }));
    const html = await (await fetch(`${server.url}${LIST}`)).text();
    expect(embedded(html)).toBeNull();
    expect(html).toContain('<div id="root">');
    await new Promise((resolve) => setTimeout(resolve, 600));
  });

  it('carries errors too, as the API answered them', async () => {
    const html = await (
      await fetch(`${server.url}${LIST}?filter=${encodeURIComponent('state = SLEEPING')}`)
    ).text();
    const block = embedded(html)!;
    expect(block.status).toBe(400);
    expect(block.body).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
  });

  it('cannot be broken out of by API values', async () => {
    const html = await (await fetch(`${server.url}${LIST}`)).text();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>window.__pwned');
  });

  it('is not embedded in other pages, or when the server wants sign-in', async () => {
    const detail = await (await fetch(`${server.url}/${PARENT}/sessions/first-one`)).text();
    expect(embedded(detail)).toBeNull();
    const guarded = await listen(emulator, { staticDir: dir, requireAuth: 't' });
    try {
      expect(embedded(await (await fetch(`${guarded.url}${LIST}`)).text())).toBeNull();
    } finally {
      await guarded.close();
    }
  });
});
