/** Test support: a snapshot service on the live sandbox's admin client (no background timer). */
import type { AdminClient } from '../admin';
import { SnapshotService } from './service';

export function liveSnapshotService(admin: AdminClient): SnapshotService {
  return new SnapshotService(admin, { intervalMs: 60_000, concurrencyPerBroker: 16 });
}
