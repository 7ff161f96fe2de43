import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEFAULT_PORTS, SANDBOXES, testPort } from './test-support/sandbox';

// End-to-end tests drive the real UI in Debian's Chromium against the two running sandboxes (sandbox/scripts/test.sh
// starts them). The console is served by `next start` from the build test.sh makes, with a clusters file naming
// both: `local` (5.x, the default cluster) and `local-4.9`.
const port = Number(process.env.E2E_PORT ?? testPort(DEFAULT_PORTS.e2eConsole));
const consoleConfig = process.env.E2E_CONSOLE_CONFIG ?? writeConsoleConfig();

/** Without test.sh's file (npx playwright test by hand), the same file from the same script. */
function writeConsoleConfig(): string {
  const file = path.resolve(import.meta.dirname, 'test-results/e2e-console.yaml');
  execFileSync('bash', [path.resolve(import.meta.dirname, 'sandbox/scripts/console-config.sh'), file, SANDBOXES.v5.version, SANDBOXES.v4.version]);
  return file;
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/clusters`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CONSOLE_CONFIG: consoleConfig,
      NEXT_TELEMETRY_DISABLED: '1',
      RMQ_REQUEST_TIMEOUT_MS: '2000',
      RMQ_FANOUT_DEADLINE_MS: '2500',
      LOG_LEVEL: 'warn',
      DATA_DIR: process.env.E2E_DATA_DIR ?? 'test-results/e2e-data',
      // short intervals so the lag snapshot and history have several points within a test
      LAG_SNAPSHOT_INTERVAL_MS: '2000',
      LAG_SAMPLE_INTERVAL_MS: '2000',
      LAG_HEARTBEAT_MS: '2000',
    },
  },
});
