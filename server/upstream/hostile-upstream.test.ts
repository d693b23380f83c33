import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../emulator/limits';
import { listen } from '../testing/test-server';
import { waitFor } from '../testing/test-server';
import { upstreamBackend, UPSTREAM_ANSWER_BYTES } from './upstream-backend';

/**
 * An upstream that misbehaves (issue 16): endless or trickling bodies, HTML answers. The proxy
 * must stay bounded in memory and time, close the upstream connection, and answer in the envelope.
 */
type Behaviour = 'endless' | 'trickle' | 'html' | 'json';
let behaviour: Behaviour = 'json';
let requests = 0;
let closedAnswers = 0;
let upstream: http.Server;
let upstreamUrl: string;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    requests++;
    res.on('close', () => {
      if (!res.writableFinished) closedAnswers++;
    });
    req.resume();
    if (behaviour === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<script>fetch("/v1/projects/p1/locations/us-central1/sessions")</script>');
      return;
    }
    if (behaviour === 'json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"sessions":[]}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"sessions":[');
    const chunk = behaviour === 'endless' ? `"${'x'.repeat(64 * 1024)}",` : ' ';
    const timer = setInterval(
      () => {
        if (res.writable) res.write(chunk);
      },
      behaviour === 'endless' ? 0 : 50,
    );
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

function proxyTo(timeoutMs = 10_000, staticDir?: string) {
  return listen(
    upstreamBackend({
      baseUrl: upstreamUrl,
      credentials: { description: 'test token', token: async () => 'token' },
      timeoutMs,
      defaultProject: 'p1',
      defaultLocation: 'us-central1',
    }),
    staticDir ? { staticDir } : {},
  );
}

const LIST = '/v1/projects/p1/locations/us-central1/sessions';

describe('a hostile upstream', () => {
  it('an endless answer is cut off with 502 past the size budget, and its connection closed', async () => {
    behaviour = 'endless';
    const proxy = await proxyTo();
    try {
      const before = closedAnswers;
      const response = await fetch(proxy.url + LIST);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain(`more than ${UPSTREAM_ANSWER_BYTES} bytes`);
      await waitFor(async () => (closedAnswers > before ? true : undefined));
    } finally {
      await proxy.close();
    }
  });

  it('a body that keeps trickling is stopped by the overall deadline, not only the headers', async () => {
    behaviour = 'trickle';
    const proxy = await proxyTo(400);
    try {
      const before = closedAnswers;
      const response = await fetch(proxy.url + LIST);
      expect(response.status).toBe(504);
      expect(((await response.json()) as { error: { status: string } }).error.status).toBe(
        'DEADLINE_EXCEEDED',
      );
      await waitFor(async () => (closedAnswers > before ? true : undefined));
    } finally {
      await proxy.close();
    }
  });

  it('an HTML answer is never passed back as HTML: 502 naming the content type', async () => {
    behaviour = 'html';
    const proxy = await proxyTo();
    try {
      const response = await fetch(proxy.url + LIST);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const text = await response.text();
      expect(text).toContain('text/html');
      expect(text).not.toContain('<script>');
    } finally {
      await proxy.close();
    }
  });

  it('request bodies and URLs are limited as in emulator mode, and nothing oversized is forwarded', async () => {
    behaviour = 'json';
    const proxy = await proxyTo();
    try {
      const before = requests;
      const big = await fetch(`${proxy.url}${LIST}?sessionId=big`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ labels: { a: 'x'.repeat(LIMITS.bodyBytes + 10) } }),
      });
      expect(big.status).toBe(413);
      const longUrl = await fetch(`${proxy.url}${LIST}?filter=${'x'.repeat(LIMITS.urlChars + 10)}`);
      expect(longUrl.status).toBe(400);
      expect(requests).toBe(before);
      // An ordinary call still goes through.
      expect((await fetch(proxy.url + LIST)).status).toBe(200);
      expect(requests).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });

  it('the server render stops reading at its budget, sends the shell and closes the upstream connection', async () => {
    behaviour = 'trickle';
    // The built console, with its server-side renderer (`npm run build`).
    const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
    expect(fs.existsSync(path.join(dist, 'server', 'entry-server.js'))).toBe(true);
    const proxy = await proxyTo(60_000, dist);
    try {
      const before = closedAnswers;
      const response = await fetch(`${proxy.url}/projects/p1/locations/us-central1/sessions`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toContain('application/json');
      await waitFor(async () => (closedAnswers > before ? true : undefined), 3000);
    } finally {
      await proxy.close();
    }
  });
});
