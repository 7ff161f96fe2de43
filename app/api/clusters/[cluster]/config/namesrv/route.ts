import { getNamesrvConfigTable } from '@/lib/console/brokers/config-view';
import { ConfigTableQuery } from '@/lib/console/brokers/config-schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every namesrv's configuration side by side (= mqadmin getNamesrvConfig), secrets masked. */
export const GET = route({ route: '/api/clusters/[cluster]/config/namesrv', permission: 'cluster:read', query: ConfigTableQuery }, ({ ctx, query }) =>
  getNamesrvConfigTable(ctx, { search: query.search, onlyDiffering: query.differing === '1' }),
);
