import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import path from 'node:path';

/**
 * `npm run dev`: the emulated API runs inside Vite's dev server, on the same origin as the
 * console, as it does under `npm start`. Loaded lazily so `vite build` never opens SQLite.
 */
function embeddedEmulator(): Plugin {
  return {
    name: 'embedded-dataproc-emulator',
    apply: 'serve',
    async configureServer(server) {
      const [{ getRequestListener }, { createApp }, { Emulator }, { emulatorBackend }] = await Promise.all([
        import('@hono/node-server'),
        import('./server/app'),
        import('./server/emulator/emulator'),
        import('./server/emulator/emulator-backend'),
      ]);
      const emulator = new Emulator({ db: '.data/dev.sqlite', transitionMs: 4000, seed: true });
      const listener = getRequestListener(createApp({ backend: emulatorBackend(emulator) }).fetch);
      server.middlewares.use((req, res, next) => {
        if (/^\/(v1|control|console)\//.test(req.url ?? '')) void listener(req, res);
        else next();
      });
      server.httpServer?.once('close', () => emulator.close());
    },
  };
}

/**
 * Modules a library imports for a feature this console never uses, replaced in the build by a
 * stand-in that says so: each costs the list route's first JavaScript (issue 19: at most 140 KB
 * gzip) and does nothing here. Scoped by importer, so a direct import of the same module elsewhere
 * still gets the real one. The unit tests run the real modules.
 */
const NEVER_USED: { importer: RegExp; source: string; why: string; code: string }[] = [
  {
    // createTheme's CSS-variables variant (createThemeWithVars, prepareCssVars: about 7 KB gzip) is
    // only called for a theme with `cssVariables` or `colorSchemes`, which ours (src/app/theme.ts)
    // never sets.
    importer: /@mui[/\\]material[/\\]styles[/\\]createTheme\.mjs$/,
    source: './createThemeWithVars.mjs',
    why: 'This build has no CSS-variables theme (see vite.config.ts).',
    code: `export default function createThemeWithVars() { throw new Error(WHY); }`,
  },
  {
    // Button's and IconButton's `loading` spinner: no button of the console sets `loading`.
    importer: /@mui[/\\]material[/\\](Button|IconButton)[/\\]\1\.mjs$/,
    source: '../CircularProgress/index.mjs',
    why: 'This build has no loading buttons: MUI Button `loading` is not available (see vite.config.ts).',
    code: `export default function CircularProgress() { throw new Error(WHY); }`,
  },
  {
    // The ripple: the theme turns it off for every button (src/app/theme.ts, which marks keyboard
    // focus with an outline instead), so ButtonBase never renders it.
    importer: /@mui[/\\]material[/\\]ButtonBase[/\\]ButtonBase\.mjs$/,
    source: './TouchRipple.mjs',
    why: 'This build has no ripple: the theme sets disableRipple (see vite.config.ts).',
    code: `export default function TouchRipple() { throw new Error(WHY); }`,
  },
  {
    // React 19 has useSyncExternalStore; wouter imports the shim written for React 16 and 17.
    importer: /wouter[/\\]src[/\\]use-sync-external-store\.js$/,
    source: 'use-sync-external-store/shim/index.js',
    why: '',
    code: `export { useSyncExternalStore } from 'react';`,
  },
  {
    // Emotion's withTheme, which hoists a component's statics: nothing here calls withTheme (MUI
    // has its own theming), yet the package and its copy of react-is 16 load with emotion.
    importer: /@emotion[/\\]react[/\\]/,
    source: 'hoist-non-react-statics',
    why: 'This build has no hoist-non-react-statics: emotion withTheme is not available (see vite.config.ts).',
    code: `export default function hoistNonReactStatics() { throw new Error(WHY); }`,
  },
];

function neverUsedModules(): Plugin {
  const PREFIX = '\0never-used:';
  return {
    name: 'never-used-modules',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const index = NEVER_USED.findIndex((m) => m.source === source && m.importer.test(importer ?? ''));
      return index < 0 ? null : `${PREFIX}${index}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const stand = NEVER_USED[Number(id.slice(PREFIX.length))]!;
      return `const WHY = ${JSON.stringify(stand.why)};\n${stand.code}`;
    },
  };
}

/**
 * The console's code (the `boot` entry and what it imports) is downloaded while the HTML is parsed,
 * though it runs only after the first paint (src/main.tsx), so on a real network the round trip
 * and the download do not follow the paint. `prefetch`, not `modulepreload`: a module preload is
 * also compiled, on the main thread, before the first paint (the bench's list, first visit: 1.57×
 * the static page with modulepreload, 1.33× without, 1.34× with prefetch, one run each).
 */
function preloadConsoleCode(): Plugin {
  return {
    name: 'preload-console-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const boot = Object.values(context.bundle ?? {}).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'boot',
        );
        if (boot?.type !== 'chunk') return [];
        const files = [...boot.imports, boot.fileName].filter((file) => !html.includes(`/${file}"`));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'prefetch', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** The page's entry (it runs before the first paint) and what it shares: kept out of the first-view chunk. */
const PAGE_ENTRY = /([\\/]index\.html|src[\\/]main\.tsx)$/;
const ENTRY_SHARED =
  /(vite\/preload-helper\.js|vite\/modulepreload-polyfill\.js|src[\\/]app[\\/]ssr-state-id\.ts)$/;

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), embeddedEmulator(), neverUsedModules(), preloadConsoleCode()],
  server: { host: '127.0.0.1' },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    copyPublicDir: !isSsrBuild,
    // Everything the entry imports statically (what the list route loads before it answers) in one
    // chunk, rather than the two dozen small ones the lazy pages' sharing would cut it into: each
    // file is compressed apart and costs a request (about 4 KB gzip more over the list's files).
    // The page's entry (src/main.tsx) is tiny and imports src/boot.tsx after the first paint: boot is
    // an entry of its own so that what it imports statically counts as initial and joins that chunk.
    rolldownOptions: isSsrBuild
      ? undefined
      : {
          input: {
            index: path.resolve(import.meta.dirname, 'index.html'),
            boot: path.resolve(import.meta.dirname, 'src/boot.tsx'),
          },
          output: {
            codeSplitting: {
              groups: [
                // What the page's entry shares with the rest (Vite's dynamic-import helper, the id of
                // the state block): in a small file of its own, or the entry would import the big
                // chunk for them, and evaluate it before the first paint.
                { name: 'entry-shared', test: ENTRY_SHARED, priority: 2 },
                {
                  name: 'first-view',
                  tags: ['$initial'],
                  test: (id: string) => !PAGE_ENTRY.test(id),
                  priority: 1,
                },
              ],
            },
          },
        },
  },
  // The server-side renderer (`vite build --ssr src/entry-server.tsx`, loaded by server/static.ts)
  // bundles its dependencies rather than importing them from node_modules at run time: then React,
  // MUI and emotion are the production builds the browser runs, with the same plugins, so the markup
  // they write is the markup the browser's hydration expects (MUI's development builds add
  // attributes, such as an icon's data-testid, that the production build does not).
  ssr: isSsrBuild ? { noExternal: true } : undefined,
  // A server build keeps `process.env.NODE_ENV` for run time unless told; the renderer is production.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : undefined,
}));
