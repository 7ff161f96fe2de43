import { previewRule } from '@/lib/console/alerts/manage';
import { AlertRuleBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Which groups a rule would fire for on the current lag snapshot ("for" aside), and which it could not evaluate; stores nothing. */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/rules/preview', permission: 'alert:rules', body: AlertRuleBody }, ({ ctx, body }) => previewRule(ctx, body));
