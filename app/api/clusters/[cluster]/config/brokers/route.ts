import { getBrokerConfigTable } from '@/lib/console/brokers/config-view';
import { ConfigTableQuery } from '@/lib/console/brokers/config-schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every broker's configuration side by side (= mqadmin getBrokerConfig), keys where one cluster's brokers differ flagged, secrets masked. */
export const GET = route({ route: '/api/clusters/[cluster]/config/brokers', permission: 'cluster:read', query: ConfigTableQuery }, ({ ctx, query }) =>
  getBrokerConfigTable(ctx, { clusterName: query.clusterName, search: query.search, onlyDiffering: query.differing === '1' }),
);
