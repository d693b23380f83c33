import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../app';
import type { ApiBackend } from '../backend';
import { Emulator, type EmulatorOptions } from '../emulator/emulator';
import { emulatorBackend } from '../emulator/emulator-backend';

export interface TestServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** Serves an emulator or another backend (and optionally a built console) on a free loopback port. */
export async function listen(
  source: Emulator | ApiBackend,
  options: Omit<AppOptions, 'backend'> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const backend = source instanceof Emulator ? emulatorBackend(source) : source;
  const app = createApp({ backend, ...options });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}

/** The emulator on a free loopback port, over real HTTP. */
export async function startTestServer(
  options: Partial<EmulatorOptions> & { requireAuth?: string } = {},
): Promise<TestServer> {
  const emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false, ...options });
  const server = await listen(emulator, { requireAuth: options.requireAuth });
  return {
    url: server.url,
    emulator,
    close: async () => {
      await server.close();
      emulator.close();
    },
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
