import { addSilence, listSilences } from '@/lib/console/alerts/silences';
import { SilenceBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Silences running now. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/silences', permission: 'cluster:read' }, ({ ctx }) => listSilences(ctx));

/** Silences a rule's alerts (or every rule's) for subjects matching a glob, until an end, with a reason. */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/silences', permission: 'alert:ack', body: SilenceBody }, ({ change, body }) => addSilence(change, body));
