import { acknowledge } from '@/lib/console/alerts/silences';
import { AckBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Acknowledges a pending or firing alert's current episode. */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/ack', permission: 'alert:ack', body: AckBody }, ({ change, body }) => acknowledge(change, body));
