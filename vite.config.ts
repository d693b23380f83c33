import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

const NO_CSS_VARIABLES_THEME = '\0no-css-variables-theme';

/**
 * MUI's createTheme imports its CSS-variables variant (createThemeWithVars, prepareCssVars: about
 * 7 KB gzip) even though it only calls it for a theme with `cssVariables` or `colorSchemes`, which
 * ours (src/app/theme.ts) never sets. The build gives createTheme a variant that says so instead,
 * keeping the list route's JavaScript under its budget.
 */
function themeWithoutCssVariables(): Plugin {
  return {
    name: 'theme-without-css-variables',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === './createThemeWithVars.mjs' &&
        /@mui[/\\]material[/\\]styles[/\\]createTheme\.mjs$/.test(importer ?? '')
      )
        return NO_CSS_VARIABLES_THEME;
      return null;
    },
    load(id) {
      if (id !== NO_CSS_VARIABLES_THEME) return null;
      return `export default function createThemeWithVars() {
        throw new Error('This build has no CSS-variables theme (see vite.config.ts).');
      }`;
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), embeddedEmulator(), themeWithoutCssVariables()],
  server: { host: '127.0.0.1' },
  build: { sourcemap: false, chunkSizeWarningLimit: 600, copyPublicDir: !isSsrBuild },
  // The server-side renderer (`vite build --ssr src/entry-server.tsx`, loaded by server/static.ts)
  // bundles its dependencies rather than importing them from node_modules at run time: then React,
  // MUI and emotion are the production builds the browser runs, with the same plugins, so the markup
  // they write is the markup the browser's hydration expects (MUI's development builds add
  // attributes, such as an icon's data-testid, that the production build does not).
  ssr: isSsrBuild ? { noExternal: true } : undefined,
  // A server build keeps `process.env.NODE_ENV` for run time unless told; the renderer is production.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : undefined,
}));
