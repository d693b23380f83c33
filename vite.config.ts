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

export default defineConfig({
  plugins: [react(), embeddedEmulator()],
  server: { host: '127.0.0.1' },
  build: { sourcemap: false, chunkSizeWarningLimit: 600 },
});
