import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The sign-in end-to-end tests on their own console (sign-in on, OIDC configured against the loopback provider the
// spec starts): `npx playwright test -c playwright.auth.config.ts`. Needs a build (`npx next build`). The sandbox
// (NAMESRV_ADDR, default 127.0.0.1:9876) is needed by the audit test only.
const port = Number(process.env.E2E_AUTH_PORT ?? 3210);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 4421);
const namesrv = process.env.NAMESRV_ADDR ?? `127.0.0.1:${process.env.NAMESRV_PORT ?? '9876'}`;
const cluster = process.env.E2E_CLUSTER ?? 'lab';
const dir = path.resolve(import.meta.dirname, 'test-results/auth-e2e');
const dataDir = path.join(dir, 'data');
const clustersFile = path.join(dir, 'clusters.yaml');

// the clusters file names the OIDC provider and its group → role mapping (the spec's provider serves these groups)
mkdirSync(dir, { recursive: true });
writeFileSync(
  clustersFile,
  `clusters:
  - name: ${cluster}
    namesrv: "${namesrv}"
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
      - { value: rmq-operators, role: operator, clusters: [${cluster}] }
      - { value: rmq-viewers, role: viewer, clusters: ["*"] }
`,
);

export default defineConfig({
  testDir: 'e2e',
  testMatch: 'auth.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_AUTH_JSON ?? 'test-results/auth-e2e/results.json' }]],
  outputDir: 'test-results/auth-e2e/artifacts',
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
    // a fresh store each run: the first admin comes from CONSOLE_ADMIN_PASSWORD
    command: `rm -rf ${JSON.stringify(dataDir)} && npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CONSOLE_CONFIG: clustersFile,
      NEXT_TELEMETRY_DISABLED: '1',
      RMQ_REQUEST_TIMEOUT_MS: '2000',
      RMQ_FANOUT_DEADLINE_MS: '2500',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      CONSOLE_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-123',
      E2E_CLUSTER: cluster,
      E2E_OIDC_PORT: String(oidcPort),
    },
  },
});
