/** Test support: a snapshot service on the live sandbox's admin client (no background timer). */
import type { AdminClient } from '../lib/console/core/admin';
import { SnapshotService } from '../lib/console/lag/service';

export function liveSnapshotService(admin: AdminClient): SnapshotService {
  return new SnapshotService(admin, { intervalMs: 60_000, concurrencyPerBroker: 16 });
}
