/** Test support (vitest and Playwright alike): a bare admin client on a sandbox, for setting up test data. */
import { AdminClient } from '../lib/console/core/admin';
import { readSettings } from '../lib/console/core/config';
import { LIVE } from './sandbox';

export function sandboxAdmin(namesrv: string = LIVE.namesrv): AdminClient {
  return new AdminClient(readSettings({ NAMESRV_ADDR: namesrv }).clusters[0]!);
}
