import { deleteRule, saveRule } from '@/lib/console/alerts/manage';
import { AlertRuleBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Replaces a rule (audited with the rule before and after). */
export const PUT = route({ route: '/api/clusters/[cluster]/alerts/rules/[ruleId]', permission: 'alert:rules', body: AlertRuleBody }, ({ change, params, body }) => saveRule(change, { ...body, id: params.ruleId! }));

/** Deletes a rule (audited); its alerts resolve at the next evaluation. */
export const DELETE = route({ route: '/api/clusters/[cluster]/alerts/rules/[ruleId]', permission: 'alert:rules' }, ({ change, params }) => deleteRule(change, { ruleId: params.ruleId! }));
