import { listProducers } from '@/lib/console/producers/list';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every producer group connected to the masters, with each client's address, language and version. */
export const GET = route({ route: '/api/clusters/[cluster]/producers', permission: 'cluster:read' }, ({ ctx }) => listProducers(ctx));
