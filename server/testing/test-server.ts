import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { Emulator, type EmulatorOptions } from '../emulator/emulator';

export interface TestServer {
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** The emulator on a free loopback port, over real HTTP. */
export async function startTestServer(
  options: Partial<EmulatorOptions> & { requireAuth?: string } = {},
): Promise<TestServer> {
  const emulator = new Emulator({ db: ':memory:', transitionMs: 50, seed: false, ...options });
  const app = createApp({ emulator, requireAuth: options.requireAuth });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve({ server: s, port: info.port }),
      );
    },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        emulator.close();
      }),
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
