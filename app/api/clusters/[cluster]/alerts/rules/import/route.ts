import { importRules } from '@/lib/console/alerts/manage';
import { RuleImportBody } from '@/lib/console/alerts/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Adds an exported file's rules (replacing those of their id); mode replace also deletes the others. Audited per rule. */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/rules/import', permission: 'alert:rules', body: RuleImportBody }, ({ change, body }) => importRules(change, body));
