import { endSilence } from '@/lib/console/alerts/silences';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ends a silence before its end. */
export const DELETE = route({ route: '/api/clusters/[cluster]/alerts/silences/[silenceId]', permission: 'alert:ack' }, ({ change, params }) => endSilence(change, { silenceId: Number(params.silenceId) }));
