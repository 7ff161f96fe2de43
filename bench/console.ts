/** The bench builds its console the way the server does (createConsole), against the bench's own sandbox. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsole, type Console } from '../lib/console/console';
import { readSettings } from '../lib/console/core/config';
import type { ChangeContext, ClusterContext } from '../lib/console/context';

export interface BenchConsole {
  console: Console;
  ctx: ClusterContext;
  change: ChangeContext;
}

export function benchConsole(namesrv: string, deadlines: { requestTimeoutMs: number; fanOutDeadlineMs: number }): BenchConsole {
  const console = createConsole(
    readSettings({
      NAMESRV_ADDR: namesrv,
      CLUSTER_KEY: 'bench',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-console-')),
      LOG_LEVEL: 'warn',
      RMQ_REQUEST_TIMEOUT_MS: String(deadlines.requestTimeoutMs),
      RMQ_FANOUT_DEADLINE_MS: String(deadlines.fanOutDeadlineMs),
    }),
  );
  const ctx = console.cluster('bench');
  return { console, ctx, change: { ...ctx, actor: { user: 'bench', channel: 'cli' } } };
}
