import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { Emulator } from './emulator/emulator';
import { emulatorBackend } from './emulator/emulator-backend';
import { bearerMatches, hostName } from './front-door';
import { rawRequest } from './testing/raw-request';
import { listen } from './testing/test-server';

const PARENT = '/v1/projects/p1/locations/us-central1';
const count = (emulator: Emulator) =>
  emulator.sessions.list('projects/p1/locations/us-central1', {}).sessions?.length ?? 0;

describe('the front door (emulator mode)', () => {
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

  it('answers its own page, with no CORS allowance for anyone', async () => {
    const own = new URL(server.url).origin;
    const response = await rawRequest(`${server.url}${PARENT}/sessions`, {
      headers: { origin: own, 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a cross-site text/plain POST (no preflight) before anything is stored', async () => {
    const response = await rawRequest(`${server.url}${PARENT}/sessions?sessionId=from-evil`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'text/plain',
        'sec-fetch-site': 'cross-site',
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
    expect(count(emulator)).toBe(0);
  });

  it('refuses a cross-site control call (the database cannot be wiped from another site)', async () => {
    const response = await rawRequest(`${server.url}/control/reset`, {
      method: 'POST',
      headers: { origin: 'http://localhost:9999', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a preflight from another origin', async () => {
    const response = await rawRequest(`${server.url}${PARENT}/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request without Origin that says it came from another site', async () => {
    const response = await rawRequest(`${server.url}${PARENT}/sessions`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) on every path, and accepts loopback names', async () => {
    const port = new URL(server.url).port;
    for (const path of [`${PARENT}/sessions`, '/control/health', '/projects/p/locations/l/sessions']) {
      const foreign = await rawRequest(`${server.url}${path}`, {
        headers: { host: `rebind.evil.example:${port}` },
      });
      expect(foreign.status, path).toBe(403);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`]) {
      const ok = await rawRequest(`${server.url}${PARENT}/sessions`, { headers: { host } });
      expect(ok.status, host).toBe(200);
    }
  });

  it('serves what the console is connected to', async () => {
    const response = await fetch(`${server.url}/console/info`);
    expect(await response.json()).toEqual({
      mode: 'emulator',
      defaultProject: 'demo-project',
      defaultLocation: 'us-central1',
    });
  });
});

describe('--allow-origin and --public-url', () => {
  it('answers CORS for an allowed origin only, and accepts the public URL as Host and Origin', async () => {
    const emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
    const server = await listen(emulator, {
      allowOrigins: ['https://notebook.example.com'],
      publicUrl: 'https://console.example.com',
    });
    try {
      const preflight = await rawRequest(`${server.url}${PARENT}/sessions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://notebook.example.com', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://notebook.example.com');
      const other = await rawRequest(`${server.url}${PARENT}/sessions`, {
        headers: { origin: 'https://other.example.com' },
      });
      expect(other.status).toBe(403);
      const viaPublic = await rawRequest(`${server.url}${PARENT}/sessions`, {
        headers: { host: 'console.example.com', origin: 'https://console.example.com' },
      });
      expect(viaPublic.status).toBe(200);
    } finally {
      await server.close();
      emulator.close();
    }
  });
});

describe('--require-auth', () => {
  let emulator: Emulator;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    server = await listen(emulator, { requireAuth: 's3cret', staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    emulator.close();
  });

  it('takes the Bearer scheme in any case (RFC 7235), and refuses a wrong or missing token', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER'])
      expect(
        (await fetch(`${server.url}${PARENT}/sessions`, { headers: { authorization: `${scheme} s3cret` } }))
          .status,
      ).toBe(200);
    for (const header of ['Bearer s3cre', 'Bearer s3cret2', 'Basic s3cret', 's3cret', ''])
      expect(
        (await fetch(`${server.url}${PARENT}/sessions`, { headers: { authorization: header } })).status,
      ).toBe(401);
  });

  it('guards the control API too', async () => {
    const without = await fetch(`${server.url}/control/reset`, { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    const body = (await without.json()) as { error: { details: { reason: string }[] } };
    expect(body.error.details[0]!.reason).toBe('CONSOLE_SIGN_IN_REQUIRED');
    const withToken = await fetch(`${server.url}/control/health`, {
      headers: { authorization: 'Bearer s3cret' },
    });
    expect(withToken.status).toBe(200);
  });

  it('lets a browser sign in once with the token, and then use the API by an HttpOnly cookie', async () => {
    const form = await fetch(`${server.url}/console/sign-in`);
    expect(await form.text()).toContain('<form method="post"');
    const wrong = await fetch(`${server.url}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'nope' }),
      redirect: 'manual',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await fetch(`${server.url}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ token: 's3cret' }),
      redirect: 'manual',
    });
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain('s3cret');
    const listed = await fetch(`${server.url}${PARENT}/sessions`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(listed.status).toBe(200);
  });
});

describe('the sign-in form, which anyone can reach', () => {
  let emulator: Emulator;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    server = await listen(emulator, {
      requireAuth: 's3cret',
      staticDir: dir,
      publicUrl: 'https://console.example.com',
    });
  });
  afterAll(async () => {
    await server.close();
    emulator.close();
  });
  const signIn = (body: BodyInit, type = 'application/x-www-form-urlencoded') =>
    fetch(`${server.url}/console/sign-in`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
      redirect: 'manual',
    });

  it('refuses a large form before holding it, and a malformed one with 400, not 500', async () => {
    expect((await signIn(`token=${'a'.repeat(200_000)}`)).status).toBe(413);
    expect((await signIn('garbage', 'multipart/form-data')).status).toBe(400);
    expect(
      (await fetch(`${server.url}/console/info`, { headers: { authorization: 'Bearer s3cret' } })).status,
    ).toBe(200);
  });

  it('cannot be framed, and behind https gives a __Host- Secure cookie that lasts 12 h and signs out', async () => {
    const form = await fetch(`${server.url}/console/sign-in`);
    expect(form.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(form.headers.get('x-frame-options')).toBe('DENY');
    const cookie = (await signIn('token=s3cret')).headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-console_auth=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const out = await fetch(`${server.url}/console/sign-out`, {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0]! },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('takes only the public URL’s own scheme as the origin when reached by its public name', async () => {
    const http = await rawRequest(`${server.url}${PARENT}/sessions`, {
      headers: {
        host: 'console.example.com',
        origin: 'http://console.example.com',
        authorization: 'Bearer s3cret',
      },
    });
    expect(http.status).toBe(403);
    const https = await rawRequest(`${server.url}${PARENT}/sessions`, {
      headers: {
        host: 'console.example.com',
        origin: 'https://console.example.com',
        authorization: 'Bearer s3cret',
      },
    });
    expect(https.status).toBe(200);
  });
});

describe('front-door helpers', () => {
  it('reads host names without ports, IPv6 included', () => {
    expect(hostName('Example.COM:8080')).toBe('example.com');
    expect(hostName('[::1]:8080')).toBe('[::1]');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });
  it('matches bearer tokens exactly', () => {
    expect(bearerMatches('Bearer abc', 'abc')).toBe(true);
    expect(bearerMatches('bEaReR   abc', 'abc')).toBe(true);
    expect(bearerMatches('Bearer abcd', 'abc')).toBe(false);
    expect(bearerMatches(undefined, 'abc')).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });
});

describe('the console’s static files', () => {
  it('serves routes as index.html (no-cache), hashed assets immutable, a missing asset as 404, strict headers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    const emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false });
    try {
      const app = createApp({ backend: emulatorBackend(emulator), staticDir: dir });
      const page = await app.request('/projects/p/locations/l/sessions/s1');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>console</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const csp = page.headers.get('content-security-policy')!;
      for (const directive of [
        "script-src 'self'",
        "connect-src 'self';",
        "object-src 'none'",
        "form-action 'self'",
      ])
        expect(csp).toContain(directive);
      expect(page.headers.get('permissions-policy')).toContain('camera=()');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      const asset = await app.request('/assets/app-abc123.js');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const missing = await app.request('/assets/missing-123.js');
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain('<title>console</title>');
      const home = await app.request('/');
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/projects/demo-project/locations/us-central1/sessions');
      const miss = await app.request('/v1/nothing/here');
      expect(miss.status).toBe(404);
      expect(await miss.json()).toMatchObject({ error: { status: 'NOT_FOUND' } });
    } finally {
      emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
