import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (Playwright's own download is not reachable here) against the
 * built console and the real emulator, which each worker starts on a free port (e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: a test that passes only on its second run is still reported (as flaky), but a
  // busy 2-core CI machine does not stop a landing for it.
  retries: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
