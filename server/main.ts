import { serve } from '@hono/node-server';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { Emulator } from './emulator/emulator';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm start -- [options]   (or: npm run emulator -- [options] for the API alone)
  --port N            port to listen on (default 8080; 0 picks a free one)
  --host H            address to bind (default 127.0.0.1)
  --db PATH           SQLite file (default .data/dataproc.sqlite; :memory: for none)
  --transition-ms MS  how long CREATING and TERMINATING last (default 4000)
  --seed / --no-seed  add demo data on first start (default --seed)
  --require-auth TOK  answer 401 unless requests carry "Authorization: Bearer TOK"
  --api-only          serve the API and control API, not the console`;

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: path.join(ROOT, '.data', 'dataproc.sqlite') },
      'transition-ms': { type: 'string', default: '4000' },
      seed: { type: 'boolean', default: true },
      'no-seed': { type: 'boolean', default: false },
      'require-auth': { type: 'string' },
      'api-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  const transitionMs = Number(values['transition-ms']);
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535 ||
    !Number.isFinite(transitionMs) ||
    transitionMs < 0
  ) {
    console.error(`Invalid --port or --transition-ms.\n${USAGE}`);
    process.exit(2);
  }
  return {
    port,
    host: values.host,
    db: values.db,
    transitionMs,
    seed: values.seed && !values['no-seed'],
    requireAuth: values['require-auth'],
    apiOnly: values['api-only'],
  };
}

/** The newest modification time of the console's sources, to notice a stale build. */
function newestSource(): number {
  let newest = fs.statSync(path.join(ROOT, 'index.html')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'src'));
  return newest;
}

async function ensureConsoleBuilt(): Promise<string> {
  const dist = path.join(ROOT, 'dist');
  const built = path.join(dist, 'index.html');
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newestSource()) {
    console.log('Building the console (sources changed or no build yet)…');
    // vite.config.ts reaches the server's extensionless imports (for `npm run dev`); Vite's warning
    // about a future config loader is not for the person running `npm start`.
    process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn' });
  }
  return dist;
}

async function main() {
  const opts = options();
  const staticDir = opts.apiOnly ? undefined : await ensureConsoleBuilt();
  const emulator = new Emulator({ db: opts.db, transitionMs: opts.transitionMs, seed: opts.seed });
  const app = createApp({ emulator, requireAuth: opts.requireAuth, staticDir });
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
    const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
    console.log(`Listening on ${url}`);
    if (staticDir) console.log(`Console:  ${url}/  (embedded Dataproc emulator, database ${opts.db})`);
    console.log(`API:      ${url}/v1/projects/demo-project/locations/us-central1/sessions`);
  });
  const stop = () => {
    server.close();
    emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
