import { defineConfig } from '@playwright/test';

// Browser tests against the built application (backend serving the Angular build) on the
// real PostgreSQL and Redis; global-setup starts it in a database of its own.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // Per test; a loaded 2-core CI machine runs a long walk through the app at half speed.
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../tmp/reports/e2e.json' }]],
  outputDir: '../../tmp/test-results',
  use: {
    baseURL: process.env['E2E_BASE_URL'],
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
