import { Hono } from 'hono';
import { z } from 'zod';
import { FaultSpec } from './faults';
import type { Emulator } from './emulator';
import { RpcError } from './errors';
import { reply } from './api-routes';

const ResetBody = z.object({ seed: z.boolean().default(false) });
const AdvanceBody = z.object({ seconds: z.number() });
const FailBody = z.object({
  name: z.string(),
  message: z.string().default('Session start-up failed (injected fault).'),
});
const OverwriteBody = z.object({ name: z.string(), fields: z.record(z.string(), z.unknown()) });

export async function body<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S>> {
  const text = await request.text();
  const result = schema.safeParse(text ? JSON.parse(text) : {});
  if (!result.success) throw new RpcError('INVALID_ARGUMENT', z.prettifyError(result.error));
  return result.data;
}

/**
 * The control API, outside /v1 and never part of Dataproc: health, reset, clock and fault
 * injection, for tests and demos. It is answered only by the emulator.
 */
export function controlRoutes(emulator: Emulator): Hono {
  const control = new Hono();
  control.get('/control/health', (c) =>
    reply(c, { status: 'ok', now: new Date(emulator.clock.now()).toISOString() }),
  );
  control.post('/control/reset', async (c) => {
    const { seed } = await body(ResetBody, c.req.raw);
    emulator.reset(seed);
    return reply(c, {});
  });
  control.post('/control/clock:advance', async (c) => {
    const { seconds } = await body(AdvanceBody, c.req.raw);
    emulator.clock.advance(seconds * 1000);
    emulator.sessions.advance(emulator.clock.now());
    return reply(c, { now: new Date(emulator.clock.now()).toISOString() });
  });
  control.get('/control/faults', (c) => reply(c, { faults: emulator.faults.list() }));
  control.post('/control/faults', async (c) => {
    emulator.faults.add(await body(FaultSpec, c.req.raw));
    return reply(c, { faults: emulator.faults.list() });
  });
  control.delete('/control/faults', (c) => {
    emulator.faults.clear();
    return reply(c, {});
  });
  control.post('/control/sessions:fail', async (c) => {
    const { name, message } = await body(FailBody, c.req.raw);
    emulator.sessions.injectStartupFailure(name, message);
    return reply(c, {});
  });
  control.post('/control/sessions:overwrite', async (c) => {
    const { name, fields } = await body(OverwriteBody, c.req.raw);
    return reply(c, emulator.sessions.overwrite(name, fields));
  });
  return control;
}
