import { listRules, saveRule } from '@/lib/console/alerts/manage';
import { AlertRuleBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The cluster's alert rules. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/rules', permission: 'cluster:read' }, ({ ctx }) => listRules(ctx));

/** Creates a rule (audited). */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/rules', permission: 'alert:rules', body: AlertRuleBody }, ({ change, body }) => saveRule(change, body));
