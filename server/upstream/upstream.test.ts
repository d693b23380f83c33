import { Hono } from 'hono';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiBackend } from '../backend';
import { Emulator } from '../emulator/emulator';
import { emulatorBackend } from '../emulator/emulator-backend';
import { FaultSpec } from '../emulator/faults';
import { rawRequest } from '../testing/raw-request';
import { spawnServer } from '../testing/spawn-server';
import { listen } from '../testing/test-server';
import { API_CONTENT_SECURITY_POLICY } from '../security-headers';
import { findCredentials, type Credentials } from './credentials';
import { upstreamBackend } from './upstream-backend';

const UPSTREAM_TOKEN = 'upstream-secret-token';
const PARENT = 'projects/p1/locations/us-central1';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The emulator as "Google": it wants a token and records what reaches it. */
async function startUpstream(requireAuth = UPSTREAM_TOKEN, transitionMs = 50) {
  const emulator = new Emulator({ db: ':memory:', transitionMs, seed: false });
  const inner = emulatorBackend(emulator);
  const seen: Seen[] = [];
  const routes = new Hono();
  routes.use('*', async (c, next) => {
    const body = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    const url = new URL(c.req.url);
    seen.push({ method: c.req.method, url: url.pathname + url.search, headers: c.req.header(), body });
    await next();
    // Headers a hostile or merely different upstream might send, none of them the console's.
    c.header('set-cookie', 'GOOGLE_SESSION=abc; Path=/');
    c.header('access-control-allow-origin', '*');
    c.header('www-authenticate', 'Basic realm="upstream"');
    c.header('content-security-policy', 'default-src *');
  });
  routes.route('/', inner.routes);
  const backend: ApiBackend = { routes, info: inner.info, close: inner.close };
  const server = await listen(backend, { requireAuth });
  return {
    url: server.url,
    emulator,
    seen,
    close: async () => {
      await server.close();
      emulator.close();
    },
  };
}

const fixedToken = (token: string): Credentials => ({ description: 'test token', token: async () => token });

async function startProxy(
  baseUrl: string,
  credentials: Credentials,
  extra: { timeoutMs?: number; quotaProject?: string } = {},
) {
  return listen(
    upstreamBackend({
      baseUrl,
      credentials,
      timeoutMs: extra.timeoutMs ?? 10_000,
      quotaProject: extra.quotaProject,
      defaultProject: 'p1',
      defaultLocation: 'us-central1',
    }),
  );
}

describe('the upstream proxy', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let proxy: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    // Sessions stay CREATING for the whole block, so two reads of one page are the same bytes.
    upstream = await startUpstream(UPSTREAM_TOKEN, 600_000);
    proxy = await startProxy(upstream.url, fixedToken(UPSTREAM_TOKEN), { quotaProject: 'billing-proj' });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  const direct = (pathAndQuery: string, init: RequestInit = {}) =>
    fetch(upstream.url + pathAndQuery, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${UPSTREAM_TOKEN}` },
    });

  it('passes method, path, query and body through unchanged, and adds only the server’s token and quota project', async () => {
    upstream.seen.length = 0;
    const create = await fetch(`${proxy.url}/v1/${PARENT}/sessions?sessionId=via-proxy&requestId=r-1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer from-the-browser',
        cookie: 'console_auth=xyz',
        origin: new URL(proxy.url).origin,
      },
      body: JSON.stringify({ labels: { team: 'data' } }),
    });
    expect(create.status).toBe(200);
    expect(((await create.json()) as { name: string }).name).toMatch(/operations\//);
    const seen = upstream.seen.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe(`/v1/${PARENT}/sessions?sessionId=via-proxy&requestId=r-1`);
    expect(JSON.parse(seen.body)).toEqual({ labels: { team: 'data' } });
    expect(seen.headers.authorization).toBe(`Bearer ${UPSTREAM_TOKEN}`);
    expect(seen.headers['x-goog-user-project']).toBe('billing-proj');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.origin).toBeUndefined();
  });

  it('keeps filters, page tokens and $alt=json;enum-encoding=int exactly, and answers byte for byte as the upstream', async () => {
    for (const id of ['page-a', 'page-b', 'page-c'])
      expect(
        (await direct(`/v1/${PARENT}/sessions?sessionId=${id}`, { method: 'POST', body: '{}' })).status,
      ).toBe(200);
    const query = `?pageSize=2&filter=${encodeURIComponent('session_id = "page-*" AND labels.x != "y"')}&%24alt=json%3Benum-encoding%3Dint`;
    upstream.seen.length = 0;
    const viaProxy = await fetch(`${proxy.url}/v1/${PARENT}/sessions${query}`);
    expect(upstream.seen[0]!.url).toBe(`/v1/${PARENT}/sessions${query}`);
    const first = (await viaProxy.json()) as { sessions: { state: unknown }[]; nextPageToken: string };
    expect(first.sessions).toHaveLength(2);
    expect(typeof first.sessions[0]!.state).toBe('number');
    const next = `${query}&pageToken=${encodeURIComponent(first.nextPageToken)}`;
    const [page2Proxy, page2Direct] = await Promise.all([
      fetch(`${proxy.url}/v1/${PARENT}/sessions${next}`).then((r) => r.text()),
      direct(`/v1/${PARENT}/sessions${next}`).then((r) => r.text()),
    ]);
    expect(upstream.seen.some((s) => s.url === `/v1/${PARENT}/sessions${next}`)).toBe(true);
    // Byte for byte, but for the live usage snapshot, stamped at each answer.
    const unstamped = (text: string) => text.replace(/"snapshotTime":"[^"]*"/g, '');
    expect(unstamped(page2Proxy)).toBe(unstamped(page2Direct));
    expect(JSON.parse(page2Proxy).sessions).toHaveLength(1);
  });

  it('passes AIP-193 errors through with their status and details', async () => {
    const bad = await fetch(`${proxy.url}/v1/${PARENT}/sessions?sessionId=Bad_ID`, {
      method: 'POST',
      body: '{}',
    });
    const badDirect = await direct(`/v1/${PARENT}/sessions?sessionId=Bad_ID`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe(await badDirect.text());
    const missing = await fetch(`${proxy.url}/v1/${PARENT}/sessions/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });

  it('passes back only the response headers that describe the answer', async () => {
    const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    for (const name of ['set-cookie', 'access-control-allow-origin', 'www-authenticate'])
      expect(response.headers.get(name), name).toBeNull();
    // The upstream's own policy (default-src *) is not passed back; the console's API policy is.
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('forwards the console’s methods and paths only', async () => {
    upstream.seen.length = 0;
    const put = await fetch(`${proxy.url}/v1/${PARENT}/sessions/x`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    const clusters = await fetch(`${proxy.url}/v1/projects/p1/regions/us-central1/clusters`);
    expect(clusters.status).toBe(404);
    expect(upstream.seen).toHaveLength(0);
  });

  it('terminates and deletes through the proxy', async () => {
    const terminate = await fetch(`${proxy.url}/v1/${PARENT}/sessions/via-proxy:terminate`, {
      method: 'POST',
      body: '{}',
    });
    expect(terminate.status).toBe(200);
    const del = await fetch(`${proxy.url}/v1/${PARENT}/sessions/via-proxy`, { method: 'DELETE' });
    expect(del.status).toBe(200);
  });

  it('has no control API and no emulator in upstream mode', async () => {
    upstream.seen.length = 0;
    expect((await fetch(`${proxy.url}/control/health`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/control/reset`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(upstream.seen).toHaveLength(0);
    const info = await (await fetch(`${proxy.url}/console/info`)).json();
    expect(info).toEqual({
      mode: 'upstream',
      upstream: upstream.url,
      credential: 'test token',
      defaultProject: 'p1',
      defaultLocation: 'us-central1',
    });
    expect(JSON.stringify(info)).not.toContain(UPSTREAM_TOKEN);
  });

  it('refuses cross-origin requests (with and without preflight) and foreign Hosts before they reach the upstream', async () => {
    upstream.seen.length = 0;
    const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions?sessionId=evil`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    const preflight = await rawRequest(`${proxy.url}/v1/${PARENT}/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const rebound = await rawRequest(`${proxy.url}/v1/${PARENT}/sessions`, {
      headers: { host: `attacker.example:${new URL(proxy.url).port}` },
    });
    expect(rebound.status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('upstream failures', () => {
  it('answers an upstream redirect as it is, without following it', async () => {
    let followed = false;
    const sink = http.createServer((_req, res) => {
      followed = true;
      res.end('stolen');
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const redirecting = http.createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/x` });
      res.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const proxy = await startProxy(
      `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`,
      fixedToken('t'),
    );
    try {
      const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBeNull();
      expect(followed).toBe(false);
    } finally {
      await proxy.close();
      await new Promise((resolve) => redirecting.close(resolve));
      await new Promise((resolve) => sink.close(resolve));
    }
  });

  it('passes the upstream’s 401 through when the server’s token is wrong', async () => {
    const upstream = await startUpstream();
    const proxy = await startProxy(upstream.url, fixedToken('expired-token'));
    try {
      const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('answers 504 in the AIP-193 envelope, naming the upstream, when it is too slow', async () => {
    const upstream = await startUpstream();
    upstream.emulator.faults.add(FaultSpec.parse({ path: '/sessions', delayMs: 1000 }));
    const proxy = await startProxy(upstream.url, fixedToken(UPSTREAM_TOKEN), { timeoutMs: 300 });
    try {
      const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
      expect(response.status).toBe(504);
      const body = (await response.json()) as { error: { status: string; message: string } };
      expect(body.error.status).toBe('DEADLINE_EXCEEDED');
      expect(body.error.message).toContain(upstream.url);
      // Let the upstream finish the request it was still sitting on before it is closed.
      await new Promise((resolve) => setTimeout(resolve, 800));
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('answers 503 naming the upstream when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const proxy = await startProxy(`http://127.0.0.1:${port}`, fixedToken('t'));
    try {
      const response = await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { status: string; message: string } };
      expect(body.error.status).toBe('UNAVAILABLE');
      expect(body.error.message).toContain(`127.0.0.1:${port}`);
    } finally {
      await proxy.close();
    }
  });
});

describe('Application Default Credentials', () => {
  it('gets a token from an external_account credential, uses it, and gets a new one once it has expired', async () => {
    let issued = 0;
    const sts = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        issued += 1;
        res.setHeader('content-type', 'application/json');
        // Valid 2 s past google-auth-library's 5-minute eager-refresh margin.
        res.end(
          JSON.stringify({
            access_token: `sts-token-${issued}`,
            issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            token_type: 'Bearer',
            expires_in: 302,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adc-'));
    fs.writeFileSync(path.join(dir, 'subject-token'), 'a-subject-jwt');
    const credentialFile = path.join(dir, 'credentials.json');
    fs.writeFileSync(
      credentialFile,
      JSON.stringify({
        type: 'external_account',
        audience:
          '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/pool/providers/prov',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `http://127.0.0.1:${(sts.address() as AddressInfo).port}/v1/token`,
        credential_source: { file: path.join(dir, 'subject-token') },
        quota_project_id: 'quota-from-adc',
      }),
    );
    const saved = { ...process.env };
    process.env.GOOGLE_APPLICATION_CREDENTIALS = credentialFile;
    process.env.GOOGLE_CLOUD_PROJECT = 'adc-project';
    delete process.env.GOOGLE_OAUTH_ACCESS_TOKEN;
    const upstream = await startUpstream('');
    try {
      const credentials = await findCredentials(process.env);
      expect(credentials.description).toContain('workload identity federation');
      expect(credentials.description).toContain(credentialFile);
      expect(credentials.quotaProject).toBe('quota-from-adc');
      expect(credentials.project).toBe('adc-project');
      const proxy = await startProxy(upstream.url, credentials);
      try {
        await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
        await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
        expect(issued).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 2300));
        await fetch(`${proxy.url}/v1/${PARENT}/sessions`);
        expect(issued).toBe(2);
        expect(upstream.seen.map((s) => s.headers.authorization)).toEqual([
          'Bearer sts-token-1',
          'Bearer sts-token-1',
          'Bearer sts-token-2',
        ]);
        expect(upstream.seen.every((s) => s.headers['x-goog-user-project'] === 'quota-from-adc')).toBe(true);
      } finally {
        await proxy.close();
      }
    } finally {
      process.env = saved;
      await upstream.close();
      await new Promise((resolve) => sts.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm start -- --upstream', () => {
  const noCredentialsEnv = () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'home-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      CLOUDSDK_CONFIG: path.join(home, 'gcloud'),
      METADATA_SERVER_DETECTION: 'none',
    };
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    delete env.GOOGLE_OAUTH_ACCESS_TOKEN;
    delete env.GOOGLE_CLOUD_PROJECT;
    return env;
  };

  it('says what to run and exits non-zero when there are no credentials', async () => {
    const error = await spawnServer(
      ['--api-only', '--upstream', 'https://dataproc.googleapis.com'],
      noCredentialsEnv(),
    ).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/exited with 1/);
    expect(error?.message).toContain('gcloud auth application-default login');
  });

  it('names the credential source and never prints the token', async () => {
    const upstream = await startUpstream();
    const server = await spawnServer(['--api-only', '--upstream', upstream.url, '--project', 'p1'], {
      ...noCredentialsEnv(),
      GOOGLE_OAUTH_ACCESS_TOKEN: UPSTREAM_TOKEN,
    });
    try {
      expect(server.output()).toContain('Credentials: the GOOGLE_OAUTH_ACCESS_TOKEN environment variable');
      expect(server.output()).not.toContain(UPSTREAM_TOKEN);
      const response = await fetch(`${server.url}/v1/${PARENT}/sessions`);
      expect(response.status).toBe(200);
    } finally {
      await server.stop();
      await upstream.close();
    }
  });

  it('refuses a non-loopback --host without --require-auth', async () => {
    const error = await spawnServer(['--api-only', '--upstream', 'https://x.example', '--host', '0.0.0.0'], {
      ...noCredentialsEnv(),
      GOOGLE_OAUTH_ACCESS_TOKEN: 't',
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/exited with 2/);
    expect(error?.message).toContain('--require-auth');
  });
});
