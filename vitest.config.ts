import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { FreezingLastSequencer } from './test-support/freezing-last-sequencer.ts';

// unit: pure functions of bytes (recorded fixtures) and of the TCP layer; live: against the running sandbox,
// compared with the official mqadmin. sandbox/scripts/test.sh starts what the live project needs.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    // suites that freeze a broker run last (a frozen broker leaves clients with stale channels for minutes)
    sequence: { sequencer: FreezingLastSequencer },
    projects: [
      {
        extends: true,
        // unit tests run while npm test's sandboxes boot (JVMs on both cores): the limit is there to catch a hang, and
        // 5 s cut off CPU-heavy ones (password hashing, a 10,000-group snapshot) that take 1-2 s on an idle machine
        test: { name: 'unit', testTimeout: 30_000, include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'reliability/**/*.test.ts', 'cli/**/*.test.ts', 'mcp/**/*.test.ts', 'i18n/**/*.test.ts'], exclude: ['**/*.live.test.ts', '**/*.pg.test.ts', '**/*.secured.test.ts', '**/*.faults.test.ts', 'node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'live',
          include: ['lib/**/*.live.test.ts', 'app/**/*.live.test.ts', 'cli/**/*.live.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // the sandboxes with access control (SANDBOX_AUTH=on, RMQ_VERSION picks 5.x ACL 2.0 or 4.x ACL 1.0)
        extends: true,
        test: { name: 'secured', include: ['lib/**/*.secured.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
      {
        // reliability/faults.ts: kills and freezes the sandbox's processes, so it runs alone, after the others
        extends: true,
        test: { name: 'faults', include: ['reliability/**/*.faults.test.ts'], testTimeout: 900_000, hookTimeout: 180_000, fileParallelism: false },
      },
      {
        // the store against a real PostgreSQL: sandbox/scripts/test.sh starts one (sandbox/scripts/postgres.sh)
        // and passes its DATABASE_URL
        extends: true,
        test: { name: 'pg', include: ['lib/**/*.pg.test.ts', 'reliability/**/*.pg.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
      },
    ],
  },
});
