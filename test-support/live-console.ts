/**
 * Test support (vitest only): a console on the live sandbox built the way the server builds one (createConsole),
 * with short deadlines, a throwaway SQLite store and no background work, closed after the file.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createConsole, type Console } from '../lib/console/console';
import { readSettings, type TestHooks } from '../lib/console/core/config';
import type { Actor, ChangeContext, ClusterContext } from '../lib/console/context';
import type { AdminClient } from '../lib/console/core/admin';
import type { AclCredentials } from '../lib/remoting';
import { LIVE, type Sandbox } from './sandbox';

export interface LiveConsole {
  app: Console;
  /** The sandbox cluster's context. */
  ctx: ClusterContext;
  admin: AdminClient;
  /** The context with an actor, as a request by `user` would carry it. */
  as(user?: string, channel?: Actor['channel']): ChangeContext;
}

export function liveConsole(
  overrides: { requestTimeoutMs?: number; fanOutDeadlineMs?: number; stuckAfterMs?: number; testHooks?: TestHooks; on?: Sandbox; credentials?: AclCredentials; proxyRemotingPort?: number } = {},
): LiveConsole {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'live-console-'));
  const settings = readSettings({ NAMESRV_ADDR: (overrides.on ?? LIVE).namesrv, CLUSTER_KEY: 'live', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RMQ_REQUEST_TIMEOUT_MS: '2000', RMQ_FANOUT_DEADLINE_MS: '2500' });
  for (const c of settings.clusters) Object.assign(c, overrides.requestTimeoutMs ? { requestTimeoutMs: overrides.requestTimeoutMs } : {}, overrides.fanOutDeadlineMs ? { fanOutDeadlineMs: overrides.fanOutDeadlineMs } : {});
  if (overrides.credentials) for (const c of settings.clusters) c.credentials = { ...overrides.credentials };
  if (overrides.proxyRemotingPort) for (const c of settings.clusters) c.proxyRemotingPort = overrides.proxyRemotingPort;
  settings.lag.snapshotIntervalMs = 60_000;
  settings.lag.snapshotConcurrency = 16;
  if (overrides.stuckAfterMs !== undefined) settings.lag.stuckAfterMs = overrides.stuckAfterMs;
  const app = createConsole(settings, { testHooks: overrides.testHooks ?? {} });
  afterAll(() => app.close());
  const ctx = app.cluster('live');
  return { app, ctx, admin: ctx.admin, as: (user = 'test', channel = 'ui') => ({ ...ctx, actor: { user, channel } }) };
}
