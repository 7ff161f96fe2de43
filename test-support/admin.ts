/** Test support: an admin client on the live sandbox with short deadlines, closed after the file. */
import { afterAll } from 'vitest';
import { LIVE } from './sandbox';
import { AdminClient } from '../lib/console/core/admin';
import { readConfig } from '../lib/console/config';

export function liveAdmin(overrides: { requestTimeoutMs?: number; fanOutDeadlineMs?: number } = {}): AdminClient {
  const admin = new AdminClient({ ...readConfig(), namesrvAddrs: [LIVE.namesrv], requestTimeoutMs: 2000, fanOutDeadlineMs: 2500, ...overrides });
  afterAll(() => admin.close());
  return admin;
}
