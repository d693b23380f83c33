import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { LIMITS } from './limits';
import { FIRST_PAGE_BYTES } from '../static';
import { listen } from '../testing/test-server';

/**
 * The probe's big-list case (issue 16): sessions of ~800 KB each (199 properties of 4,096
 * characters, within every per-field limit). A page of 1,000 must not carry them all at once.
 */
const parent = 'projects/big/locations/us-central1';
const COUNT = 14;
let emulator: Emulator;
let server: { url: string; close: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  emulator = new Emulator({ db: ':memory:', transitionMs: 600_000, seed: false });
  server = await listen(emulator, { staticDir: dir });
  const properties = Object.fromEntries(
    Array.from({ length: 199 }, (_, i) => [`spark:spark.test.p${i}`, 'v'.repeat(4096)]),
  );
  for (let i = 0; i < COUNT; i++) {
    const response = await fetch(`${server.url}/v1/${parent}/sessions?sessionId=big-${i}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ runtimeConfig: { properties } }),
    });
    expect(response.status).toBe(200);
  }
});
afterAll(async () => {
  await server.close();
  emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('list byte budget', () => {
  it('a page of huge sessions holds fewer than pageSize, within the budget, and the pages together hold each once', async () => {
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const response = await fetch(
        `${server.url}/v1/${parent}/sessions?pageSize=1000${pageToken ? `&pageToken=${pageToken}` : ''}`,
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      const body = JSON.parse(text) as { sessions: { name: string }[]; nextPageToken?: string };
      expect(body.sessions.length).toBeGreaterThan(0);
      // One session over the budget at most (a page always holds at least one).
      expect(text.length).toBeLessThan(LIMITS.listPageBytes + 1024 * 1024);
      seen.push(...body.sessions.map((s) => s.name));
      pageToken = body.nextPageToken ? encodeURIComponent(body.nextPageToken) : '';
      pages++;
    } while (pageToken);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(COUNT);
    expect(seen).toHaveLength(COUNT);
  });

  it('the console page does not embed a first page larger than its own budget', async () => {
    const response = await fetch(`${server.url}/projects/big/locations/us-central1/sessions?pageSize=1000`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.length).toBeLessThan(FIRST_PAGE_BYTES);
    expect(html).toContain('<div id="root">');
  });
});
