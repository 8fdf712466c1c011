import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Each test starts its own preview
// server (see test/e2e/fixtures.ts), so tests do not share backend state. The Electron
// project starts the real app in the Electron runtime (test/electron/electron-app.ts),
// one app per test; without the runtime it skips and says why.
export default defineConfig({
  projects: [
    { name: 'browser', testDir: 'test/e2e' },
    // One app at a time: on Windows the elevated app keeps its records in one per-machine folder.
    { name: 'electron', testDir: 'test/electron', timeout: 60_000, workers: 1 },
  ],
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
