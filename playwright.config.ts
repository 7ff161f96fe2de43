import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { ADMIN_STATE } from './e2e/support';
import { DEFAULT_PORTS, SANDBOXES, testPort } from './test-support/sandbox';

// End-to-end tests drive the real UI in Debian's Chromium against the two running sandboxes (sandbox/scripts/test.sh
// starts them). The console is served by `next start` from the build test.sh makes, as in production: sign-in on,
// a clusters file naming both sandboxes (`local`, 5.x and the default cluster; `local-4.9`), and single sign-on
// against a real OIDC provider on loopback that e2e/auth.spec.ts starts. The `setup` project signs the first admin
// in once; the other specs act as that admin (its session cookie), e2e/auth.spec.ts makes its own users and runs last.
const port = Number(process.env.E2E_PORT ?? testPort(DEFAULT_PORTS.e2eConsole));
const baseURL = `http://127.0.0.1:${port}`;
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? testPort(DEFAULT_PORTS.oidcProvider));
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-123';
const results = path.resolve(import.meta.dirname, 'test-results');
const dataDir = process.env.E2E_DATA_DIR ?? path.join(results, 'e2e-data');

// the specs read these (the workers inherit the runner's environment)
process.env.E2E_CLUSTER ??= SANDBOXES.v5.cluster;
process.env.E2E_OIDC_PORT = String(oidcPort);
process.env.E2E_ADMIN_PASSWORD = adminPassword;
/** The console's log (its stdout: pino's JSON lines), which the secured spec scans for secrets. */
process.env.E2E_CONSOLE_LOG = `${dataDir}.log`;

/** The clusters file of test.sh (or the same one, written by the same script) plus the sign-on section. */
function consoleConfig(): string {
  mkdirSync(results, { recursive: true });
  let clusters = process.env.E2E_CONSOLE_CONFIG;
  if (!clusters) {
    clusters = path.join(results, 'e2e-console.yaml');
    execFileSync('bash', [path.resolve(import.meta.dirname, 'sandbox/scripts/console-config.sh'), clusters, SANDBOXES.v5.version, SANDBOXES.v4.version]);
  }
  const file = path.join(results, 'e2e-console-signin.yaml');
  writeFileSync(
    file,
    `${readFileSync(clusters, 'utf8')}
auth:
  oidc:
    issuer: http://127.0.0.1:${oidcPort}
    clientId: rocketmq-console
    clientSecret: console-test-secret-0123456789
    scopes: openid profile email groups
    label: Test IdP
    usernameClaim: preferred_username
    roleClaim: groups
    roles:
      - { value: rmq-operators, role: operator, clusters: [${SANDBOXES.v5.cluster}] }
      - { value: rmq-viewers, role: viewer, clusters: ["*"] }
`,
  );
  return file;
}

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // E2E_SECURED=1: only the specs of the sandboxes with access control (E2E_CONSOLE_CONFIG names them)
  projects: process.env.E2E_SECURED === '1' ? [
    { name: 'setup', testMatch: /sign-in\.setup\.ts/ },
    { name: 'secured', testMatch: '**/secured.spec.ts', dependencies: ['setup'], use: { storageState: ADMIN_STATE, extraHTTPHeaders: { origin: baseURL } } },
  ] : [
    { name: 'setup', testMatch: /sign-in\.setup\.ts/ },
    {
      name: 'console',
      testMatch: '**/*.spec.ts',
      testIgnore: ['**/auth.spec.ts', '**/secured.spec.ts'],
      dependencies: ['setup'],
      // the admin's session; API calls send the console's own Origin, as its pages do (mutations need it)
      use: { storageState: ADMIN_STATE, extraHTTPHeaders: { origin: baseURL } },
    },
    { name: 'sign-in', testMatch: '**/auth.spec.ts', dependencies: ['console'] },
  ],
  webServer: {
    // a fresh store each run: the first admin comes from CONSOLE_ADMIN_PASSWORD
    command: `rm -rf ${JSON.stringify(dataDir)} && npx next start -p ${port} -H 127.0.0.1 > ${JSON.stringify(`${dataDir}.log`)}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CONSOLE_CONFIG: consoleConfig(),
      CONSOLE_ADMIN_PASSWORD: adminPassword,
      NEXT_TELEMETRY_DISABLED: '1',
      // the console's own address, for the links in alert notifications (next start -p does not tell it)
      PORT: String(port),
      RMQ_REQUEST_TIMEOUT_MS: '2000',
      RMQ_FANOUT_DEADLINE_MS: '2500',
      // the secured run logs each sign-in, change and broker refusal (info), so the secret scan of the log has lines to read
      LOG_LEVEL: process.env.E2E_SECURED === '1' ? 'info' : 'warn',
      DATA_DIR: dataDir,
      // short intervals so the lag snapshot and history have several points within a test
      LAG_SNAPSHOT_INTERVAL_MS: '2000',
      LAG_SAMPLE_INTERVAL_MS: '2000',
      LAG_HEARTBEAT_MS: '2000',
      // a client started by a spec shows up as a rebalance within seconds
      REBALANCE_SAMPLE_INTERVAL_MS: '3000',
    },
  },
});
