import { Hono } from 'hono';
import { z } from 'zod';
import { FaultSpec } from './faults';
import type { Emulator } from './emulator';
import { invalidArgument } from './errors';
import { LIMITS, memberPath, requestLimits, sizeViolations } from './limits';
import { parseJson } from './request-body';
import { reply } from './api-routes';

/** The clock moves forward only, at most ten years per call and a hundred years in all. */
const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600;
const MAX_CLOCK_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;

const ResetBody = z.strictObject({ seed: z.boolean().default(false) });
const AdvanceBody = z.strictObject({ seconds: z.number().min(0).max(MAX_ADVANCE_SECONDS) });
const SessionName = z.string().max(LIMITS.keyChars * 2);
const FailBody = z.strictObject({
  name: SessionName,
  message: z.string().max(LIMITS.stringChars).default('Session start-up failed (injected fault).'),
});
const OverwriteBody = z.strictObject({ name: SessionName, fields: z.record(z.string(), z.unknown()) });

/** A control body: malformed JSON, an oversized value or a wrong field are 400 naming the field. */
export async function body<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S>> {
  const raw = parseJson(await request.text());
  const tooBig = sizeViolations(raw, 'body');
  if (tooBig.length) throw invalidArgument(tooBig);
  const result = schema.safeParse(raw);
  if (!result.success)
    throw invalidArgument(
      result.error.issues.map((issue) => {
        const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
        const field = keys.reduce<string>(
          (at, key) => memberPath(at, typeof key === 'number' ? key : String(key)),
          'body',
        );
        return { field, description: issue.code === 'unrecognized_keys' ? `Unknown field.` : issue.message };
      }),
    );
  return result.data;
}

/**
 * The control API, outside /v1 and never part of Dataproc: health, reset, clock and fault
 * injection, for tests and demos. It is answered only by the emulator.
 */
export function controlRoutes(emulator: Emulator): Hono {
  const control = new Hono();
  control.use('/control/*', requestLimits());
  control.get('/control/health', (c) => {
    const skipped = emulator.sessions.lifecycle.problems();
    return reply(c, {
      status: skipped.length ? 'degraded' : 'ok',
      now: new Date(emulator.clock.now()).toISOString(),
      ...(skipped.length ? { skippedSessions: skipped } : {}),
    });
  });
  control.post('/control/reset', async (c) => {
    const { seed } = await body(ResetBody, c.req.raw);
    emulator.reset(seed);
    return reply(c, {});
  });
  control.post('/control/clock:advance', async (c) => {
    const { seconds } = await body(AdvanceBody, c.req.raw);
    if (emulator.clock.offset + seconds * 1000 > MAX_CLOCK_OFFSET_MS)
      throw invalidArgument([
        {
          field: 'body.seconds',
          description: 'The clock may run at most 100 years ahead; reset to start again.',
        },
      ]);
    emulator.clock.advance(seconds * 1000);
    emulator.tick();
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
