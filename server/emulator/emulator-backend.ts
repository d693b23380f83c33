import { Hono } from 'hono';
import type { ApiBackend } from '../backend';
import { apiRoutes, reply } from './api-routes';
import { controlRoutes } from './control-routes';
import type { Emulator } from './emulator';
import { RpcError } from './errors';
import { sparkControlRoutes, sparkRoutes } from './spark/routes';

export const EMULATOR_PROJECT = 'demo-project';

/** The embedded emulator behind `/v1`, with its injected faults, plus the control API. */
export function emulatorBackend(emulator: Emulator): ApiBackend {
  const routes = new Hono();
  routes.use('/v1/*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    await emulator.faults.apply(c.req.method, path, 'before');
    emulator.sessions.advance(emulator.clock.now());
    await next();
    try {
      await emulator.faults.apply(c.req.method, path, 'after');
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      c.res = undefined;
      c.res = reply(c, error.envelope(), error.http);
    }
  });
  routes.route('/', apiRoutes(emulator.sessions, emulator.templates, emulator.operations));
  routes.route('/', controlRoutes(emulator));
  const runs = emulator.runs;
  routes.route('/', sparkRoutes(emulator.sessions, emulator.clock, runs));
  routes.route('/', sparkControlRoutes(emulator.sessions, emulator.clock, runs));
  return {
    routes,
    info: () => ({ mode: 'emulator', defaultProject: EMULATOR_PROJECT, defaultLocation: 'us-central1' }),
    close: () => emulator.close(),
  };
}
