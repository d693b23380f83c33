import { serve } from '@hono/node-server';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import type { ApiBackend } from './backend';
import { Emulator } from './emulator/emulator';
import { emulatorBackend } from './emulator/emulator-backend';
import { loadPriceTable, PriceFileError } from './prices';
import { findCredentials, NoCredentialsError } from './upstream/credentials';
import { upstreamBackend } from './upstream/upstream-backend';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm start -- [options]   (or: npm run emulator -- [options] for the API alone)
  --port N              port to listen on (default 8080; 0 picks a free one)
  --host H              address to bind (default 127.0.0.1)
  --upstream URL        forward /v1 to this Dataproc API (e.g. https://dataproc.googleapis.com) with
                        the server's Google credentials instead of running the emulator
  --quota-project P     upstream mode: X-Goog-User-Project (default: the credential's quota project)
  --project P           the project the console opens on (upstream default: the credential's or
                        gcloud's configured project)
  --upstream-timeout-ms MS  upstream mode: the most one API call may take (default 60000)
  --db PATH             SQLite file (default .data/dataproc.sqlite; :memory: for none)
  --transition-ms MS    how long CREATING and TERMINATING last (default 4000)
  --seed / --no-seed    add demo data on first start (default --seed)
  --require-auth TOK    API calls need "Authorization: Bearer TOK" (browsers sign in once, at
                        /console/sign-in); required with --upstream and a non-loopback --host
  --public-url URL      the URL people reach this server by, when it is not the bound address
  --allow-origin O      let pages of origin O call the API (CORS); repeatable
  --prices FILE         the price table for the money figures (JSON or YAML; see README); default:
                        the us-central1 list prices in src/schemas/prices.ts
  --api-only            serve the API (and control API), not the console`;

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`Invalid ${flag} "${text}": expected a whole number from ${min} to ${max}.`);
  return value;
}

function url(text: string | undefined, flag: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return text;
  } catch {
    // reported below
  }
  fail(`Invalid ${flag} "${text}": expected an http:// or https:// URL.`);
}

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      upstream: { type: 'string' },
      'quota-project': { type: 'string' },
      project: { type: 'string' },
      'upstream-timeout-ms': { type: 'string', default: '60000' },
      db: { type: 'string', default: path.join(ROOT, '.data', 'dataproc.sqlite') },
      'transition-ms': { type: 'string', default: '4000' },
      seed: { type: 'boolean', default: true },
      'no-seed': { type: 'boolean', default: false },
      'require-auth': { type: 'string' },
      'public-url': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'api-only': { type: 'boolean', default: false },
      prices: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const upstream = url(values.upstream, '--upstream');
  if (upstream && !LOOPBACK.includes(values.host) && !values['require-auth'])
    fail(
      `--upstream with --host ${values.host} would let anyone who can reach this machine act with your Google credentials. Add --require-auth TOKEN, or bind to 127.0.0.1.`,
    );
  return {
    port: integer(values.port, '--port', 0, 65535),
    host: values.host,
    upstream,
    quotaProject: values['quota-project'],
    project: values.project,
    upstreamTimeoutMs: integer(values['upstream-timeout-ms'], '--upstream-timeout-ms', 1, 3_600_000),
    db: values.db,
    transitionMs: integer(values['transition-ms'], '--transition-ms', 0, 86_400_000),
    seed: values.seed && !values['no-seed'],
    requireAuth: values['require-auth'],
    publicUrl: url(values['public-url'], '--public-url'),
    allowOrigins: values['allow-origin'].map((origin) => url(origin, '--allow-origin')!),
    apiOnly: values['api-only'],
    pricesFile: values.prices,
  };
}

type Options = ReturnType<typeof options>;

/** The emulator, or the proxy to the real API with the credentials this server holds. */
async function createBackend(opts: Options): Promise<{ backend: ApiBackend; describe: string }> {
  if (!opts.upstream) {
    const emulator = new Emulator({ db: opts.db, transitionMs: opts.transitionMs, seed: opts.seed });
    return {
      backend: emulatorBackend(emulator),
      describe: `embedded Dataproc emulator, database ${opts.db}`,
    };
  }
  let credentials;
  try {
    credentials = await findCredentials();
  } catch (error) {
    if (!(error instanceof NoCredentialsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const project = opts.project ?? credentials.project;
  if (!project)
    console.warn('No default project in the credentials or gcloud configuration; pass --project P.');
  const quotaProject = opts.quotaProject ?? credentials.quotaProject;
  console.log(`Credentials: ${credentials.description}`);
  if (quotaProject) console.log(`Quota project (X-Goog-User-Project): ${quotaProject}`);
  const backend = upstreamBackend({
    baseUrl: opts.upstream,
    credentials,
    quotaProject,
    timeoutMs: opts.upstreamTimeoutMs,
    defaultProject: project ?? 'my-project',
    defaultLocation: 'us-central1',
  });
  return { backend, describe: `upstream ${opts.upstream}` };
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
  if (
    !fs.existsSync(built) ||
    !fs.existsSync(path.join(dist, 'server', 'entry-server.js')) ||
    fs.statSync(built).mtimeMs < newestSource()
  ) {
    console.log('Building the console (sources changed or no build yet)…');
    // vite.config.ts reaches the server's extensionless imports (for `npm run dev`); Vite's warning
    // about a future config loader is not for the person running `npm start`.
    process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn' });
    // The server-side renderer (server/static.ts loads it), as `npm run build` makes it.
    await build({
      root: ROOT,
      logLevel: 'warn',
      build: { ssr: 'src/entry-server.tsx', outDir: 'dist/server' },
    });
  }
  return dist;
}

/** A bad price file stops the start with the field named (exit 1), before anything is built. */
function prices(file: string | undefined) {
  try {
    return loadPriceTable(file);
  } catch (error) {
    if (!(error instanceof PriceFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main() {
  const opts = options();
  const priceTable = prices(opts.pricesFile);
  const staticDir = opts.apiOnly ? undefined : await ensureConsoleBuilt();
  const { backend, describe } = await createBackend(opts);
  const app = createApp({
    backend,
    staticDir,
    boundHost: opts.host,
    publicUrl: opts.publicUrl,
    allowOrigins: opts.allowOrigins,
    requireAuth: opts.requireAuth,
    prices: priceTable,
  });
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
    const url = `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
    console.log(`Listening on ${url}`);
    if (staticDir) console.log(`Console:  ${url}/  (${describe})`);
    console.log(
      `API:      ${url}/v1/projects/${backend.info().defaultProject}/locations/us-central1/sessions`,
    );
  });
  const stop = () => {
    server.close();
    void backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
