import { Hono } from 'hono';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from './emulator/emulator';
import { signInHandler } from './sign-in';
import { listen } from './testing/test-server';
import { FREE_FAILURES, FailureThrottle } from './throttle';

/** The probe's sign-in and front-door cases (issue 16): revocation, throttling, the Host header. */
const PARENT = '/v1/projects/p1/locations/us-central1';

async function startConsole() {
  const emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
  const server = await listen(emulator, { requireAuth: 's3cret', staticDir: dir });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const form = (url: string, token: string) =>
  fetch(`${url}/console/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ token }),
    redirect: 'manual',
  });
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

describe('sign-in sessions', () => {
  let server: Awaited<ReturnType<typeof startConsole>>;
  beforeAll(async () => {
    server = await startConsole();
  });
  afterAll(() => server.close());

  it('each sign-in gets its own random cookie, and a signed-out cookie is refused afterwards', async () => {
    const first = cookieOf(await form(server.url, 's3cret'));
    const second = cookieOf(await form(server.url, 's3cret'));
    expect(first).not.toBe(second);
    const list = (cookie: string) => fetch(`${server.url}${PARENT}/sessions`, { headers: { cookie } });
    expect((await list(first)).status).toBe(200);
    const out = await fetch(`${server.url}/console/sign-out`, {
      method: 'POST',
      headers: { cookie: first },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    // The browser drops the cookie; a copy of it is refused by the server too.
    expect((await list(first)).status).toBe(401);
    // Signing out one browser leaves the other signed in.
    expect((await list(second)).status).toBe(200);
    // A made-up cookie value never works.
    expect((await list('console_auth=made-up')).status).toBe(401);
  });

  it('a session expires on the server after 12 hours, whatever the browser keeps', async () => {
    let now = 1_000_000;
    const handler = signInHandler('s3cret', {
      secure: false,
      throttle: new FailureThrottle(),
      now: () => now,
    });
    const app = new Hono();
    app.all('/console/*', (c) => handler(c, 'client'));
    app.get('/check', (c) => c.text(String(handler.signedIn(c))));
    const signed = await app.request('/console/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=s3cret',
    });
    const cookie = cookieOf(signed);
    const check = async () => (await app.request('/check', { headers: { cookie } })).text();
    now += 12 * 3600_000 - 1;
    expect(await check()).toBe('true');
    now += 2;
    expect(await check()).toBe('false');
  });
});

describe('throttling wrong tokens', () => {
  it('Bearer: after a few wrong tokens the client waits, growing, and even the right token waits', async () => {
    const server = await startConsole();
    try {
      const call = (token: string) =>
        fetch(`${server.url}${PARENT}/sessions`, { headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < FREE_FAILURES; i++) expect((await call(`wrong-${i}`)).status).toBe(401);
      const over = await call('wrong-again');
      expect(over.status).toBe(401);
      expect(over.headers.get('retry-after')).toBe('1');
      const right = await call('s3cret');
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await right.json()) as { error: { status: string; message: string } };
      expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
      expect(body.error.message).toMatch(/Try again in \d+ s/);
      // Once the wait is over, the right token works and the count starts again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await call('s3cret')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('the form: the same, reported on the page', async () => {
    const server = await startConsole();
    try {
      for (let i = 0; i < FREE_FAILURES; i++) expect((await form(server.url, `nope-${i}`)).status).toBe(401);
      const over = await form(server.url, 'nope');
      expect(over.status).toBe(401);
      expect(await over.text()).toContain('Try again in 1 s');
      const blocked = await form(server.url, 's3cret');
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('set-cookie')).toBeNull();
      expect(await blocked.text()).toContain('Too many wrong tokens');
    } finally {
      await server.close();
    }
  });

  it('the delays grow with each further failure', () => {
    let now = 0;
    const throttle = new FailureThrottle(() => now);
    const delays = Array.from({ length: FREE_FAILURES + 4 }, () => {
      const d = throttle.failed('c');
      now += d;
      return d;
    });
    expect(delays).toEqual([...Array<number>(FREE_FAILURES).fill(0), 1000, 2000, 4000, 8000]);
    throttle.succeeded('c');
    expect(throttle.failed('c')).toBe(0);
  });
});

/** Sends bytes as they are (two Host headers, an absolute-form target) and returns the status. */
function rawStatus(url: string, request: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('the Host header', () => {
  let emulator: Emulator;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
    server = await listen(emulator);
  });
  afterAll(async () => {
    await server.close();
    emulator.close();
  });
  const port = () => new URL(server.url).port;

  it('is read from the header, not from an absolute-form target', async () => {
    const target = `http://127.0.0.1:${port()}${PARENT}/sessions`;
    expect(
      await rawStatus(
        server.url,
        `GET ${target} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(403);
    // An absolute-form target naming another host is refused too.
    expect(
      await rawStatus(
        server.url,
        `GET http://evil.example${PARENT}/sessions HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(403);
    expect(
      await rawStatus(
        server.url,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(200);
  });

  it('two Host headers, or an empty one, are refused', async () => {
    const path = `${PARENT}/sessions`;
    expect(
      await rawStatus(
        server.url,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
      ),
    ).not.toBe(200);
    expect(
      await rawStatus(server.url, `GET ${path} HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n`),
    ).not.toBe(200);
    expect(
      await rawStatus(
        server.url,
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(200);
  });
});
